// Inserts one document and its facts. Runs inside the caller's transaction: any throw rolls back
// everything, including the deletion of the documents it replaces. Semantics follow the Neo4j
// adapter: entities MERGE by id (aliases unioned), facts whose entity or passage is missing are
// skipped, relation evidence is deduplicated and a relation's weight is its number of evidence rows.
import { ENTITY_TYPES, RELATION_TYPES, type Entity, type RelationType } from '../../model/index.js';
import type { DocumentToWrite } from '../port.js';
import { one, run, type Db } from './open-database.js';
import { indexVector, toBlob, vectorDimension } from './vector-table.js';

const entityTypes = new Set<string>(ENTITY_TYPES);
const relationTypes = new Set<string>(RELATION_TYPES);

function unionWords(existing: string, added: string): string {
  const words = existing.split(/\s+/).filter(Boolean);
  for (const w of added.split(/\s+/)) if (w && !words.includes(w)) words.push(w);
  return words.join(' ');
}

/** An entity's aliases and name tokens as stored. */
interface StoredNames {
  aliases: string[];
  tokens: string;
}

/**
 * What this transaction has already looked up or written, for the documents after it: a batch's
 * documents name many of the same entities and state many of the same relations. Only valid while
 * no row is deleted (writeDocuments clears it before a deletion).
 */
export class BatchMemo {
  /** Relation rowids by type, from and to. */
  readonly relations = new Map<string, number>();
  readonly entities = new Map<string, StoredNames>();

  clear(): void {
    this.relations.clear();
    this.entities.clear();
  }
}

function storedNames(db: Db, id: string): StoredNames | undefined {
  const row = one<{ aliases: string; name_tokens: string }>(db, 'SELECT aliases, name_tokens FROM entities WHERE id = ?', id);
  return row && { aliases: JSON.parse(row.aliases) as string[], tokens: row.name_tokens };
}

function mergeEntity(db: Db, entity: Entity, nameTokens: string, memo: BatchMemo): void {
  let stored = memo.entities.get(entity.id);
  if (!stored) {
    stored = storedNames(db, entity.id);
    if (stored) memo.entities.set(entity.id, stored);
  }
  if (!stored) {
    const names = { aliases: [...new Set(entity.aliases)], tokens: unionWords('', nameTokens) };
    const inserted = run(
      db,
      'INSERT INTO entities(id, type, name, aliases, name_tokens) VALUES (?, ?, ?, ?, ?)',
      entity.id,
      entity.type,
      entity.name,
      JSON.stringify(names.aliases),
      names.tokens,
    );
    // The full-text row is the writer's (base-schema.ts: no insert trigger).
    run(db, 'INSERT INTO entity_fts(rowid, name_tokens) VALUES (?, ?)', inserted.lastInsertRowid, names.tokens);
    memo.entities.set(entity.id, names);
    return;
  }
  const added = entity.aliases.filter((a) => !stored.aliases.includes(a));
  const tokens = unionWords(stored.tokens, nameTokens);
  // Most documents name an entity the store already knows as it knows it: an UPDATE would still
  // rewrite its full-text row (the trigger fires on the column), so only a change is written.
  if (!added.length && tokens === stored.tokens) return;
  const aliases = [...stored.aliases];
  for (const a of added) if (!aliases.includes(a)) aliases.push(a);
  run(db, 'UPDATE entities SET aliases = ?, name_tokens = ? WHERE id = ?', JSON.stringify(aliases), tokens, entity.id);
  memo.entities.set(entity.id, { aliases, tokens });
}

export function writeDocumentRows(db: Db, doc: DocumentToWrite, memo = new BatchMemo()): void {
  const { meta, passages, facts } = doc;
  const docId = meta.id;
  // One file holds one embedder's vectors: the meta row names it (checked at start-up).
  if (meta.embedder) run(db, `INSERT INTO meta(key, value) VALUES ('embedder', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, meta.embedder);
  // A second document with the same id fails here (primary key), like Neo4j's unique constraint.
  run(
    db,
    `INSERT INTO documents(id, title, source, region, published_at, issuer, genre, period, sha256, chars, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    docId,
    meta.title,
    meta.source,
    meta.region ?? null,
    meta.publishedAt ?? null,
    meta.issuer ?? null,
    meta.genre ?? null,
    meta.period ?? null,
    meta.sha256,
    meta.chars,
    meta.ingestedAt,
  );

  const dimension = vectorDimension(db);
  for (const p of passages) {
    const result = run(
      db,
      `INSERT INTO passages(id, doc_id, ordinal, heading, text, span_start, span_end, tokens, embedding)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      p.id,
      docId,
      p.ordinal,
      p.heading,
      p.text,
      p.start,
      p.end,
      p.tokens,
      p.embedding.length ? toBlob(p.embedding) : null,
    );
    run(db, 'INSERT INTO passage_fts(rowid, tokens) VALUES (?, ?)', result.lastInsertRowid, p.tokens);
    indexVector(db, Number(result.lastInsertRowid), p.embedding, true, dimension);
  }

  const merged = new Set<string>();
  for (const entity of facts.entities) {
    if (!entityTypes.has(entity.type)) continue;
    mergeEntity(db, entity, doc.entityTokens[entity.id] ?? entity.name, memo);
    merged.add(entity.id);
  }

  // Only passages of this document: its mentions are then removed exactly with it. A mention of a
  // passage and entity just written needs no look-up; any other goes through the checking insert.
  const written = new Set(passages.map((p) => p.id));
  for (const m of facts.mentions) {
    if (written.has(m.evidence.passageId) && merged.has(m.entityId)) {
      run(
        db,
        'INSERT INTO mentions(doc_id, passage_id, entity_id, span_start, span_end, surface, rule) VALUES (?, ?, ?, ?, ?, ?, ?)',
        docId,
        m.evidence.passageId,
        m.entityId,
        m.evidence.start,
        m.evidence.end,
        m.surface,
        m.evidence.rule,
      );
      continue;
    }
    run(
      db,
      `INSERT INTO mentions(doc_id, passage_id, entity_id, span_start, span_end, surface, rule)
       SELECT ?, p.id, e.id, ?, ?, ?, ? FROM passages p, entities e WHERE p.id = ? AND p.doc_id = ? AND e.id = ?`,
      docId,
      m.evidence.start,
      m.evidence.end,
      m.surface,
      m.evidence.rule,
      m.evidence.passageId,
      docId,
      m.entityId,
    );
  }

  for (const t of facts.targets) {
    run(
      db,
      `INSERT INTO targets(id, doc_id, passage_id, metric, value, value_max, unit, comparator, year, period, quote, span_start, span_end, rule)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      t.id,
      docId,
      t.evidence.passageId,
      t.metric,
      t.value,
      t.valueMax ?? null,
      t.unit,
      t.comparator,
      t.year ?? null,
      t.period ?? null,
      t.quote,
      t.evidence.start,
      t.evidence.end,
      t.evidence.rule,
    );
    for (const entityId of t.measures) {
      run(db, 'INSERT OR IGNORE INTO target_measures(target_id, entity_id) SELECT ?, id FROM entities WHERE id = ?', t.id, entityId);
    }
  }

  for (const r of facts.relations) {
    // A relation without evidence has no provenance, so it is not written.
    if (!relationTypes.has(r.type) || r.from === r.to || r.evidence.length === 0) continue;
    const key = `${r.type}\u0000${r.from}\u0000${r.to}`;
    const pk = memo.relations.get(key) ?? relationKey(db, r.type, r.from, r.to);
    if (pk !== undefined) memo.relations.set(key, pk);
    if (pk === undefined) continue;
    for (const e of r.evidence) {
      run(
        db,
        `INSERT OR IGNORE INTO relation_evidence(relation_pk, doc_id, passage_id, span_start, span_end, rule) VALUES (?, ?, ?, ?, ?, ?)`,
        pk,
        docId,
        e.passageId,
        e.start,
        e.end,
        e.rule,
      );
    }
  }
}

/** The relation's row, created when both entities exist; undefined when one does not. */
function relationKey(db: Db, type: RelationType, from: string, to: string): number | undefined {
  // Most relations of a corpus are stated again by later documents: look up first, insert when new.
  const existing = one<{ pk: number }>(db, 'SELECT pk FROM relations WHERE from_id = ? AND type = ? AND to_id = ?', from, type, to)?.pk;
  if (existing !== undefined) return existing;
  const inserted = run(
    db,
    `INSERT INTO relations(type, from_id, to_id)
     SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM entities WHERE id = ?) AND EXISTS (SELECT 1 FROM entities WHERE id = ?)`,
    type,
    from,
    to,
    from,
    to,
  );
  return inserted.changes ? Number(inserted.lastInsertRowid) : undefined;
}
