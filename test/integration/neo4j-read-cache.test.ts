// The Neo4j store keeps repeated look-ups (recognition per query, passages and their entities by id)
// between searches: its own writes must show at once, and another process's within the cache's age.
import { describe, expect, it } from 'vitest';
import { docA, docB, E } from '../store/store-contract.js';
import { neo4jUri, useTestNeo4j } from './open-test-neo4j.js';

describe.skipIf(!neo4jUri)('Neo4j read cache', () => {
  const { store: opened, driver } = useTestNeo4j();
  const lookup = { tokens: ['南通高新区', '链长制'], limit: 10, ids: [], text: '南通高新区的链长制', endings: [] };

  it('answers from its own writes at once: a written document is found, a deleted one is gone', async () => {
    const store = opened();
    await store.writeDocument(docA('doc-a'), []);
    const before = await store.recognitionLookup(lookup);
    expect(before.candidates.map((c) => c.id)).not.toContain(E.chain.id);
    expect(Object.keys(await store.passageEntities(['doc-b:p0']))).toEqual([]);

    await store.writeDocument(docB('doc-b'), []);
    const after = await store.recognitionLookup(lookup);
    expect(after.candidates.map((c) => c.id)).toContain(E.chain.id);
    const mentioned = await store.passageEntities(['doc-b:p0', 'doc-a:p0']);
    expect(mentioned['doc-b:p0']?.map((e) => e.id)).toContain(E.chain.id);
    expect((await store.getPassages(['doc-b:p0'])).map((h) => h.passage.id)).toEqual(['doc-b:p0']);

    expect(await store.deleteDocument('doc-b')).toBe(true);
    expect((await store.recognitionLookup(lookup)).candidates.map((c) => c.id)).not.toContain(E.chain.id);
    expect(await store.passageEntities(['doc-b:p0'])).toEqual({});
    expect(await store.getPassages(['doc-b:p0'])).toEqual([]);
    expect((await store.fulltextPassages(['链长制'], 10)).map((h) => h.passage.docId)).not.toContain('doc-b');
  });

  it('returns the same hits as the uncached reads, passage for passage', async () => {
    const store = opened();
    await store.writeDocument(docB('doc-b'), []);
    for (let round = 0; round < 2; round++) {
      const hits = await store.fulltextPassages(['高新区', '智能装备产业'], 10);
      const { records } = await driver.executeQuery(
        'UNWIND $ids AS id MATCH (p:Passage {id: id})<-[:HAS_PASSAGE]-(d:Document) RETURN p.text AS text, d.title AS title ORDER BY id',
        { ids: hits.map((h) => h.passage.id).sort() },
      );
      expect(hits.length).toBeGreaterThan(0);
      expect([...hits].sort((a, b) => (a.passage.id < b.passage.id ? -1 : 1)).map((h) => [h.passage.text, h.docTitle])).toEqual(
        records.map((r) => [r.get('text'), r.get('title')]),
      );
    }
  });
});
