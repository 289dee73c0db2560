import { describe, expect, it, vi } from 'vitest';
import { createHashingEmbedder, hashFeature, hashingVector, searchTokenHashingDimension } from './hashing-embedder.js';

const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('createHashingEmbedder', () => {
  it('keeps its hash stable, since stored vectors depend on it', () => {
    expect([hashFeature(''), hashFeature('w:园区'), hashFeature('b:园区')]).toEqual([2872998923, 1065741380, 589865321]);
  });

  it('is named after its dimension', () => {
    expect(createHashingEmbedder().name).toBe('hashing-fallback-512');
    expect(createHashingEmbedder({ dimension: 64 }).dimension).toBe(64);
  });

  it('gives a text without words a unit vector too', async () => {
    const [empty, punctuation] = await createHashingEmbedder().embed(['', '，。！'], 'passage');
    expect(norm(empty!)).toBeCloseTo(1, 9);
    expect(punctuation).toEqual(empty);
  });

  it('matches Chinese by character bigrams even without a word tokenizer', async () => {
    const [q, near, far] = await createHashingEmbedder().embed(['园区产值', '工业园区的产值目标', '新能源汽车'], 'query');
    expect(cosine(q!, near!)).toBeGreaterThan(0.3);
    expect(cosine(q!, far!)).toBeLessThan(0.2);
  });

  it('ignores letter case in tokens', async () => {
    const [a, b] = await createHashingEmbedder().embed(['GDP Growth', 'gdp growth'], 'passage');
    expect(a).toEqual(b);
  });

  it('uses the injected tokenizer', async () => {
    const tokenize = vi.fn((text: string) => text.split('|'));
    const [v] = await createHashingEmbedder({ tokenize }).embed(['生物|医药'], 'passage');
    expect(tokenize).toHaveBeenCalledWith('生物|医药');
    expect(norm(v!)).toBeCloseTo(1, 9);
  });

  it('gives the same vector from tokens cut beforehand (what ingest computes on its workers)', async () => {
    const tokenize = (text: string) => text.split('|');
    const embedder = createHashingEmbedder({ dimension: 64, tokenize, searchTokenized: true });
    const [v] = await embedder.embed(['生物|医药|产业'], 'passage');
    expect(hashingVector('生物|医药|产业', ['生物', '医药', '产业'], 64)).toEqual(v);
    expect(searchTokenHashingDimension(embedder)).toBe(64);
    expect(searchTokenHashingDimension(createHashingEmbedder({ tokenize }))).toBeUndefined();
  });

  it('rejects a dimension that is not a positive integer', () => {
    expect(() => createHashingEmbedder({ dimension: 0 })).toThrow(RangeError);
  });
});
