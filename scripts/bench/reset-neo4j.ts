// Empties the Neo4j database between ingest runs (batched, so ×80 does not need one huge
// transaction). Constraints and indexes stay, except the vector index: the service recreates it with
// its own dimension.
import neo4j from 'neo4j-driver';

export async function resetNeo4j(uri: string): Promise<void> {
  const driver = neo4j.driver(uri, undefined, { logging: { level: 'error', logger: () => undefined } });
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    // A test suite may have left a vector index of another dimension; the service recreates it.
    await session.run('DROP INDEX passage_embedding IF EXISTS');
  } finally {
    await session.close();
    await driver.close();
  }
}
