// The embedded store's tables, created idempotently on open. The vector table is not here: its
// dimension comes from the embedder, so `migrate` creates it (see vector-table.ts).
import type { Db } from './open-database.js';

/**
 * Bumped when a table changes shape; recorded in `meta` so a later version can migrate the file.
 * 3: full-text rows are inserted by the writer, not a trigger (an older version would not write them).
 */
export const SCHEMA_VERSION = 3;

/**
 * Tokens are jieba words joined by spaces. FTS5 has no whitespace tokenizer, so unicode61 is told
 * that letters, numbers, marks, punctuation and symbols are all token characters: only spaces and
 * control characters separate, as with Neo4j's `whitespace` analyzer ("5G+工业互联网" stays one term).
 */
const TOKENIZER = `tokenize = "unicode61 categories 'L* N* Co M* P* S*'"`;

/**
 * An FTS5 index over one text column of a table (external content). The writer inserts each new row's
 * FTS5 row itself (see write-document.ts): fired from an AFTER INSERT trigger, the same FTS5 insert
 * costs over twice as much (a bulk load spent ~0.2 s of ~1 s there at ×8). Deletions and updates,
 * rare, stay with triggers. Files made before version 3 have an insert trigger: it is dropped.
 */
function ftsOver(table: string, key: string, column: string, fts: string): string {
  return `
  CREATE VIRTUAL TABLE IF NOT EXISTS ${fts} USING fts5(${column}, content='${table}', content_rowid='${key}', ${TOKENIZER});
  DROP TRIGGER IF EXISTS ${fts}_ai;
  CREATE TRIGGER IF NOT EXISTS ${fts}_ad AFTER DELETE ON ${table} BEGIN
    INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.${key}, old.${column});
  END;
  CREATE TRIGGER IF NOT EXISTS ${fts}_au AFTER UPDATE OF ${column} ON ${table} BEGIN
    INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.${key}, old.${column});
    INSERT INTO ${fts}(rowid, ${column}) VALUES (new.${key}, new.${column});
  END;`;
}

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL, region TEXT, published_at TEXT,
  issuer TEXT, genre TEXT, period TEXT, sha256 TEXT NOT NULL, chars INTEGER NOT NULL, ingested_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS documents_ingested ON documents(ingested_at, id);

-- pk is the rowid shared with the FTS and vector tables; id is the model's passage id.
CREATE TABLE IF NOT EXISTS passages (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL REFERENCES documents(id),
  ordinal INTEGER NOT NULL, heading TEXT NOT NULL, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, tokens TEXT NOT NULL, embedding BLOB
) STRICT;
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id, ordinal);
${ftsOver('passages', 'pk', 'tokens', 'passage_fts')}

CREATE TABLE IF NOT EXISTS entities (
  pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, name TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]', name_tokens TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
${ftsOver('entities', 'pk', 'name_tokens', 'entity_fts')}

-- doc_id is the owning document (the one written), so deleting it removes exactly its rows.
CREATE TABLE IF NOT EXISTS mentions (
  pk INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, passage_id TEXT NOT NULL REFERENCES passages(id),
  entity_id TEXT NOT NULL REFERENCES entities(id), span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  surface TEXT NOT NULL, rule TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_passage ON mentions(passage_id);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);

CREATE TABLE IF NOT EXISTS targets (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id), passage_id TEXT NOT NULL,
  metric TEXT NOT NULL, value REAL NOT NULL, value_max REAL, unit TEXT NOT NULL, comparator TEXT NOT NULL,
  year INTEGER, period TEXT, quote TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, rule TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS targets_doc ON targets(doc_id, span_start);
CREATE INDEX IF NOT EXISTS targets_year ON targets(year);
CREATE TABLE IF NOT EXISTS target_measures (
  target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  PRIMARY KEY (target_id, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS target_measures_entity ON target_measures(entity_id);

-- A relation exists while it has evidence; its weight is the number of evidence rows.
CREATE TABLE IF NOT EXISTS relations (
  pk INTEGER PRIMARY KEY, type TEXT NOT NULL,
  from_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  to_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  UNIQUE (from_id, type, to_id)
) STRICT;
CREATE INDEX IF NOT EXISTS relations_to ON relations(to_id);
CREATE TABLE IF NOT EXISTS relation_evidence (
  relation_pk INTEGER NOT NULL REFERENCES relations(pk) ON DELETE CASCADE,
  doc_id TEXT NOT NULL, passage_id TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (relation_pk, doc_id, passage_id, span_start, span_end, rule)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS relation_evidence_doc ON relation_evidence(doc_id);
`;

/** Tables in delete order (children first), for resetForTests. */
export const DATA_TABLES = [
  'relation_evidence',
  'relations',
  'target_measures',
  'targets',
  'mentions',
  'entities',
  'passages',
  'documents',
] as const;

/** Columns added after version 1, for files created before them. */
const ADDED_DOCUMENT_COLUMNS = ['issuer', 'genre', 'period'] as const;

export function createBaseSchema(db: Db): void {
  db.exec(DDL);
  const present = new Set((db.prepare('PRAGMA table_info(documents)').all() as Array<{ name: string }>).map((c) => c.name));
  for (const c of ADDED_DOCUMENT_COLUMNS) if (!present.has(c)) db.exec(`ALTER TABLE documents ADD COLUMN ${c} TEXT`);
  db.prepare(`INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE CAST(value AS INTEGER) < CAST(excluded.value AS INTEGER)`).run(
    String(SCHEMA_VERSION),
  );
}
