// Entity mentions in one short text (a passage, or a query): every entity rule, overlaps resolved.
import type { EntityType, Token } from '../model/index.js';
import { selectCandidates, type EntityCandidate } from './entity-candidate.js';
import { lexiconCandidates } from './entity-lexicon.js';
import { suffixCandidates } from './entity-suffix.js';
import { sharedHeadParks } from './entity-shared-head.js';
import { regionSuffixCandidates } from './entity-region.js';
import { quotedCandidates, titledCandidates } from './entity-quoted.js';
import { enumerationCandidates } from './entity-enumeration.js';
import { headingCandidates } from './entity-heading.js';
import { sloganCandidates } from './entity-slogan.js';
import { regionalStrategyCandidates } from './entity-regional-strategy.js';
import { canonicalName } from './canonical-name.js';
import { isGenericName } from './generic-names.js';
import { RULES, type RuleId } from './rule-ids.js';
import { divisionsNamed } from './divisions.js';

export interface RecognisedEntity {
  type: EntityType;
  /** Canonical name (document-independent: lexicon aliases and 产业 forms resolved). */
  name: string;
  /** The text as written. */
  surface: string;
  start: number;
  end: number;
  rule: RuleId;
}

/** All candidates of all rules in `text`, overlaps resolved; bare generic words are kept for the resolver. */
export function recogniseCandidates(text: string, tokens: Token[]): EntityCandidate[] {
  const suffixed = suffixCandidates(text, tokens);
  return selectCandidates(
    [
    ...lexiconCandidates(text, tokens),
    ...suffixed,
    ...sharedHeadParks(tokens, suffixed.filter((c) => c.type === 'Park')),
    ...regionSuffixCandidates(text, tokens),
    ...quotedCandidates(text),
    ...titledCandidates(text),
    ...enumerationCandidates(text, tokens),
    ...headingCandidates(text),
    ...sloganCandidates(text, tokens),
    ...regionalStrategyCandidates(text),
    ].map(asDivision),
  );
}

/** GUIDELINES "Park": administrative units are Regions, even when named like a zone (浦东新区). */
function asDivision(c: EntityCandidate): EntityCandidate {
  return c.type === 'Park' && divisionsNamed(c.name).some((d) => d.name === c.name) ? { ...c, type: 'Region', rule: RULES.entitySuffixRegion } : c;
}

/**
 * Entity mentions in an arbitrary short text, e.g. a question ("通州区到2025年高新技术企业目标是多少？").
 * Without a document to resolve against, bare generic words (高新区) are dropped.
 */
export function recogniseEntities(text: string, tokens: Token[]): RecognisedEntity[] {
  const out: RecognisedEntity[] = [];
  for (const c of recogniseCandidates(text, tokens)) {
    if (isGenericName(c.type, c.name)) continue;
    out.push({
      type: c.type,
      name: canonicalName(c.type, c.name, c.canonical),
      surface: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      rule: c.rule,
    });
  }
  return out;
}
