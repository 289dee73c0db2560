// Read-side structures the embedded store keeps in memory (the vector matrix, entity mention counts,
// targets), rebuilt when the file changes. SQLite answers these in milliseconds per query; a search
// request asks several of them, so held in memory they cost microseconds instead.
import type { Db } from './open-database.js';

/**
 * What identifies the file's content: SQLite's data_version moves when another connection commits
 * (a CLI ingest beside the server); `localWrites` counts this connection's own commits, which
 * data_version does not see.
 */
export function contentVersion(db: Db, localWrites: number): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${localWrites}`;
}

/** One structure built from the file, rebuilt on first use after the content changed. */
export class Snapshot<T> {
  private version: string | undefined;
  private value: T | undefined;

  constructor(private readonly build: (db: Db) => T) {}

  get(db: Db, version: string): T {
    if (this.version !== version || this.value === undefined) {
      this.value = this.build(db);
      this.version = version;
    }
    return this.value;
  }
}
