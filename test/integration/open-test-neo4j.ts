// Opens the integration Neo4j (found or started by the global setup) as a store, or tells the
// suite to skip when there is none.
import { inject } from 'vitest';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';

export const neo4jUri = inject('neo4jUri');

export function neo4jSettings(overrides: Partial<{ uri: string; connectRetries: number }> = {}) {
  return { uri: neo4jUri, user: 'neo4j', password: '', connectRetries: 3, txTimeoutMs: 30_000, ...overrides };
}

export async function openTestNeo4j(): Promise<Neo4jStore> {
  return Neo4jStore.open(neo4jSettings());
}
