// The seed article against its hand-checked answer key (../shared/gold/tongzhou-article.json):
// every target exact, ≥ 90% recall for parks, industries and policies, the stated relations, and no
// generic word as an entity. Precision is printed: the key lists names any good extractor should
// find, not every legitimate one, so precision here is a floor.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentFacts, Entity, EntityType } from '../src/model/index.js';
import { normaliseText } from '../src/ingest/normalise-text.js';
import { splitPassages } from '../src/ingest/split-passages.js';
import { getSegmenter } from '../src/segment/segmenter.js';
import { extractDocument } from '../src/extract/extract-document.js';
import { GENERIC_WORDS } from '../src/extract/generic-names.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../shared');
const articlePath = path.join(shared, 'corpus/2021-tongzhou-district-plan-article.txt');
const goldPath = path.join(shared, 'gold/tongzhou-article.json');

interface GoldTarget {
  metric: string;
  value: number;
  unit: string;
  comparator: string;
  year?: number;
  period?: string;
  quote: string;
}
interface Gold {
  parks: string[];
  industries: string[];
  policies: string[];
  targets: GoldTarget[];
  relations: Array<{ from: string; to: string; kind: string }>;
}

/** Names compare without quotes, punctuation or spaces ("碳达峰、碳中和行动计划" = "碳达峰碳中和行动计划"). */
const norm = (s: string): string => s.replace(/[\s“”"'‘’、，,·《》（）()]/g, '');

/**
 * Gold name matches an entity by name or alias. The article itself writes "创新型企培育计划" (a typo
 * for 创新型企业培育计划): for names of six characters or more we accept one dropped character.
 */
function matches(gold: string, e: Entity): boolean {
  const g = norm(gold);
  return [e.name, ...e.aliases].map(norm).some((n) => n === g || (g.length >= 6 && dropsOne(g, n)));
}

function dropsOne(long: string, short: string): boolean {
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

const describeIfData = existsSync(articlePath) && existsSync(goldPath) ? describe : describe.skip;

describeIfData('extraction of the seed article against the answer key', () => {
  let gold: Gold;
  let facts: DocumentFacts;

  beforeAll(() => {
    gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
    const text = normaliseText(readFileSync(articlePath, 'utf8'));
    const segmenter = getSegmenter();
    const passages = splitPassages('tongzhou', text).map((p) => segmenter.segment(p));
    facts = extractDocument({ id: 'tongzhou', title: '切实扛起建设硬核区的使命担当' }, passages);
  });

  it('finds every target with its value, unit, comparator and year or period', () => {
    for (const g of gold.targets) {
      const hit = facts.targets.find(
        (t) =>
          norm(t.metric) === norm(g.metric) &&
          t.value === g.value &&
          t.unit === g.unit &&
          t.comparator === g.comparator &&
          t.year === g.year &&
          t.period === g.period &&
          (t.quote.includes(g.quote) || g.quote.includes(t.quote.replace(/^“/, ''))),
      );
      expect(hit, `target ${g.metric} ${g.comparator} ${g.value}${g.unit}`).toBeDefined();
    }
    console.log(`targets: ${facts.targets.length} extracted, ${gold.targets.length} in the key`);
    expect(facts.targets.length).toBe(gold.targets.length);
  });

  const cases: Array<[keyof Pick<Gold, 'parks' | 'industries' | 'policies'>, EntityType]> = [
    ['parks', 'Park'],
    ['industries', 'Industry'],
    ['policies', 'Policy'],
  ];
  it.each(cases)('recalls at least 90%% of the %s', (key, type) => {
    const extracted = facts.entities.filter((e) => e.type === type);
    const names = gold[key];
    const found = names.filter((g) => extracted.some((e) => matches(g, e)));
    const correct = extracted.filter((e) => names.some((g) => matches(g, e)));
    const missed = names.filter((g) => !found.includes(g));
    const extra = extracted.filter((e) => !correct.includes(e)).map((e) => e.name);
    console.log(
      `${type}: recall ${found.length}/${names.length} = ${(found.length / names.length).toFixed(2)}, ` +
        `precision ${correct.length}/${extracted.length} = ${(correct.length / extracted.length).toFixed(2)}` +
        (missed.length ? `\n  missed: ${missed.join(' | ')}` : '') +
        (extra.length ? `\n  not in the key: ${extra.join(' | ')}` : ''),
    );
    expect(found.length / names.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the relations the text states outright', () => {
    const typeOf = (kind: string): string => (kind.includes('integrates') ? 'INTEGRATES_WITH' : kind.includes('extends') ? 'EXTENDS_TO' : 'HOSTS');
    const byId = new Map(facts.entities.map((e) => [e.id, e]));
    // 链长制 → 招商 is optional: 招商 (investment attraction) is an activity, not an entity
    for (const g of gold.relations.filter((r) => r.to !== '招商')) {
      const hit = facts.relations.find(
        (r) => r.type === typeOf(g.kind) && matches(g.from, byId.get(r.from)!) && matches(g.to, byId.get(r.to)!),
      );
      expect(hit, `${g.from} ${typeOf(g.kind)} ${g.to}`).toBeDefined();
      expect(hit!.evidence.length).toBeGreaterThan(0);
    }
  });

  it('makes no entity of a generic word', () => {
    const generic = facts.entities.filter((e) => GENERIC_WORDS.has(e.name) || ['产业', '企业', '高新区', '园区', '加快', '推动'].includes(e.name));
    expect(generic.map((e) => e.id)).toEqual([]);
  });
});
