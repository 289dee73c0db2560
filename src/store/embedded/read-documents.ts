// Documents, statistics, export and the re-embedding pass.
import { ENTITY_TYPES, RELATION_TYPES, type DocumentMeta, type EntityType, type Passage, type RelationType } from '../../model/index.js';
import type { GraphExport, StoreStats } from '../port.js';
import { all, one, type Db } from './open-database.js';
import { relationEdges } from './relation-edges.js';
import {
  DOCUMENT_COLUMNS,
  PASSAGE_COLUMNS,
  RELATION_COLUMNS,
  TARGET_COLUMNS,
  toDocument,
  toEvidence,
  toPassage,
  toTarget,
  type DocumentRow,
  type EvidenceRow,
  type PassageRow,
  type RelationRow,
  type TargetRow,
} from './row-mappers.js';

export function getDocument(db: Db, id: string): DocumentMeta | undefined {
  const row = one<DocumentRow>(db, `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = ?`, id);
  return row && toDocument(row);
}

export function findDocumentsBy(db: Db, key: { sha256?: string; source?: string }): DocumentMeta[] {
  if (key.sha256 === undefined && key.source === undefined) return [];
  return all<DocumentRow>(
    db,
    `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.sha256 = ? OR d.source = ? ORDER BY d.ingested_at, d.id`,
    key.sha256 ?? null,
    key.source ?? null,
  ).map(toDocument);
}

export function listDocuments(db: Db, page: { offset: number; limit: number }): { items: DocumentMeta[]; total: number } {
  const total = one<{ n: number }>(db, 'SELECT count(*) AS n FROM documents')?.n ?? 0;
  const items = all<DocumentRow>(
    db,
    `SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.ingested_at, d.id LIMIT ? OFFSET ?`,
    Math.max(0, Math.trunc(page.limit)),
    Math.max(0, Math.trunc(page.offset)),
  ).map(toDocument);
  return { items, total };
}

export function stats(db: Db): StoreStats {
  const count = (table: string) => one<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)?.n ?? 0;
  const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const r of all<{ type: string; n: number }>(db, 'SELECT type, count(*) AS n FROM entities GROUP BY type')) {
    if (r.type in entities) entities[r.type as EntityType] = r.n;
  }
  const relations = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
  for (const r of all<{ type: string; n: number }>(db, 'SELECT type, count(*) AS n FROM relations GROUP BY type')) {
    if (r.type in relations) relations[r.type as RelationType] = r.n;
  }
  return { documents: count('documents'), passages: count('passages'), targets: count('targets'), entities, relations };
}

export function exportGraph(db: Db): GraphExport {
  const documents = all<DocumentRow>(db, `SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.id`).map(toDocument);
  const mentions = all<EvidenceRow & { entity_id: string }>(
    db,
    `SELECT m.entity_id, m.doc_id, m.passage_id, m.span_start, m.span_end, m.rule
     FROM mentions m JOIN passages p ON p.id = m.passage_id ORDER BY m.entity_id, m.doc_id, p.ordinal, m.span_start`,
  );
  const evidence = new Map<string, EvidenceRow[]>();
  for (const m of mentions) {
    const list = evidence.get(m.entity_id);
    if (list) list.push(m);
    else evidence.set(m.entity_id, [m]);
  }
  const entities = all<{ id: string; type: string; name: string; aliases: string }>(
    db,
    'SELECT id, type, name, aliases FROM entities ORDER BY id',
  ).map((e) => ({
    id: e.id,
    type: e.type as EntityType,
    name: e.name,
    aliases: JSON.parse(e.aliases) as string[],
    evidence: (evidence.get(e.id) ?? []).map(toEvidence),
  }));
  const targets = all<TargetRow>(db, `SELECT ${TARGET_COLUMNS} FROM targets t ORDER BY t.id`).map(toTarget);
  const relationRows = all<RelationRow>(db, `SELECT ${RELATION_COLUMNS} FROM relations r ORDER BY r.type, r.from_id, r.to_id`);
  const relations = relationEdges(db, relationRows).map((e) => ({
    type: e.type,
    from: e.source,
    to: e.target,
    weight: e.weight,
    evidence: e.evidence,
  }));
  return { documents, entities, targets, relations };
}

/** A document's passages in reading order, for the reader. */
export function documentPassages(db: Db, docId: string): Passage[] {
  return all<PassageRow>(db, `SELECT ${PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.id = p.doc_id WHERE p.doc_id = ? ORDER BY p.ordinal`, docId).map(toPassage);
}

export function passagesForReindex(db: Db, after: string | undefined, limit: number): Array<{ id: string; text: string }> {
  return all<{ id: string; text: string }>(
    db,
    'SELECT id, text FROM passages WHERE id > ? ORDER BY id LIMIT ?',
    after ?? '',
    Math.max(0, Math.trunc(limit)),
  );
}
