// Sanity over every real document in ../shared/corpus (skipped where the folder is absent): the
// extractor runs, finds entities of each type the text has and targets where the text states some,
// and its facts keep basic invariants. Checks that a type or a target is present are gated on a
// plain regex over the text, so a document without parks is not asked for one.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentFacts, EntityType } from '../src/model/index.js';
import { ENTITY_TYPES } from '../src/model/index.js';
import { normaliseText } from '../src/ingest/normalise-text.js';
import { splitPassages } from '../src/ingest/split-passages.js';
import { getSegmenter } from '../src/segment/segmenter.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { ALL_RULE_IDS } from '../src/extract/rule-ids.js';
import { GENERIC_WORDS } from '../src/extract/generic-names.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.resolve(here, '../../shared/corpus');
const files = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort() : [];

/** A type is expected where the text plainly has its marks. */
const TYPE_PRESENT: Record<EntityType, RegExp> = {
  Park: /高新区|开发区|产业园|园区|示范区|新区|试验区|自贸区|科技园/,
  Industry: /产业|制造业|服务业/,
  Policy: /战略|政策|制度|计划|工程|行动|规划/,
  Region: /省|市|区|县/,
  Organization: /国务院|人民政府|部|厅|局|委员会|公司|集团/,
};
/** A forward-looking number with a bound word: the document states at least one target. */
const STATES_TARGET = /\d(?:[\d.]*)(?:%|个|家|万人|亿元|万元|公里|万吨|亿|万亩)(?:以上|以内|左右)/;
/** A report of the past; 比去年/比上年 alone is a comparison base, which a forward statement may use (今年…比去年扩大…以上). */
const PAST = /(?<![比较])(?:去年|上年)/;
/** A value written in words (三分之一 → 0.3333, 翻一番 → 1 番, 百家 → 100 家) shows in the quote as Chinese numerals. */
const NUMERAL_WORDS = /[一二两三四五六七八九十百千]/;

describe.skipIf(files.length === 0)('extraction over the real corpus', () => {
  const segmenter = getSegmenter();
  const results = new Map<string, { text: string; facts: DocumentFacts }>();
  const factsOf = (file: string): { text: string; facts: DocumentFacts } => {
    const hit = results.get(file);
    if (hit) return hit;
    const text = normaliseText(readFileSync(path.join(corpusDir, file), 'utf8'));
    const id = path.basename(file, '.txt');
    const passages = splitPassages(id, text).map((p) => segmenter.segment(p));
    const out = { text, facts: extractDocument({ id, title: id }, passages) };
    results.set(file, out);
    return out;
  };

  it.each(files)('%s: runs and finds entities of each type its text has, and its targets', (file) => {
    const { text, facts } = factsOf(file);
    const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, facts.entities.filter((e) => e.type === t).length]));
    console.log(`${file}: ${JSON.stringify(counts)} targets ${facts.targets.length} relations ${facts.relations.length}`);
    for (const type of ENTITY_TYPES) if (TYPE_PRESENT[type].test(text)) expect(counts[type], type).toBeGreaterThan(0);
    if (STATES_TARGET.test(text)) expect(facts.targets.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: every fact keeps the invariants', (file) => {
    const { text, facts } = factsOf(file);
    const ids = new Set(facts.entities.map((e) => e.id));
    const rules = new Set<string>(ALL_RULE_IDS);
    for (const e of facts.entities) {
      expect(e.name.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.name.length, e.id).toBeLessThanOrEqual(30);
      expect(GENERIC_WORDS.has(e.name), e.id).toBe(false);
      expect(e.id).toBe(`${e.type}:${e.name}`);
    }
    // no two entities of one type whose names differ only by a 产业/业 suffix
    for (const type of ENTITY_TYPES) {
      const keys = facts.entities.filter((e) => e.type === type).map((e) => e.name.replace(/(产业|业)$/, ''));
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), type).toEqual([]);
    }
    for (const m of facts.mentions) {
      expect(ids.has(m.entityId)).toBe(true);
      expect(text.slice(m.evidence.start, m.evidence.end)).toBe(m.surface);
      expect(rules.has(m.evidence.rule)).toBe(true);
    }
    for (const t of facts.targets) {
      expect(t.quote.includes(String(t.value)) || NUMERAL_WORDS.test(t.quote), `${t.id} ${t.quote}`).toBe(true);
      expect(text.slice(t.evidence.start, t.evidence.end)).toBe(t.quote);
      expect(PAST.test(t.quote), t.quote).toBe(false);
      expect(rules.has(t.evidence.rule)).toBe(true);
      for (const id of t.measures) expect(ids.has(id)).toBe(true);
    }
    for (const r of facts.relations) {
      expect(ids.has(r.from) && ids.has(r.to), `${r.from} ${r.type} ${r.to}`).toBe(true);
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const ev of r.evidence) expect(rules.has(ev.rule)).toBe(true);
    }
  });

  it.each(files)('%s: extraction is deterministic', (file) => {
    const { text, facts } = factsOf(file);
    const id = path.basename(file, '.txt');
    const again = extractDocument({ id, title: id }, splitPassages(id, text).map((p) => segmenter.segment(p)));
    expect(again).toEqual(facts);
  });
});
