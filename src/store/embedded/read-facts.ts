// Typed targets and the evidence of an entity's mentions.
import type { Evidence, Target } from '../../model/index.js';
import type { TargetQuery } from '../port.js';
import { all, type Db } from './open-database.js';
import { TARGET_COLUMNS, toEvidence, toTarget, type EvidenceRow, type TargetRow } from './row-mappers.js';

/** Targets filtered by metric substring, year, measured entity and documents, in document order. */
export function targets(db: Db, q: TargetQuery): Target[] {
  return all<TargetRow>(
    db,
    `SELECT ${TARGET_COLUMNS} FROM targets t
     WHERE (@metric IS NULL OR instr(t.metric, @metric) > 0)
       AND (@year IS NULL OR t.year = @year)
       AND (@entityId IS NULL OR EXISTS (SELECT 1 FROM target_measures m WHERE m.target_id = t.id AND m.entity_id = @entityId))
       AND (@docs IS NULL OR t.doc_id IN (SELECT value FROM json_each(@docs)))
     ORDER BY t.doc_id, t.span_start, t.id LIMIT @limit`,
    {
      metric: q.metric ?? null,
      year: q.year === undefined ? null : Math.trunc(q.year),
      entityId: q.entityId ?? null,
      docs: q.docIds ? JSON.stringify(q.docIds) : null,
      limit: Math.max(0, Math.trunc(q.limit)),
    },
  ).map(toTarget);
}

/** Evidence of the entity's mentions, newest document first (as the port says), then in reading order. */
export function entityEvidence(db: Db, id: string, limit: number): Evidence[] {
  return all<EvidenceRow>(
    db,
    `SELECT m.doc_id, m.passage_id, m.span_start, m.span_end, m.rule
     FROM mentions m JOIN documents d ON d.id = m.doc_id JOIN passages p ON p.id = m.passage_id
     WHERE m.entity_id = ? ORDER BY d.ingested_at DESC, d.id, p.ordinal, m.span_start LIMIT ?`,
    id,
    Math.max(0, Math.trunc(limit)),
  ).map(toEvidence);
}
