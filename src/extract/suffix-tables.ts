// Name suffixes per entity type (graph/rules/<type>.json), with the words that look like a suffix but are not one
// (公园 ends in 园, 格局 in 局) and the words that, following a suffix, show it was not the end of
// a name (人才政策体系, 产业结构).
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../model/index.js';
import { ALL_RULE_IDS, type RuleId } from './rule-ids.js';
import type { GrowOptions } from './grow-name.js';
import { readRuleFile } from './rule-files.js';

export interface SuffixTable {
  type: EntityType;
  rule: RuleId;
  /** Longest first. */
  suffixes: string[];
  /** Suffixes that must be a whole token (a single character such as 园 or 谷 inside a word means nothing). */
  wholeTokenOnly: Set<string>;
  /** Ordinary words ending in a suffix: a token ending with one of them is no name (公园, 调整机制, 骨干企业). */
  blockedEndings: Set<string>;
  /** A following token that shows the suffix does not end a name. */
  continuations: Set<string>;
  grow: GrowOptions;
  /** Suffixes whose name needs a proper-noun body (a place, an unknown word, a level prefix): 基地, 银行. */
  needsProperBody: Set<string>;
  /** Suffixes so common as a class word (园区) that only a place or a named owner makes one zone. */
  needsPlaceBody: Set<string>;
  /** Shortest body per suffix (人才政策, 水利工程 are classes, not names; 机制 names only with a long qualifier). */
  minBody: Map<string, number>;
  /** Suffixes whose body must be 2–4 characters: a longer one is a clause (政府管理经济), not a sector. */
  needsShortBody: Set<string>;
  /** Verbs that carry out a named thing (实施/开展 … 行动): everything after one, up to the suffix, is the name. */
  frameVerbs: Set<string>;
  /** Designations (示范区, 先行区) made particular by the sector they are for, as well as by a place. */
  sectorDesignations: Set<string>;
  /** Bodies that only place or qualify (国内旅游, 财政金融): with a short-body suffix they name no sector. */
  notBodies: Set<string>;
  /** Names of this shape are something else (X水利工程 is a work, not a programme). */
  notNames?: RegExp;
}

const byLength = (a: string, b: string): number => b.length - a.length;

/** One graph/rules/<type>.json file: the suffix rule of one entity type, as data. */
const RuleFile = z.object({
  type: z.enum(ENTITY_TYPES),
  rule: z.enum(ALL_RULE_IDS as [RuleId, ...RuleId[]]),
  suffixes: z.array(z.string()),
  whole: z.array(z.string()),
  blocked: z.array(z.string()),
  continuations: z.array(z.string()),
  properBody: z.array(z.string()),
  placeBody: z.array(z.string()).default([]),
  minBody: z.record(z.string(), z.number().int().positive()),
  shortBody: z.array(z.string()),
  frameVerbs: z.array(z.string()),
  sectorDesignations: z.array(z.string()),
  notBodies: z.array(z.string()),
  notNames: z.string().optional(),
  grow: z.object({
    maxLength: z.number().int().positive(),
    allowAnd: z.boolean().optional(),
    idiomBody: z.boolean().optional(),
    joinCoordinate: z.boolean().optional(),
    stopAtRegion: z.boolean().optional(),
    stopAtVerb: z.boolean().optional(),
    stopAtOuterVerb: z.boolean().optional(),
    stopAtIndustry: z.boolean().optional(),
    stripPrefix: z.string().optional(),
  }),
});

function tableOf(file: string): SuffixTable {
  const r = RuleFile.parse(readRuleFile(file));
  const { stripPrefix, ...grow } = r.grow;
  return {
    type: r.type,
    rule: r.rule,
    suffixes: [...r.suffixes].sort(byLength),
    wholeTokenOnly: new Set(r.whole),
    blockedEndings: new Set(r.blocked),
    continuations: new Set(r.continuations),
    grow: stripPrefix ? { ...grow, stripPrefix: new RegExp(stripPrefix) } : grow,
    needsProperBody: new Set(r.properBody.includes('*') ? r.suffixes : r.properBody),
    needsPlaceBody: new Set(r.placeBody),
    minBody: new Map(Object.entries(r.minBody)),
    needsShortBody: new Set(r.shortBody),
    frameVerbs: new Set(r.frameVerbs),
    sectorDesignations: new Set(r.sectorDesignations),
    notBodies: new Set(r.notBodies),
    ...(r.notNames ? { notNames: new RegExp(r.notNames) } : {}),
  };
}

export const SUFFIX_TABLES: SuffixTable[] = ['park.json', 'industry.json', 'policy.json', 'organization.json'].map(tableOf);
