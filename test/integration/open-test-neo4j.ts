// Opens the integration Neo4j (found or started by the global setup) as a store, or tells the
// suite to skip when there is none.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, inject } from 'vitest';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';

export const neo4jUri = inject('neo4jUri');

export function neo4jSettings(overrides: Partial<{ uri: string; connectRetries: number }> = {}) {
  return { uri: neo4jUri, user: 'neo4j', password: '', connectRetries: 3, txTimeoutMs: 30_000, ...overrides };
}

export async function openTestNeo4j(): Promise<Neo4jStore> {
  return Neo4jStore.open(neo4jSettings());
}

/**
 * For a suite (call inside describe): a Neo4j store emptied before and after it, its vector index at
 * `dimension`, and a driver beside it to check what was written.
 */
export function useTestNeo4j(dimension = 4): { store: () => Neo4jStore; driver: Driver } {
  let store: Neo4jStore | undefined;
  const driver = neo4j.driver(neo4jUri || 'bolt://127.0.0.1:1', undefined, { logging: { level: 'error', logger: () => undefined } });
  beforeAll(async () => {
    store = await openTestNeo4j();
    await store.resetForTests();
    await store.recreateVectorIndex(dimension);
  });
  afterAll(async () => {
    await store?.resetForTests();
    await store?.close();
    await driver.close();
  });
  return { store: () => store!, driver };
}
