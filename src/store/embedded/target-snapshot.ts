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
  return { all: targets, byEntity };
}

/** Targets whose metric contains `metric`, of `year`, measuring `entityId`, in `docIds` (each when given), in store order, capped. */
export function snapshotTargets(s: TargetSnapshot, q: TargetQuery): Target[] {
  const limit = Math.max(0, Math.trunc(q.limit));
  const year = q.year === undefined ? undefined : Math.trunc(q.year);
  const docs = q.docIds ? new Set(q.docIds) : undefined;
  const out: Target[] = [];
  if (!limit) return out;
  for (const t of q.entityId !== undefined ? (s.byEntity.get(q.entityId) ?? []) : s.all) {
    if (q.metric !== undefined && !t.metric.includes(q.metric)) continue;
    if (year !== undefined && t.year !== year) continue;
    if (docs && !docs.has(t.evidence.docId)) continue;
    out.push(t);
    if (out.length >= limit) break;
  }
  return out;
}
