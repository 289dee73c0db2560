// The circuit breaker over a real SQLite store: a failed call prompts a ping; once a ping has failed,
// calls are answered at once without reaching the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreBreaker } from '../../src/api/store-breaker.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'policygraph-breaker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store circuit breaker', () => {
  it('passes calls through while the store answers, and answers at once once a ping failed', async () => {
    const store = await EmbeddedStore.open(path.join(dir, 'breaker.sqlite'));
    const breaker = new StoreBreaker(store, 60_000);
    const guarded = breaker.guard();
    try {
      expect((await guarded.stats()).documents).toBe(0);
      await store.close();
      // The store's own failure, which prompts a ping…
      await expect(guarded.stats()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('closed') });
      await expect(guarded.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      // …and from then on the breaker's answer, without asking the store.
      await expect(guarded.stats()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('being checked') });
      await expect(guarded.listDocuments({ offset: 0, limit: 1 })).rejects.toMatchObject({ message: expect.stringContaining('being checked') });
    } finally {
      breaker.stop();
    }
  });
});
