// Empties a scratch Neo4j for a fuzz or load run: every node, and the vector index too, so the
// service creates it for its own embedder (a test suite may have left one of another dimension).
import neo4j from 'neo4j-driver';
import { resetNeo4j } from '../bench/reset-neo4j.js';

export async function emptyScratchNeo4j(uri: string): Promise<void> {
  await resetNeo4j(uri);
  const driver = neo4j.driver(uri, undefined, { logging: { level: 'error', logger: () => undefined } });
  try {
    await driver.executeQuery('DROP INDEX passage_embedding IF EXISTS');
  } finally {
    await driver.close();
  }
}
