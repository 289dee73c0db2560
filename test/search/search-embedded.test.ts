// The search and ask acceptance suite against the embedded store (a temporary SQLite file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { describeSearchAcceptance } from './search-acceptance.js';

const dir = mkdtempSync(path.join(tmpdir(), 'policygraph-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSearchAcceptance('embedded', () => EmbeddedStore.open(path.join(dir, 'search.sqlite')));
