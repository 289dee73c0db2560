import { describe, expect, it } from 'vitest';
import { cachePerOwner, LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry past its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('makes a value once and does not keep a failure', async () => {
    const cache = new LruCache<string, number>(4);
    let calls = 0;
    const make = async () => ++calls;
    expect(await cache.getOrMake('q', make)).toBe(1);
    expect(await cache.getOrMake('q', make)).toBe(1);
    await expect(cache.getOrMake('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.getOrMake('x', make)).toBe(2);
  });

  it('keeps one cache per owner', () => {
    const of = cachePerOwner<object, string, number>(8);
    const a = {};
    const b = {};
    of(a).set('k', 1);
    expect(of(a).get('k')).toBe(1);
    expect(of(b).get('k')).toBeUndefined();
  });

  it('refuses a capacity that bounds nothing', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
