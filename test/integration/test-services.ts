// Services for integration tests: the real Neo4j of the run, the real segmenter, and the hashing
// fallback embedder (no model can be downloaded here), wired exactly as the entry points do.
import { parseConfig, type Config } from '../../src/config.js';
import { openServices, type Services } from '../../src/services.js';
import type { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { migrateForTests } from '../support/migrate-for-tests.js';
import { neo4jUri } from './open-test-neo4j.js';

export async function openTestServices(env: Record<string, string> = {}): Promise<Services & { store: Neo4jStore }> {
  const config: Config = parseConfig({
    NEO4J_URI: neo4jUri,
    NEO4J_CONNECT_RETRIES: '2',
    PORT: '0',
    MODELS_DIR: 'data/test/no-models',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const services = (await openServices(config, { migrate: false })) as Services & { store: Neo4jStore };
  await migrateForTests(services.store, services.embedder.dimension);
  return services;
}
