// Bulk writes and one-trip look-ups on the embedded store (a real SQLite file).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { describeBulkAndLookups } from './bulk-and-lookups-contract.js';

const dir = await mkdtemp(path.join(tmpdir(), 'policygraph-bulk-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeBulkAndLookups('embedded (SQLite file)', () => EmbeddedStore.open(path.join(dir, 'graph.sqlite')));
