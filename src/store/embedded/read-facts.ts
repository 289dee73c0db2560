// The evidence of an entity's mentions (targets are read from memory: target-snapshot.ts).
import type { Evidence } from '../../model/index.js';
import { all, type Db } from './open-database.js';
import { toEvidence, type EvidenceRow } from './row-mappers.js';

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
