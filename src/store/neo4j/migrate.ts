// Applies graph/schema.cypher idempotently. The vector index's dimension must match the embedder:
// a mismatch stops start-up with the command that fixes it, so no unusable vectors get written.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../errors.js';
import type { SchemaState } from '../port.js';
import type { Neo4jConnection } from './connection.js';
import { forgetVectorDimension } from './vector-dimension.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../../graph/schema.cypher', import.meta.url));
export const VECTOR_INDEX = 'passage_embedding';

/** The schema file's statements, with the dimension filled in (a validated integer, never user text). */
export function schemaStatements(dimension: number): string[] {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 4096) {
    throw new AppError('CONFIG_INVALID', `embedding dimension must be an integer in 1..4096, got ${dimension}`);
  }
  const text = readFileSync(SCHEMA_FILE, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.replace('{{EMBEDDING_DIMENSION}}', String(dimension)));
}

export async function readSchemaState(db: Neo4jConnection): Promise<SchemaState> {
  const rows = await db.run('SHOW INDEXES YIELD name, options WHERE name = $name RETURN options', { name: VECTOR_INDEX });
  const options = rows[0]?.options as { indexConfig?: Record<string, unknown> } | undefined;
  const dimension = options?.indexConfig?.['vector.dimensions'];
  return typeof dimension === 'number' ? { vectorDimension: dimension } : {};
}

export async function migrate(db: Neo4jConnection, dimension: number): Promise<void> {
  const state = await readSchemaState(db);
  if (state.vectorDimension !== undefined && state.vectorDimension !== dimension) {
    throw new AppError(
      'SCHEMA_MISMATCH',
      `the vector index ${VECTOR_INDEX} has dimension ${state.vectorDimension} but the embedder produces ${dimension}; run "policygraph reindex" to re-embed and rebuild it`,
    );
  }
  for (const statement of schemaStatements(dimension)) await db.run(statement);
  await db.run('CALL db.awaitIndexes(60)');
  forgetVectorDimension(db);
}

export async function recreateVectorIndex(db: Neo4jConnection, dimension: number): Promise<void> {
  await db.run(`DROP INDEX ${VECTOR_INDEX} IF EXISTS`);
  const create = schemaStatements(dimension).find((s) => s.includes(`VECTOR INDEX ${VECTOR_INDEX}`));
  if (create) await db.run(create);
  await db.run('CALL db.awaitIndexes(60)');
  forgetVectorDimension(db);
}
