// Relations as graph edges, each with all its evidence, loaded for a set of relation rows at once.
import type { GraphEdge } from '../port.js';
import { all, type Db } from './open-database.js';
import { toEdge, toEvidence, type EvidenceRow, type RelationRow } from './row-mappers.js';

export function relationEdges(db: Db, rows: readonly RelationRow[]): GraphEdge[] {
  if (!rows.length) return [];
  const evidence = all<EvidenceRow & { relation_pk: number }>(
    db,
    `SELECT x.relation_pk, x.doc_id, x.passage_id, x.span_start, x.span_end, x.rule
     FROM relation_evidence x WHERE x.relation_pk IN (SELECT value FROM json_each(?))
     ORDER BY x.relation_pk, x.doc_id, x.passage_id, x.span_start`,
    JSON.stringify(rows.map((r) => r.pk)),
  );
  const byRelation = new Map<number, EvidenceRow[]>();
  for (const e of evidence) {
    const list = byRelation.get(e.relation_pk) ?? [];
    list.push(e);
    byRelation.set(e.relation_pk, list);
  }
  return rows.map((r) => toEdge(r, (byRelation.get(r.pk) ?? []).map(toEvidence)));
}
