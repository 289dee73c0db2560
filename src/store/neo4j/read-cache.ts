// Look-ups that repeat from query to query, kept between round trips to Neo4j: entity recognition per
// query (analysts repeat and refine questions), target look-ups per metric word or entity, and
// passages with the entities they mention (the same passages come back for many questions). An entry holds while this store has written nothing since
// it was read and for at most `maxAgeMs` (other processes — a CLI ingest — write to the same database
// unseen), the staleness the document listing of scope already allows. Callers must not mutate what
// they get: entries are shared.

export interface ReadCacheOptions {
  maxAgeMs: number;
  capacity: number;
}

interface Entry<V> {
  value: V;
  at: number;
  generation: number;
}

export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly options: ReadCacheOptions,
    /** This store's write count: any write of its own makes every entry stale. */
    private readonly generation: () => number,
  ) {}

  /** The entry of `key` while valid; a stale one is dropped. */
  private fresh(key: string, now: number): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== this.generation() || now - entry.at > this.options.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private keep(key: string, value: V, at: number, generation: number): void {
    // A write that began meanwhile may have changed what was read: keep nothing.
    if (generation !== this.generation()) return;
    this.entries.delete(key);
    this.entries.set(key, { value, at, generation });
    // Map order is insertion order: the first key is the oldest.
    while (this.entries.size > this.options.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The value for `key`, read by `read` when not cached (a failed read is not kept). */
  async get(key: string, read: () => Promise<V>): Promise<V> {
    const now = performance.now();
    const hit = this.fresh(key, now);
    if (hit) return hit.value;
    const generation = this.generation();
    const value = await read();
    this.keep(key, value, now, generation);
    return value;
  }

  /**
   * Values for many keys at once: the cached ones as they are, the rest read together by `read`. A
   * key `read` leaves out stays out of the answer, and is remembered as absent (`none`).
   */
  async getMany(keys: readonly string[], read: (keys: string[]) => Promise<Record<string, V>>, none: V): Promise<Record<string, V>> {
    const now = performance.now();
    const out: Record<string, V> = {};
    const unread: string[] = [];
    for (const key of new Set(keys)) {
      const hit = this.fresh(key, now);
      if (!hit) unread.push(key);
      else if (hit.value !== none) out[key] = hit.value;
    }
    if (!unread.length) return out;
    const generation = this.generation();
    const found = await read(unread);
    for (const key of unread) {
      const value = found[key];
      if (value !== undefined) out[key] = value;
      this.keep(key, value ?? none, now, generation);
    }
    return out;
  }
}
