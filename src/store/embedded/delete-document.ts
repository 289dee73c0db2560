// Removes a document and exactly what only it supported. Every mention, target and piece of
// relation evidence records the document that wrote it, so nothing here matches on id prefixes.
import { aliasOf } from '../../model/index.js';
import { all, jsonList, one, run, type Db } from './open-database.js';
import { unindexVector } from './vector-table.js';

/** Runs inside the caller's transaction. Returns false when the document did not exist. */
export function deleteDocumentRows(db: Db, docId: string): boolean {
  if (!one(db, 'SELECT 1 AS found FROM documents WHERE id = ?', docId)) return false;

  // Entities this document referred to in any way: the only ones that can become orphans.
  const mentioned = all<{ id: string }>(db, 'SELECT DISTINCT entity_id AS id FROM mentions WHERE doc_id = ?', docId).map((r) => r.id);
  const referenced = all<{ id: string }>(
    db,
    `SELECT r.from_id AS id FROM relations r JOIN relation_evidence x ON x.relation_pk = r.pk WHERE x.doc_id = ?
     UNION SELECT r.to_id FROM relations r JOIN relation_evidence x ON x.relation_pk = r.pk WHERE x.doc_id = ?
     UNION SELECT m.entity_id FROM target_measures m JOIN targets t ON t.id = m.target_id WHERE t.doc_id = ?`,
    docId,
    docId,
    docId,
  ).map((r) => r.id);

  const relationPks = all<{ pk: number }>(db, 'SELECT DISTINCT relation_pk AS pk FROM relation_evidence WHERE doc_id = ?', docId).map((r) => r.pk);
  run(db, 'DELETE FROM relation_evidence WHERE doc_id = ?', docId);
  run(
    db,
    `DELETE FROM relations WHERE pk IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM relation_evidence WHERE relation_pk = relations.pk)`,
    JSON.stringify(relationPks),
  );

  run(db, 'DELETE FROM targets WHERE doc_id = ?', docId);
  run(db, 'DELETE FROM mentions WHERE doc_id = ?', docId);
  for (const { pk } of all<{ pk: number }>(db, 'SELECT pk FROM passages WHERE doc_id = ?', docId)) unindexVector(db, pk);
  run(db, 'DELETE FROM passages WHERE doc_id = ?', docId);
  run(db, 'DELETE FROM documents WHERE id = ?', docId);

  // Entities no document mentions any more go (their relations and MEASURES links cascade).
  const candidates = jsonList([...new Set([...mentioned, ...referenced])]);
  run(
    db,
    `DELETE FROM entities WHERE id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = entities.id)`,
    candidates,
  );
  pruneAliases(db, mentioned);
  return true;
}

/** The remaining entities keep only the aliases still written in some mention's surface (which may carry quotes). */
function pruneAliases(db: Db, entityIds: string[]): void {
  const rows = all<{ id: string; aliases: string; surfaces: string }>(
    db,
    `SELECT e.id, e.aliases, (SELECT json_group_array(DISTINCT surface) FROM mentions WHERE entity_id = e.id) AS surfaces
     FROM entities e WHERE e.id IN (SELECT value FROM json_each(?))`,
    jsonList(entityIds),
  );
  for (const row of rows) {
    const surfaces = JSON.parse(row.surfaces) as string[];
    const aliases = JSON.parse(row.aliases) as string[];
    const written = new Set(surfaces.map(aliasOf));
    const kept = aliases.filter((a) => written.has(a));
    if (kept.length !== aliases.length) run(db, 'UPDATE entities SET aliases = ? WHERE id = ?', JSON.stringify(kept), row.id);
  }
}
