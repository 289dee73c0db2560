// Suites share one Neo4j database: one may leave a vector index of another dimension behind, which
// the production migration rightly refuses. Tests rebuild it for their own embedder first.
import type { GraphStore } from '../../src/store/port.js';

export async function migrateForTests(store: GraphStore, dimension: number): Promise<void> {
  const { vectorDimension } = await store.schemaState();
  if (vectorDimension !== undefined && vectorDimension !== dimension) await store.recreateVectorIndex(dimension);
  await store.migrate(dimension);
}
