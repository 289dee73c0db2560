// Stopping Neo4j while the service runs gives 503s and no crash; starting it again restores service
// without a restart. Uses its own launcher instance (port 7689) so other suites are not disturbed.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/run-server.js';
import type { Services } from '../../src/services.js';
import { openTestServices } from './test-services.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = '7689';
const env = { ...process.env, DATA_DIR: path.join(ROOT, 'data/test-outage'), NEO4J_BOLT_PORT: PORT, NEO4J_LIB: process.env.NEO4J_LIB ?? path.join(ROOT, 'data/neo4j/lib') };
const canLaunch = spawnSync('sh', ['-c', 'command -v java && command -v mvn']).status === 0;
const launcher = (script: 'start' | 'stop') => execFileSync('bash', [path.join(ROOT, `scripts/neo4j/${script}.sh`)], { env, stdio: 'pipe' });

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A connection the outage broke may reset; that is a failed check, not a failed test.
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

describe.skipIf(!canLaunch)('HTTP API while Neo4j goes away and comes back', () => {
  let services: Services;
  let server: RunningServer;

  beforeAll(async () => {
    launcher('start');
    services = await openTestServices({ NEO4J_URI: `bolt://127.0.0.1:${PORT}`, REQUEST_TIMEOUT_MS: '20000' });
    server = await startServer(services);
  });
  afterAll(async () => {
    await server?.close();
    await services?.close();
    launcher('stop');
  });

  it('answers 503 problems with Retry-After during the outage and recovers by itself', async () => {
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    launcher('stop');

    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    const stats = await fetch(`${server.url}/api/stats`);
    expect(stats.status).toBe(503);
    expect(stats.headers.get('retry-after')).toBeTruthy();
    expect(stats.headers.get('content-type')).toContain('application/problem+json');
    expect(((await stats.json()) as { code: string }).code).toBe('STORE_UNAVAILABLE');
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    launcher('start');
    const recovered = await waitFor(async () => (await fetch(`${server.url}/ready`)).status === 200, 60_000);
    expect(recovered).toBe(true);
    expect((await fetch(`${server.url}/api/stats`)).status).toBe(200);
  });
});
