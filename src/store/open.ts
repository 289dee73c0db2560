// The one place that chooses a store: Neo4j when NEO4J_URI is set, the embedded SQLite file otherwise.
import path from 'node:path';
import type { Config } from '../config.js';
import { EmbeddedStore } from './embedded/embedded-store.js';
import { Neo4jStore } from './neo4j/neo4j-store.js';
import type { GraphStore } from './port.js';

export function embeddedStoreFile(config: Pick<Config, 'DATA_DIR'>): string {
  return path.resolve(config.DATA_DIR, 'policygraph.sqlite');
}

/** Opens the configured store and applies the schema for the embedder's dimension. */
export async function openStore(config: Config, embeddingDimension: number, opts: { migrate: boolean } = { migrate: true }): Promise<GraphStore> {
  const store: GraphStore = config.NEO4J_URI
    ? await Neo4jStore.open({
        uri: config.NEO4J_URI,
        user: config.NEO4J_USER,
        password: config.NEO4J_PASSWORD,
        connectRetries: config.NEO4J_CONNECT_RETRIES,
        txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
        ...(config.NEO4J_DATABASE ? { database: config.NEO4J_DATABASE } : {}),
      })
    : await EmbeddedStore.open(embeddedStoreFile(config));
  if (!opts.migrate) return store;
  try {
    await store.migrate(embeddingDimension);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
