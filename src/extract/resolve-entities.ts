// Document-level resolution: turns each passage's candidates into entities with one canonical name
// per thing. A bare generic word resolves to the document's unique fuller name ending with it (高新区
// → 南通高新区), 新一代信息技术 and 新一代信息技术产业 become one industry, 省财政厅 is qualified
// by the document's province, and a bare district name (通州) joins 通州区.
import { aliasOf, type Entity, type EntityType, type Mention, type SegmentedPassage } from '../model/index.js';
import type { EntityCandidate } from './entity-candidate.js';
import { canonicalName, industryKey } from './canonical-name.js';
import { isGenericName } from './generic-names.js';
import { qualifyOrganization, mainRegions } from './main-regions.js';
import { RULES } from './rule-ids.js';

/** A mention resolved to its entity, offsets local to its passage. */
export interface ResolvedMention {
  entityId: string;
  type: EntityType;
  name: string;
  start: number;
  end: number;
  rule: EntityCandidate['rule'];
}

export interface ResolvedEntities {
  entities: Entity[];
  mentions: Mention[];
  /** Per passage, sorted by start. */
  byPassage: ResolvedMention[][];
}

interface Draft {
  candidate: EntityCandidate;
  passage: number;
  name: string;
}

export function resolveEntities(docId: string, passages: SegmentedPassage[], candidates: EntityCandidate[][]): ResolvedEntities {
  const drafts: Draft[] = [];
  candidates.forEach((list, passage) => {
    for (const c of list) drafts.push({ candidate: c, passage, name: canonicalName(c.type, c.name, c.canonical) });
  });
  const names = resolveNames(drafts);
  const regions = mainRegions(drafts.filter((d) => d.candidate.type === 'Region').map((d) => names.get(d) ?? d.name));

  const entities = new Map<string, Entity>();
  const byPassage: ResolvedMention[][] = passages.map(() => []);
  const mentions: Mention[] = [];
  const add = (passage: number, type: EntityType, name: string, start: number, end: number, rule: EntityCandidate['rule']): void => {
    const p = passages[passage]!;
    const id = `${type}:${name}`;
    const surface = p.text.slice(start, end);
    const entity = entities.get(id) ?? { id, type, name, aliases: [] };
    entities.set(id, entity);
    const alias = aliasOf(surface);
    if (alias !== name && !entity.aliases.includes(alias)) entity.aliases.push(alias);
    byPassage[passage]!.push({ entityId: id, type, name, start, end, rule });
    mentions.push({ entityId: id, surface, evidence: { docId, passageId: p.id, start: p.start + start, end: p.start + end, rule } });
  };
  for (const d of drafts) {
    let name = names.get(d);
    if (name === undefined) continue;
    if (d.candidate.type === 'Organization') name = qualifyOrganization(name, regions);
    add(d.passage, d.candidate.type, name, d.candidate.start, d.candidate.end, d.candidate.rule);
  }
  addBareDistricts(passages, byPassage, entities, add);
  for (const list of byPassage) list.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const e of entities.values()) e.aliases.sort();
  mentions.sort((a, b) => a.evidence.start - b.evidence.start || a.evidence.end - b.evidence.end || compare(a.entityId, b.entityId));
  return { entities: [...entities.values()].sort((a, b) => compare(a.id, b.id)), mentions, byPassage };
}

/** Code-point order: deterministic and much cheaper than localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Final name of every draft; drafts left out are dropped (unresolvable generic words, one-off region guesses). */
function resolveNames(drafts: Draft[]): Map<Draft, string> {
  const out = new Map<Draft, string>();
  const full = new Map<EntityType, Set<string>>();
  for (const d of drafts) {
    if (isGenericName(d.candidate.type, d.name)) continue;
    const set = full.get(d.candidate.type) ?? new Set<string>();
    set.add(d.name);
    full.set(d.candidate.type, set);
  }
  const industryNames = industryCanonicals(drafts);
  const regionCounts = countBy(drafts.filter((d) => d.candidate.type === 'Region').map((d) => d.name));
  for (const d of drafts) {
    const type = d.candidate.type;
    if (type === 'Industry') {
      const name = industryNames.get(industryKey(d.name));
      if (name && !isGenericName(type, name)) out.set(d, name);
      continue;
    }
    if (type === 'Region' && d.candidate.rule === RULES.entitySuffixRegion && (regionCounts.get(d.name) ?? 0) < 2) continue;
    const names = full.get(type) ?? new Set<string>();
    if (!isGenericName(type, d.name)) {
      out.set(d, type === 'Park' ? longerPark(d.name, names) : d.name);
      continue;
    }
    // a bare generic word stands for the document's one fuller name ending with it
    const fuller = [...names].filter((n) => n.endsWith(d.name) && n !== d.name);
    if (fuller.length === 1) out.set(d, fuller[0]!);
  }
  return out;
}

/** A park name that is the tail of exactly one longer park name of the document is that park. */
function longerPark(name: string, names: Set<string>): string {
  if (name.length < 4) return name;
  const longer = [...names].filter((n) => n.length > name.length && n.endsWith(name));
  return longer.length === 1 ? longer[0]! : name;
}

/**
 * One name per industry key: the 业 form where the document writes one (现代物流业 over 现代物流),
 * else the canonical 产业 form.
 */
function industryCanonicals(drafts: Draft[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of drafts) {
    if (d.candidate.type !== 'Industry') continue;
    const key = industryKey(d.name);
    const prev = out.get(key);
    const isYe = /业$/.test(d.name) && !/产业$/.test(d.name);
    if (!prev || (isYe && !(/业$/.test(prev) && !/产业$/.test(prev)))) out.set(key, d.name);
  }
  return out;
}

function countBy(values: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

type AddMention = (passage: number, type: EntityType, name: string, start: number, end: number, rule: EntityCandidate['rule']) => void;

/** "通州" (jieba: ns) is the document's 通州区 when the document names exactly one such region. */
function addBareDistricts(passages: SegmentedPassage[], byPassage: ResolvedMention[][], entities: Map<string, Entity>, add: AddMention): void {
  const byStem = new Map<string, string[]>();
  for (const e of entities.values()) {
    if (e.type !== 'Region') continue;
    const stem = e.name.replace(/(区|县|市|旗)$/, '');
    if (stem !== e.name && stem.length >= 2) byStem.set(stem, [...(byStem.get(stem) ?? []), e.name]);
  }
  if (byStem.size === 0) return;
  passages.forEach((p, i) => {
    let taken: Uint8Array | undefined;
    for (const t of p.tokens) {
      if (t.tag !== 'ns') continue;
      const names = byStem.get(t.word);
      if (!names || names.length !== 1) continue;
      if (!taken) {
        taken = new Uint8Array(p.text.length);
        for (const m of byPassage[i]!) taken.fill(1, m.start, m.end);
      }
      if (taken.subarray(t.start, t.end).includes(1)) continue;
      add(i, 'Region', names[0]!, t.start, t.end, RULES.entitySuffixRegion);
    }
  });
}
