import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { neo4jSettings, neo4jUri, openTestNeo4j } from './open-test-neo4j.js';

describe.skipIf(!neo4jUri)('Neo4j schema migration', () => {
  let store: Neo4jStore;
  const driver = neo4j.driver(neo4jUri || 'bolt://127.0.0.1:1', undefined, { disableLosslessIntegers: true });

  beforeAll(async () => {
    store = await openTestNeo4j();
    await store.resetForTests();
    await store.recreateVectorIndex(384);
  });
  afterAll(async () => {
    await store?.close();
    await driver.close();
  });

  async function rows(query: string): Promise<Array<Record<string, unknown>>> {
    const result = await driver.executeQuery(query);
    return result.records.map((r) => r.toObject());
  }

  it('creates the unique-id constraints for Document, Passage, Entity and Target', async () => {
    await store.migrate(384);
    const constraints = await rows('SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *');
    const unique = constraints
      .filter((c) => String(c.type).includes('UNIQUE'))
      .map((c) => `${(c.labelsOrTypes as string[])[0]}.${(c.properties as string[])[0]}`);
    expect(unique).toEqual(expect.arrayContaining(['Document.id', 'Passage.id', 'Entity.id', 'Target.id']));
  });

  it('creates whitespace full-text indexes and a cosine vector index of the configured dimension', async () => {
    await store.migrate(384);
    const indexes = await rows('SHOW INDEXES YIELD name, type, state, options RETURN *');
    const byName = new Map(indexes.map((i) => [i.name as string, i]));
    for (const name of ['passage_tokens', 'entity_names']) {
      const index = byName.get(name);
      expect(index?.type).toBe('FULLTEXT');
      expect((index?.options as { indexConfig: Record<string, unknown> }).indexConfig['fulltext.analyzer']).toBe('whitespace');
    }
    const vector = byName.get('passage_embedding');
    expect(vector?.type).toBe('VECTOR');
    expect(vector?.state).toBe('ONLINE');
    const config = (vector?.options as { indexConfig: Record<string, unknown> }).indexConfig;
    expect(config['vector.dimensions']).toBe(384);
    expect(config['vector.similarity_function']).toBe('COSINE');
    expect(await store.schemaState()).toEqual({ vectorDimension: 384 });
  });

  it('is idempotent: migrating twice leaves the same indexes', async () => {
    await store.migrate(384);
    const before = await rows('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    await store.migrate(384);
    expect(await rows('SHOW INDEXES YIELD name RETURN name ORDER BY name')).toEqual(before);
  });

  it('refuses an embedder of another dimension and names the fixing command', async () => {
    const error = await store.migrate(512).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SCHEMA_MISMATCH');
    expect((error as AppError).message).toContain('policygraph reindex');
    expect((await store.schemaState()).vectorDimension).toBe(384);
  });

  it('writes a node and reads it back through the vector index', async () => {
    await store.migrate(384);
    const embedding = Array.from({ length: 384 }, (_, i) => (i === 7 ? 1 : 0));
    await driver.executeQuery('CREATE (:Passage {id: "schema-test", docId: "x", text: "到2025年", embedding: $embedding})', { embedding });
    await driver.executeQuery('CALL db.awaitIndexes(30)');
    const hits = await rows(
      `CALL db.index.vector.queryNodes('passage_embedding', 1, $embedding) YIELD node, score RETURN node.id AS id, score`.replace(
        '$embedding',
        `[${embedding.join(',')}]`,
      ),
    );
    expect(hits[0]?.id).toBe('schema-test');
    await store.resetForTests();
  });

  it('an unreachable Neo4j gives STORE_UNAVAILABLE with the URI and the way to start it', async () => {
    const { Neo4jStore } = await import('../../src/store/neo4j/neo4j-store.js');
    const error = await Neo4jStore.open(neo4jSettings({ uri: 'bolt://127.0.0.1:1', connectRetries: 1 })).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('STORE_UNAVAILABLE');
    expect((error as AppError).message).toMatch(/bolt:\/\/127\.0\.0\.1:1.*neo4j:start/);
  });
});
