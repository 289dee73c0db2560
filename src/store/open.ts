// The one place that chooses a store: Neo4j when NEO4J_URI is set, the embedded SQLite file otherwise.
import path from 'node:path';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { EmbeddedStore } from './embedded/embedded-store.js';
import { Neo4jStore } from './neo4j/neo4j-store.js';
import type { GraphStore } from './port.js';

export function embeddedStoreFile(config: Pick<Config, 'DATA_DIR'>): string {
  return path.resolve(config.DATA_DIR, 'policygraph.sqlite');
}

export type StoreKind = GraphStore['kind'];

/** Where a store of this kind lives, as the configuration says (for messages). */
export function storeLocation(config: Config, kind: StoreKind): string {
  return kind === 'neo4j' ? (config.NEO4J_URI ?? '(NEO4J_URI unset)') : embeddedStoreFile(config);
}

/** Opens a store of the given kind from the configuration, without applying any schema. */
export async function openStoreOfKind(config: Config, kind: StoreKind): Promise<GraphStore> {
  if (kind === 'embedded') return EmbeddedStore.open(embeddedStoreFile(config));
  if (!config.NEO4J_URI) throw new AppError('CONFIG_INVALID', 'NEO4J_URI is not set: set it to the Neo4j to use (bolt://, neo4j:// or neo4j+s://)');
  return Neo4jStore.open({
    uri: config.NEO4J_URI,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    connectRetries: config.NEO4J_CONNECT_RETRIES,
    txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
    ...(config.NEO4J_DATABASE ? { database: config.NEO4J_DATABASE } : {}),
  });
}

/** Opens the configured store and applies the schema for the embedder's dimension. */
export async function openStore(config: Config, embeddingDimension: number, opts: { migrate: boolean } = { migrate: true }): Promise<GraphStore> {
  const store = await openStoreOfKind(config, config.NEO4J_URI ? 'neo4j' : 'embedded');
  if (!opts.migrate) return store;
  try {
    await store.migrate(embeddingDimension);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
