// The sqlite-vec table of passage embeddings (cosine), keyed by the passage's rowid. Its dimension is
// recorded in `meta`: a mismatch with the embedder stops start-up with the command that fixes it.
// Each passage also keeps its embedding as a float32 blob, so the table can be rebuilt at any time.
import { AppError } from '../../errors.js';
import type { SchemaState } from '../port.js';
import { SCHEMA_VERSION } from './base-schema.js';
import { all, one, run, type Db } from './open-database.js';

const DIMENSION_KEY = 'vector_dimension';

export function toBlob(embedding: readonly number[] | Float32Array): Buffer {
  // A Float32Array is viewed in place (SQLite copies the bytes when it binds them).
  if (embedding instanceof Float32Array) return Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength);
  return Buffer.from(new Float32Array(embedding).buffer);
}

function validDimension(dimension: number): number {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 4096) {
    throw new AppError('CONFIG_INVALID', `embedding dimension must be an integer in 1..4096, got ${dimension}`);
  }
  return dimension;
}

export function vectorDimension(db: Db): number | undefined {
  const row = one<{ value: string }>(db, 'SELECT value FROM meta WHERE key = ?', DIMENSION_KEY);
  return row ? Number(row.value) : undefined;
}

export function readSchemaState(db: Db): SchemaState {
  const dimension = vectorDimension(db);
  return dimension === undefined ? {} : { vectorDimension: dimension };
}

/** A file written by a newer version may have tables this code does not understand. */
export function checkSchemaVersion(db: Db, file: string): void {
  const row = one<{ value: string }>(db, `SELECT value FROM meta WHERE key = 'schema_version'`);
  if (row && Number(row.value) > SCHEMA_VERSION) {
    throw new AppError(
      'SCHEMA_MISMATCH',
      `the embedded store ${file} has schema version ${row.value} but this PolicyGraph understands ${SCHEMA_VERSION}; upgrade PolicyGraph`,
    );
  }
}

/** Creates the table with the dimension (a validated integer, never user text) and refills it. */
function createVectorTable(db: Db, dimension: number): void {
  db.exec(`CREATE VIRTUAL TABLE passage_vec USING vec0(embedding float[${dimension}] distance_metric=cosine)`);
  run(db, 'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', DIMENSION_KEY, String(dimension));
  const rows = all<{ pk: number; embedding: Buffer }>(
    db,
    'SELECT pk, embedding FROM passages WHERE embedding IS NOT NULL AND length(embedding) = ?',
    dimension * 4,
  );
  const insert = db.prepare('INSERT INTO passage_vec(rowid, embedding) VALUES (?, ?)');
  for (const row of rows) insert.run(BigInt(row.pk), row.embedding);
}

export function migrateVectors(db: Db, dimension: number): void {
  validDimension(dimension);
  db.transaction(() => {
    const existing = vectorDimension(db);
    if (existing === dimension) return;
    if (existing !== undefined) {
      throw new AppError(
        'SCHEMA_MISMATCH',
        `the vector index passage_vec has dimension ${existing} but the embedder produces ${dimension}; run "policygraph reindex" to re-embed and rebuild it`,
      );
    }
    createVectorTable(db, dimension);
  }).immediate();
}

export function recreateVectorTable(db: Db, dimension: number): void {
  validDimension(dimension);
  db.transaction(() => {
    db.exec('DROP TABLE IF EXISTS passage_vec');
    createVectorTable(db, dimension);
  }).immediate();
}

/**
 * Indexes one passage's embedding. `strict` (a document write) refuses a vector of another
 * dimension; otherwise (re-embedding before the index is rebuilt) it is kept in the blob only.
 * A writer of many passages passes the dimension it looked up once.
 */
export function indexVector(db: Db, pk: number, embedding: readonly number[] | Float32Array, strict: boolean, dimension = vectorDimension(db)): void {
  if (dimension === undefined || embedding.length === 0) return;
  if (embedding.length !== dimension) {
    if (!strict) return;
    throw new AppError(
      'SCHEMA_MISMATCH',
      `a passage embedding has dimension ${embedding.length} but the vector index passage_vec has ${dimension}; run "policygraph reindex" after changing the embedder`,
    );
  }
  run(db, 'INSERT INTO passage_vec(rowid, embedding) VALUES (?, ?)', BigInt(pk), toBlob(embedding));
}

export function unindexVector(db: Db, pk: number): void {
  if (vectorDimension(db) !== undefined) run(db, 'DELETE FROM passage_vec WHERE rowid = ?', BigInt(pk));
}

export function setEmbeddings(db: Db, rows: ReadonlyArray<{ id: string; embedding: number[] }>): void {
  db.transaction(() => {
    for (const row of rows) {
      const passage = one<{ pk: number }>(db, 'SELECT pk FROM passages WHERE id = ?', row.id);
      if (!passage) continue;
      run(db, 'UPDATE passages SET embedding = ? WHERE pk = ?', row.embedding.length ? toBlob(row.embedding) : null, passage.pk);
      unindexVector(db, passage.pk);
      indexVector(db, passage.pk, row.embedding, false);
    }
  }).immediate();
}
