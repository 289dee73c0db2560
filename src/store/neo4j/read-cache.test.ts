import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

const counter = () => ({ writes: 0, reads: 0 });

describe('ReadCache', () => {
  it('reads once while nothing is written, again after a write of its own', async () => {
    const state = counter();
    const cache = new ReadCache<string>({ maxAgeMs: 60_000, capacity: 10 }, () => state.writes);
    const read = async () => `v${++state.reads}`;
    expect(await cache.get('q', read)).toBe('v1');
    expect(await cache.get('q', read)).toBe('v1');
    state.writes++;
    expect(await cache.get('q', read)).toBe('v2');
  });

  it('keeps nothing read while a write ended meanwhile', async () => {
    const state = counter();
    const cache = new ReadCache<string>({ maxAgeMs: 60_000, capacity: 10 }, () => state.writes);
    expect(
      await cache.get('q', async () => {
        state.writes++; // a write completing while the read is in flight
        return 'before';
      }),
    ).toBe('before');
    expect(await cache.get('q', async () => 'after')).toBe('after');
  });

  it('lets an entry expire (writes of other processes go unseen)', async () => {
    const cache = new ReadCache<string>({ maxAgeMs: 5, capacity: 10 }, () => 0);
    await cache.get('q', async () => 'old');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await cache.get('q', async () => 'new')).toBe('new');
  });

  it('forgets the oldest entry beyond its capacity, and never keeps a failed read', async () => {
    const cache = new ReadCache<string>({ maxAgeMs: 60_000, capacity: 2 }, () => 0);
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => key);
    expect(await cache.get('a', async () => 'a again')).toBe('a again');
    expect(await cache.get('c', async () => 'c again')).toBe('c');
    await expect(cache.get('x', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', async () => 'up')).toBe('up');
  });

  it('reads only the keys it lacks, and remembers keys the store does not know', async () => {
    const none: string[] = [];
    const cache = new ReadCache<string[]>({ maxAgeMs: 60_000, capacity: 10 }, () => 0);
    const asked: string[][] = [];
    const read = async (keys: string[]) => {
      asked.push(keys);
      return Object.fromEntries(keys.filter((k) => k !== 'unknown').map((k) => [k, [`${k}-entity`]]));
    };
    expect(await cache.getMany(['p1', 'unknown'], read, none)).toEqual({ p1: ['p1-entity'] });
    expect(await cache.getMany(['p1', 'p2', 'unknown', 'p2'], read, none)).toEqual({ p1: ['p1-entity'], p2: ['p2-entity'] });
    expect(asked).toEqual([['p1', 'unknown'], ['p2']]);
    expect(await cache.getMany([], read, none)).toEqual({});
    expect(asked).toHaveLength(2);
  });
});
