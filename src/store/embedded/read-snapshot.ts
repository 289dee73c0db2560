// Read-side structures the embedded store keeps in memory (the vector matrix, entity mention counts,
// targets), rebuilt when the file changes. SQLite answers these in milliseconds per query; a search
// request asks several of them, so held in memory they cost microseconds instead.
import { prepared, type Db } from './open-database.js';

/**
 * What identifies the file's content: SQLite's data_version moves when another connection commits
 * (a CLI ingest beside the server); `localWrites` counts this connection's own commits, which
 * data_version does not see.
 */
export function contentVersion(db: Db, localWrites: number): string {
  // A cached statement: db.pragma() prepares one per call, and a search asks this ~10 times.
  return `${prepared(db, 'PRAGMA data_version').pluck().get() as number}:${localWrites}`;
}

/** One structure built from the file, rebuilt on first use after the content changed. */
export class Snapshot<T> {
  private version: string | undefined;
  private value: T | undefined;
  private builtAt = 0;
  private buildMs = 0;

  constructor(private readonly build: (db: Db) => T) {}

  /** Always current: rebuilt at once when stale. */
  get(db: Db, version: string): T {
    if (this.version !== version || this.value === undefined) {
      const started = performance.now();
      this.value = this.build(db);
      this.version = version;
      this.builtAt = performance.now();
      this.buildMs = this.builtAt - started;
    }
    return this.value;
  }

  /**
   * Current, or undefined while the file keeps changing (a bulk load into a serving store): a stale
   * snapshot is rebuilt at most once per REBUILD_SPACING × its build time, so rebuilding costs at
   * most a tenth of the time, and the caller answers from SQLite's own index meanwhile.
   */
  getUnlessBusy(db: Db, version: string): T | undefined {
    const stale = this.version !== version || this.value === undefined;
    if (stale && this.value !== undefined && performance.now() - this.builtAt < Math.max(MIN_REBUILD_MS, REBUILD_SPACING * this.buildMs)) return undefined;
    return this.get(db, version);
  }
}

const REBUILD_SPACING = 10;
const MIN_REBUILD_MS = 1_000;
