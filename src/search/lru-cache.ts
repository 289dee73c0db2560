// A bounded least-recently-used cache for what repeats across queries and depends on nothing stored:
// a query's vector and the entity mentions the recogniser reads in its text. A Map keeps insertion
// order, so re-inserting on a hit makes the oldest entry the first key.
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The cached value, or `make()`'s (cached when it resolves; a failure is not cached). */
  async getOrMake(key: K, make: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = await make();
    this.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One cache per owner object (an embedder, a segmenter), dropped with it. */
export function cachePerOwner<O extends object, K, V>(capacity: number): (owner: O) => LruCache<K, V> {
  const caches = new WeakMap<O, LruCache<K, V>>();
  return (owner) => {
    let cache = caches.get(owner);
    if (!cache) caches.set(owner, (cache = new LruCache<K, V>(capacity)));
    return cache;
  };
}
