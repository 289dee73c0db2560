// Passage vectors on Neo4j are stored as 32-bit floats (half the bytes of a LIST<FLOAT>, which the
// bulk write's commit spent time on); a vector the vector procedure refuses (empty, not finite) is
// still stored as a plain list, as before, and does not fail the document.
import { describe, expect, it } from 'vitest';
import { docA } from '../store/store-contract.js';
import { neo4jUri, useTestNeo4j } from './open-test-neo4j.js';

describe.skipIf(!neo4jUri)('Neo4j passage vectors', () => {
  const { store: opened } = useTestNeo4j();

  it('stores vectors as 32-bit floats, searchable; empty and non-finite ones as plain lists', async () => {
    const store = opened();
    const doc = docA('doc-vec');
    const vectors = [[0.1, 0.2, 0.3, 0.4], [], [0.5, Number.NaN, 0, 0]];
    doc.passages.forEach((p, i) => (p.embedding = vectors[i]!));
    await store.writeDocument(doc, []);

    const stored = (await store.readDocument('doc-vec'))!.passages.map((p) => p.embedding);
    expect(stored[0]).toEqual(vectors[0]!.map(Math.fround));
    expect(stored[1]).toEqual([]);
    expect(stored[2]![0]).toBe(0.5);
    expect(Number.isNaN(stored[2]![1])).toBe(true);
    expect((await store.vectorPassages([0.1, 0.2, 0.3, 0.4], 1))[0]?.passage.id).toBe(doc.passages[0]!.id);
  });
});
