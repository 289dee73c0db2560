// One document as writeDocument stored it (passages with tokens and embeddings, the facts it gave),
// so that it can be written into another store unchanged: the read side of `policygraph migrate`.
import type { Entity, EntityType, Evidence, Mention, Relation, RelationType } from '../../model/index.js';
import type { DocumentToWrite, StoredPassage } from '../port.js';
import { all, type Db } from './open-database.js';
import { getDocument } from './read-documents.js';
import { TARGET_COLUMNS, toEvidence, toTarget, type EvidenceRow, type TargetRow } from './row-mappers.js';

function fromBlob(blob: Buffer | null): number[] {
  if (!blob || blob.length === 0) return [];
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return Array.from(new Float32Array(copy.buffer));
}

export function readDocument(db: Db, id: string): DocumentToWrite | undefined {
  const meta = getDocument(db, id);
  if (!meta) return undefined;

  const passages: StoredPassage[] = all<{
    id: string;
    ordinal: number;
    heading: string;
    text: string;
    span_start: number;
    span_end: number;
    tokens: string;
    embedding: Buffer | null;
  }>(db, 'SELECT id, ordinal, heading, text, span_start, span_end, tokens, embedding FROM passages WHERE doc_id = ? ORDER BY ordinal', id).map((p) => ({
    id: p.id,
    docId: id,
    ordinal: p.ordinal,
    heading: p.heading,
    text: p.text,
    start: p.span_start,
    end: p.span_end,
    tokens: p.tokens,
    embedding: fromBlob(p.embedding),
  }));

  const mentions: Mention[] = all<EvidenceRow & { entity_id: string; surface: string }>(
    db,
    'SELECT entity_id, doc_id, passage_id, span_start, span_end, rule, surface FROM mentions WHERE doc_id = ? ORDER BY pk',
    id,
  ).map((m) => ({ entityId: m.entity_id, surface: m.surface, evidence: toEvidence(m) }));

  const targets = all<TargetRow>(db, `SELECT ${TARGET_COLUMNS} FROM targets t WHERE t.doc_id = ? ORDER BY t.span_start, t.id`, id).map(toTarget);

  const evidenceRows = all<EvidenceRow & { type: string; from_id: string; to_id: string }>(
    db,
    `SELECT r.type, r.from_id, r.to_id, x.doc_id, x.passage_id, x.span_start, x.span_end, x.rule
     FROM relation_evidence x JOIN relations r ON r.pk = x.relation_pk
     WHERE x.doc_id = ? ORDER BY r.pk, x.passage_id, x.span_start, x.span_end, x.rule`,
    id,
  );
  const byRelation = new Map<string, Relation>();
  for (const row of evidenceRows) {
    const key = `${row.type}|${row.from_id}|${row.to_id}`;
    let relation = byRelation.get(key);
    if (!relation) byRelation.set(key, (relation = { type: row.type as RelationType, from: row.from_id, to: row.to_id, weight: 0, evidence: [] as Evidence[] }));
    relation.evidence.push(toEvidence(row));
    relation.weight = relation.evidence.length;
  }
  const relations = [...byRelation.values()];

  const touched = new Set<string>([...mentions.map((m) => m.entityId), ...targets.flatMap((t) => t.measures), ...relations.flatMap((r) => [r.from, r.to])]);
  const entityRows = all<{ id: string; type: string; name: string; aliases: string; name_tokens: string }>(
    db,
    'SELECT id, type, name, aliases, name_tokens FROM entities WHERE id IN (SELECT value FROM json_each(?)) ORDER BY pk',
    JSON.stringify([...touched]),
  );
  const entities: Entity[] = entityRows.map((e) => ({ id: e.id, type: e.type as EntityType, name: e.name, aliases: JSON.parse(e.aliases) as string[] }));
  const entityTokens = Object.fromEntries(entityRows.map((e) => [e.id, e.name_tokens]));

  return { meta, passages, facts: { entities, mentions, targets, relations }, entityTokens };
}
