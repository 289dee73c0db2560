// The benchmark stays out of the test suite; this only checks that `npm run bench` runs end to end on
// a tiny corpus (the seed article, ×1, embedded store, few requests) and writes its table.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const out = await mkdtemp(path.join(os.tmpdir(), 'pg-bench-test-'));
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('npm run bench', () => {
  it('measures ingest and every HTTP case on a tiny corpus and writes markdown and JSON', { timeout: 240_000 }, async () => {
    const args = ['--import', 'tsx', 'scripts/bench.ts', '--corpus', 'seeds', '--scales', '1', '--stores', 'embedded', '--runs', '1', '--http-runs', '1', '--workers', '1', '--quick', '--label', 'smoke', '--out', out, '--port', String(20_000 + Math.floor(Math.random() * 20_000))];
    await promisify(execFile)(process.execPath, args, { cwd: root, env: { ...process.env, NEO4J_URI: '' }, maxBuffer: 10_000_000 });
    const report = JSON.parse(await readFile(path.join(out, 'smoke.json'), 'utf8')) as {
      cores: number;
      embedder: string;
      ingest: Array<{ system: string; mbPerSec: number; ratioToRaw: number }>;
      http: Array<{ name: string; store: string; clients: number; p95: { median: number }; errors: number }>;
    };
    expect(report.cores).toBeGreaterThan(0);
    expect(report.embedder).toMatch(/hashing-fallback/);
    expect(report.ingest.map((r) => r.system)).toEqual(['raw nodejieba.tag', 'CPU stages, inline', 'CPU stages, 1 worker', 'embedded store']);
    for (const row of report.ingest) expect(row.mbPerSec).toBeGreaterThan(0);
    const cases = new Set(report.http.map((h) => h.name));
    for (const name of ['search fulltext', 'search vector', 'search hybrid', 'ask', 'neighbours depth 2', 'path', 'targets', 'MiniSearch anchor (full-text)']) expect(cases).toContain(name);
    expect(report.http.every((h) => h.p95.median > 0 && h.errors === 0)).toBe(true);
    expect(new Set(report.http.map((h) => h.clients))).toEqual(new Set([1, 8]));
    expect(await readFile(path.join(out, 'smoke.md'), 'utf8')).toContain('| ×1 | embedded | search hybrid | 8 |');
  });
});
