// Deleting a document on Neo4j takes off exactly its own evidence: ids are compared whole, so
// deleting `doc-a` leaves the evidence of `doc-a:2` (whose passage ids start with `doc-a:`).
import { describe, expect, it } from 'vitest';
import { docA, docB, E } from '../store/store-contract.js';
import { neo4jUri, useTestNeo4j } from './open-test-neo4j.js';

describe.skipIf(!neo4jUri)('Neo4j delete by exact id', () => {
  const { store: opened, driver } = useTestNeo4j();

  it('keeps the evidence of a document whose id starts with the deleted one', async () => {
    const store = opened();
    await store.writeDocument(docA('doc-a'), []);
    await store.writeDocument(docB('doc-a:2'), []);
    expect(await store.deleteDocument('doc-a')).toBe(true);
    const { records } = await driver.executeQuery(
      'MATCH (:Entity {id: $park})-[r:HOSTS]->(:Entity {id: $it}) RETURN r.evidence AS evidence, r.docIds AS docIds, size(r.spans) AS spans',
      { park: E.park.id, it: E.it.id },
    );
    expect(records[0]?.get('docIds')).toEqual(['doc-a:2']);
    expect(records[0]?.get('evidence')).toEqual(['doc-a:2:p0']);
    expect(Number(records[0]?.get('spans'))).toBe(1);
  });
});
