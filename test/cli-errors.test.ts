// The CLI's failure modes give one clear line and a non-zero exit: a bad configuration value, an
// unreachable Neo4j, a port already in use.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/policygraph.js');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: mkdtempSync(path.join(tmpdir(), 'pg-cli-')),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', MODELS_DIR: '/nonexistent-models', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (s: string) => s.trim().split('\n').filter(Boolean);

describe('CLI failures', () => {
  let busy: Server;
  let busyPort = 0;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => busy.close(() => r())));

  it('a bad configuration value stops with one line naming the variable', async () => {
    const result = await run(['stats'], { PORT: 'abc' });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^policygraph: invalid configuration: PORT=/);
  });

  it('an unreachable Neo4j stops with one line naming the URI and how to start it', async () => {
    const result = await run(['stats'], { NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_CONNECT_RETRIES: '0' });
    expect(result.code).toBe(3);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('bolt://127.0.0.1:9');
    expect(result.stderr).toContain('neo4j:start');
  });

  it('a port already in use stops with one line naming the port', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pg-data-'));
    const result = await run(['serve', '--port', String(busyPort)], { DATA_DIR: dataDir, SEEDS_DIR: path.join(dataDir, 'no-seeds') });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain(`port ${busyPort}`);
    expect(result.stderr).toContain('already in use');
  });

  it('serve drains and exits cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pg-data-'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: dataDir,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', MODELS_DIR: '/nonexistent-models', DATA_DIR: dataDir, SEEDS_DIR: path.join(dataDir, 'none') },
    });
    let stderr = '';
    const listening = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('PolicyGraph listening on')) resolve();
      }),
    );
    await listening;
    const url = /listening on (http:\/\/\S+)/.exec(stderr)![1]!;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toContain('shutting down');
    expect(stderr).toContain('"msg":"stopped"');
  });

  it('an unknown command or option is refused with usage help', async () => {
    const result = await run(['frobnicate'], {});
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown command');
  });
});
