// Ingest on the worker pool: the same facts as inline, several documents per transaction with the
// same counts as one by one, and a large POST /api/documents that does not stall /health.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/run-server.js';
import { parseConfig } from '../../src/config.js';
import { AnalysePool } from '../../src/ingest/analyse-pool.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { analyseDocument } from '../../src/ingest/ingest-document.js';
import { normaliseText } from '../../src/ingest/normalise-text.js';
import { openServices, type Services } from '../../src/services.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
const corpusDir = (await readdir(CORPUS).catch(() => [])).some((n) => n.endsWith('.txt')) ? CORPUS : SEEDS;

async function open(dir: string, workers?: number): Promise<Services> {
  const config = parseConfig({ DATA_DIR: dir, PORT: '0', MODELS_DIR: path.join(dir, 'no-models'), SEEDS_DIR: path.join(dir, 'no-seeds'), LOG_LEVEL: 'silent' });
  return openServices(config, workers ? { workers } : {});
}

describe('ingest on the worker pool', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'pg-pool-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('a worker analyses a document exactly as the inline stages do', async () => {
    const name = (await readdir(corpusDir)).find((n) => n.endsWith('.txt'))!;
    const input = { ref: { id: 'doc_pool', title: name }, text: normaliseText(await readFile(path.join(corpusDir, name), 'utf8')) };
    const services = await open(path.join(tmp, 'same'));
    const pool = AnalysePool.open(1, services.segmenter.lexiconDir);
    try {
      const pooled = await pool.analyse(input);
      expect(pooled.facts.entities.length).toBeGreaterThan(0);
      const inline = analyseDocument(input, services.segmenter);
      expect(pooled).toEqual(inline);
    } finally {
      await pool.close();
      await services.close();
    }
  });

  it('bulk loading with workers stores the same counts as a serial run', async () => {
    const serial = await open(path.join(tmp, 'serial'));
    const parallel = await open(path.join(tmp, 'parallel'));
    try {
      const one = await ingestFiles(serial, [corpusDir], { workers: 0 });
      const two = await ingestFiles(parallel, [corpusDir], { workers: 2 });
      expect(one.filter((o) => o.error)).toEqual([]);
      expect(two.filter((o) => o.error)).toEqual([]);
      expect(two.map((o) => [o.path, o.result?.document.id, o.result?.counts])).toEqual(one.map((o) => [o.path, o.result?.document.id, o.result?.counts]));
      const [a, b] = await Promise.all([serial.store.stats(), parallel.store.stats()]);
      expect(a.documents).toBe(one.length);
      expect(b).toEqual(a);
      // Re-running is a no-op: every file is unchanged.
      const again = await ingestFiles(parallel, [corpusDir], { workers: 2 });
      expect(new Set(again.map((o) => o.result?.status))).toEqual(new Set(['unchanged']));
    } finally {
      await serial.close();
      await parallel.close();
    }
  });

  describe('a 1 MB POST /api/documents', () => {
    let services: Services;
    let server: RunningServer;
    beforeAll(async () => {
      services = await open(path.join(tmp, 'http'), 1);
      server = await startServer(services);
      // The pool's worker loads its dictionaries once; let the first small ingest wait for that.
      const warm = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '预热', text: '到2025年，南通高新区高新技术企业达到600家以上。' }) });
      expect(warm.status).toBe(201);
    });
    afterAll(async () => {
      await server?.close();
      await services?.close();
    });

    it('keeps /health answering while the document is segmented and extracted on a worker', async () => {
      const texts = await Promise.all((await readdir(corpusDir)).filter((n) => n.endsWith('.txt')).map((n) => readFile(path.join(corpusDir, n), 'utf8')));
      let text = '';
      for (let i = 0; Buffer.byteLength(text) < 1_000_000; i++) text += `${texts[i % texts.length]}\n\n（第${i}部分）\n`;
      const posting = fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '大文件', text }) });
      let done = false;
      void posting.finally(() => (done = true));
      const health: number[] = [];
      while (!done) {
        const started = performance.now();
        expect((await fetch(`${server.url}/health`)).status).toBe(200);
        health.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect((await posting).status).toBe(201);
      // Inline, the main thread would be busy for seconds; on the pool, /health keeps answering.
      // The median is checked, not the worst case: timing on a shared CI machine has outliers.
      expect(health.length).toBeGreaterThan(5);
      const sorted = [...health].sort((x, y) => x - y);
      expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(50);
      console.log(`/health during a 1 MB ingest: ${health.length} requests, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`);
    });
  });
});
