// The HTTP hardening suite against the embedded store (a temporary SQLite file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { openServices, type Services } from '../../src/services.js';
import type { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { describeHttpHardening } from './http-hardening.js';

const dir = mkdtempSync(path.join(tmpdir(), 'policygraph-http-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeHttpHardening('embedded', async () => {
  const config = parseConfig({ DATA_DIR: dir, PORT: '0', MODELS_DIR: 'data/test/no-models', LOG_LEVEL: 'silent' });
  return (await openServices(config)) as Services & { store: EmbeddedStore };
});
