// Which passages mention which entities, in memory: the graph channel asks for the passages naming a
// query's entities (and their neighbours) and every search for the entities its results name. In
// SQL each is a join and GROUP BY over the mentions (~0.5 ms a search at ×8); here, map look-ups.
import type { GraphNode } from '../port.js';
import { all, type Db } from './open-database.js';
import { toNode } from './row-mappers.js';

export interface MentionIndex {
  pks: Int32Array;
  docIds: string[];
  ordinals: Int32Array;
  /** Passage rows (indexes into the arrays above) mentioning each entity, each row once. */
  byEntity: ReadonlyMap<string, Int32Array>;
  /** The distinct entities each passage mentions, by name then id. */
  byPassage: ReadonlyMap<string, readonly GraphNode[]>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildMentionIndex(db: Db): MentionIndex {
  const rows = all<{ passage_id: string; pk: number; doc_id: string; ordinal: number; id: string; name: string; type: string }>(
    db,
    `SELECT DISTINCT m.passage_id, p.pk, p.doc_id, p.ordinal, e.id, e.name, e.type
     FROM mentions m JOIN passages p ON p.id = m.passage_id JOIN entities e ON e.id = m.entity_id
     ORDER BY p.pk`,
  );
  const rowOf = new Map<number, number>();
  const pks: number[] = [];
  const docIds: string[] = [];
  const ordinals: number[] = [];
  const byEntity = new Map<string, number[]>();
  const byPassage = new Map<string, GraphNode[]>();
  for (const r of rows) {
    let row = rowOf.get(r.pk);
    if (row === undefined) {
      rowOf.set(r.pk, (row = pks.length));
      pks.push(r.pk);
      docIds.push(r.doc_id);
      ordinals.push(r.ordinal);
    }
    (byEntity.get(r.id) ?? byEntity.set(r.id, []).get(r.id)!).push(row);
    (byPassage.get(r.passage_id) ?? byPassage.set(r.passage_id, []).get(r.passage_id)!).push(Object.freeze(toNode(r)));
  }
  for (const nodes of byPassage.values()) nodes.sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
  return {
    pks: Int32Array.from(pks),
    docIds,
    ordinals: Int32Array.from(ordinals),
    byEntity: new Map([...byEntity].map(([id, list]) => [id, Int32Array.from(list)])),
    byPassage,
  };
}

/** The k passages mentioning the most of these entities (score = how many), ties by document id, then ordinal. */
export function passagesMentioningFrom(index: MentionIndex, entityIds: readonly string[], k: number): Array<{ pk: number; score: number }> {
  const counts = new Map<number, number>();
  for (const id of new Set(entityIds)) {
    const rows = index.byEntity.get(id);
    if (rows) for (const row of rows) counts.set(row, (counts.get(row) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, ca], [b, cb]) => cb - ca || cmp(index.docIds[a]!, index.docIds[b]!) || index.ordinals[a]! - index.ordinals[b]!)
    .slice(0, Math.max(0, k))
    .map(([row, score]) => ({ pk: index.pks[row]!, score }));
}

/** The entities each passage mentions (passages mentioning none are left out). */
export function passageEntitiesFrom(index: MentionIndex, passageIds: readonly string[]): Record<string, GraphNode[]> {
  const out: Record<string, GraphNode[]> = {};
  for (const id of passageIds) {
    const nodes = index.byPassage.get(id);
    if (nodes) out[id] = [...nodes];
  }
  return out;
}
