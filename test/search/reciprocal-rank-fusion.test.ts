import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/search/reciprocal-rank-fusion.js';

const list = (channel: 'a' | 'b', keys: string[]) => ({ channel, items: keys.map((key, i) => ({ key, score: 10 - i, item: key })) });

describe('reciprocalRankFusion', () => {
  it('ranks an item both lists agree on above items only one list ranks first', () => {
    const fused = reciprocalRankFusion([list('a', ['x', 'shared', 'y']), list('b', ['z', 'shared', 'w'])]);
    expect(fused[0]!.key).toBe('shared');
    expect(fused[0]!.score).toBeCloseTo(2 / 62);
    expect(fused[0]!.ranks).toEqual({ a: { rank: 2, score: 9 }, b: { rank: 2, score: 9 } });
  });

  it('keeps only the channels that ranked an item', () => {
    const fused = reciprocalRankFusion([list('a', ['x']), list('b', ['y'])]);
    expect(fused.find((f) => f.key === 'x')!.ranks).toEqual({ a: { rank: 1, score: 10 } });
  });

  it('breaks ties deterministically by best rank, then key', () => {
    const fused = reciprocalRankFusion([list('a', ['q', 'p']), list('b', ['p', 'q'])]);
    expect(fused.map((f) => f.key)).toEqual(['p', 'q']);
  });

  it('counts a key repeated within one list once, at its best rank', () => {
    const fused = reciprocalRankFusion([{ channel: 'a', items: ['x', 'x', 'y'].map((key, i) => ({ key, score: 3 - i, item: key })) }]);
    expect(fused.map((f) => [f.key, f.ranks.a?.rank])).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('gives items a list scores alike the same rank and the same share', () => {
    const fused = reciprocalRankFusion([{ channel: 'g', items: ['a', 'b', 'c'].map((key, i) => ({ key, score: i < 2 ? 2 : 1, item: key })) }]);
    expect(fused.map((f) => [f.key, f.ranks.g?.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
    expect(fused[0]!.score).toBeCloseTo(1 / 61.5);
    expect(fused[1]!.score).toBeCloseTo(1 / 61.5);
    expect(fused[2]!.score).toBeCloseTo(1 / 63);
  });

  it('returns nothing for no lists or empty lists', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([list('a', [])])).toEqual([]);
  });
});
