// Every target in memory, in the store's order (document, position, id), with an index by measured
// entity: the graph channel and number answers look up a dozen metric words and entities per
// request, which as SQL scans cost ~0.3 ms each; here a look-up is a filter over a few thousand rows.
import type { Target } from '../../model/index.js';
import type { TargetQuery } from '../port.js';
import { all, type Db } from './open-database.js';
import { TARGET_COLUMNS, toTarget, type TargetRow } from './row-mappers.js';

export interface TargetSnapshot {
  all: readonly Target[];
  byEntity: ReadonlyMap<string, readonly Target[]>;
  /**
   * Each distinct metric with the positions of its targets in `all`: a metric word is looked for in
   * each metric once, not in every target stating it (a corpus states one metric many times).
   */
  byMetric: ReadonlyMap<string, readonly number[]>;
}

/** Frozen: every caller shares these objects, so none may change them. */
function frozen(t: Target): Target {
  Object.freeze(t.evidence);
  Object.freeze(t.measures);
  return Object.freeze(t);
}

export function buildTargetSnapshot(db: Db): TargetSnapshot {
  const targets = all<TargetRow>(db, `SELECT ${TARGET_COLUMNS} FROM targets t ORDER BY t.doc_id, t.span_start, t.id`).map((r) => frozen(toTarget(r)));
  const byEntity = new Map<string, Target[]>();
  for (const t of targets) for (const id of t.measures) (byEntity.get(id) ?? byEntity.set(id, []).get(id)!).push(t);
  const byMetric = new Map<string, number[]>();
  targets.forEach((t, i) => (byMetric.get(t.metric) ?? byMetric.set(t.metric, []).get(t.metric)!).push(i));
  return { all: targets, byEntity, byMetric };
}

/** Targets whose metric contains `metric`, of `year`, measuring `entityId`, in `docIds` (each when given), in store order, capped. */
export function snapshotTargets(s: TargetSnapshot, q: TargetQuery): Target[] {
  const limit = Math.max(0, Math.trunc(q.limit));
  const year = q.year === undefined ? undefined : Math.trunc(q.year);
  const docs = q.docIds ? new Set(q.docIds) : undefined;
  const out: Target[] = [];
  if (!limit) return out;
  for (const t of candidates(s, q)) {
    if (q.metric !== undefined && !t.metric.includes(q.metric)) continue;
    if (year !== undefined && t.year !== year) continue;
    if (docs && !docs.has(t.evidence.docId)) continue;
    out.push(t);
    if (out.length >= limit) break;
  }
  return out;
}

/** The targets a query may match, in store order: those of its entity, of metrics holding its metric word, or all. */
function candidates(s: TargetSnapshot, q: TargetQuery): readonly Target[] {
  if (q.entityId !== undefined) return s.byEntity.get(q.entityId) ?? [];
  if (q.metric === undefined) return s.all;
  const positions: number[] = [];
  for (const [metric, at] of s.byMetric) if (metric.includes(q.metric)) for (const i of at) positions.push(i);
  return positions.sort((a, b) => a - b).map((i) => s.all[i]!);
}
