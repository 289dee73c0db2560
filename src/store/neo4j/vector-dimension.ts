// The vector index's dimension, read once per connection. Neo4j silently leaves a vector of another
// dimension out of the index and fails a query with one deep in the procedure; like the embedded
// store, both are refused up front with SCHEMA_MISMATCH and the command that fixes them.
import { AppError } from '../../errors.js';
import type { Neo4jConnection } from './connection.js';
import { readSchemaState, VECTOR_INDEX } from './migrate.js';

const known = new WeakMap<Neo4jConnection, number | undefined>();

/** Forgets the cached dimension (after the index was created, dropped or rebuilt). */
export function forgetVectorDimension(db: Neo4jConnection): void {
  known.delete(db);
}

async function vectorDimension(db: Neo4jConnection): Promise<number | undefined> {
  if (!known.has(db)) known.set(db, (await readSchemaState(db)).vectorDimension);
  return known.get(db);
}

/** Refuses vectors whose length differs from the index's dimension; empty vectors and a missing index pass. */
export async function assertVectorDimension(db: Neo4jConnection, lengths: Iterable<number>, what: string): Promise<void> {
  const nonEmpty = [...lengths].filter((n) => n > 0);
  if (!nonEmpty.length) return;
  const dimension = await vectorDimension(db);
  const wrong = nonEmpty.find((n) => n !== dimension);
  if (dimension === undefined || wrong === undefined) return;
  throw new AppError(
    'SCHEMA_MISMATCH',
    `${what} has dimension ${wrong} but the vector index ${VECTOR_INDEX} has ${dimension}; run "policygraph reindex" after changing the embedder`,
  );
}
