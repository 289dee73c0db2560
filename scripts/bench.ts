// `npm run bench -- [--scales 8,80] [--stores embedded,neo4j] [--runs 3] [--project DIR] [--label L]`
// One table of the service's speed: ingest MB/s beside raw nodejieba.tag on the same text (CPU stages
// alone, embedded store, Neo4j), and p50/p95/p99 + requests/s over real HTTP for each search mode,
// ask, neighbours, path and targets with 1 and 8 clients, beside a MiniSearch anchor; peak RSS.
// The corpus (../shared/corpus) is replicated ×N in a temp folder. Neo4j is measured when NEO4J_URI
// is set (its database is emptied first). `--project` measures another checkout (e.g. an older commit)
// with the same harness; `--baseline DIR` measures an older checkout alternately with it (same load).
// Writes bench/results/<label>.{md,json}.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseQuestionsJsonl } from '../src/search/evaluate-questions.js';
import { httpCases } from './bench/http-cases.js';
import { loadHttp, type LoadResult } from './bench/load-http.js';
import { loadInputs, rawTagMs } from './bench/raw-tag.js';
import { replicateCorpus } from './bench/replicate-corpus.js';
import { renderReport, type BenchReport, type HttpRow, type IngestRow } from './bench/render-report.js';
import { resetNeo4j } from './bench/reset-neo4j.js';
import { runScript, startServerProcess, type Env, type ServerProcess } from './bench/service-process.js';
import { spreadOf, type Spread } from './bench/summarise.js';

const here = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '8' },
    stores: { type: 'string', default: process.env.NEO4J_URI ? 'embedded,neo4j' : 'embedded' },
    runs: { type: 'string', default: '3' },
    'http-runs': { type: 'string', default: '3' },
    workers: { type: 'string' },
    project: { type: 'string', default: here },
    // Another checkout (an older commit) measured alternately with the project, for before/after.
    baseline: { type: 'string' },
    label: { type: 'string', default: 'latest' },
    corpus: { type: 'string', default: path.resolve(here, '../shared/corpus') },
    out: { type: 'string', default: path.join(here, 'bench/results') },
    'no-http': { type: 'boolean', default: false },
    // A smoke run (the test suite's): few requests per case.
    quick: { type: 'boolean', default: false },
    // First port for the servers the bench starts (one more per server).
    port: { type: 'string', default: '7790' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench -- [--scales 8,80] [--stores embedded,neo4j] [--runs 3] [--http-runs 3] [--workers N] [--project DIR] [--baseline DIR] [--label L] [--corpus DIR] [--out DIR] [--port P] [--no-http] [--quick]');
  process.exit(0);
}
const scales = values.scales.split(',').map(Number);
const stores = values.stores.split(',') as Array<'embedded' | 'neo4j'>;
const runs = Math.max(1, Number(values.runs));
const httpRuns = Math.max(1, Number(values['http-runs']));
const project = path.resolve(values.project);
const neo4jUri = process.env.NEO4J_URI;
if (stores.includes('neo4j') && !neo4jUri) throw new Error('--stores neo4j needs NEO4J_URI');
if (!existsSync(values.corpus)) throw new Error(`no corpus at ${values.corpus}`);
const isCurrentTree = project === here;
const checkouts = [...(values.baseline ? [{ name: 'baseline', dir: path.resolve(values.baseline) }] : []), { name: '', dir: project }];
const label = (store: string, c: { name: string }) => (c.name ? `${store} (${c.name})` : store);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const questions = parseQuestionsJsonl(await readFile(path.join(here, 'test/fixtures/seed-questions.jsonl'), 'utf8')).map((x) => x.question);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'pg-bench-'));
const baseEnv: Env = { SEEDS_DIR: path.join(tmp, 'no-seeds'), RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn', NEO4J_URI: '' };
const report: BenchReport = {
  label: values.label,
  commit: '',
  date: new Date().toISOString(),
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  embedder: '',
  workers: values.workers ? Number(values.workers) : undefined,
  ingest: [],
  http: [],
  peakRssMb: {},
};
try {
  report.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: project, encoding: 'utf8' }).trim();
} catch {
  report.commit = 'unknown';
}

let port = Number(values.port);
try {
  const warmup = await replicateCorpus(values.corpus, 1, path.join(tmp, 'warmup'), '预热');
  for (const scale of scales) {
    const corpus = await replicateCorpus(values.corpus, scale, path.join(tmp, `x${scale}`));
    const mb = corpus.bytes / 1e6;
    log(`×${scale}: ${corpus.files} documents, ${mb.toFixed(1)} MB`);
    const inputs = await loadInputs(corpus.dir);
    const raw = spreadOf(Array.from({ length: runs }, () => rawTagMs(inputs)));
    const row = (system: string, ms: number[] | Spread, extra: Partial<IngestRow> = {}): IngestRow => {
      const s = Array.isArray(ms) ? spreadOf(ms) : ms;
      return { scale, documents: corpus.files, mb, system, ms: s, mbPerSec: (mb / s.median) * 1000, ratioToRaw: raw.median / s.median, ...extra };
    };
    report.ingest.push(row('raw nodejieba.tag', raw));
    if (isCurrentTree) {
      const { cpuPipelineMs } = await import('./bench/cpu-pipeline.js');
      const { AnalysePool } = await import('../src/ingest/analyse-pool.js');
      const workers = report.workers ?? os.availableParallelism();
      const pool = AnalysePool.open(workers);
      try {
        await cpuPipelineMs(inputs.slice(0, 8), workers, pool);
        const serial: number[] = [];
        const pooled: number[] = [];
        for (let r = 0; r < runs; r++) {
          serial.push(await cpuPipelineMs(inputs, 0));
          pooled.push(await cpuPipelineMs(inputs, workers, pool));
        }
        report.ingest.push(row('CPU stages, inline', serial));
        report.ingest.push(row(`CPU stages, ${workers} worker${workers === 1 ? '' : 's'}`, pooled));
      } finally {
        await pool.close();
      }
    }
    for (const store of stores) {
      const storeEnv = (dataDir: string): Env => ({ ...baseEnv, DATA_DIR: dataDir, ...(store === 'neo4j' ? { NEO4J_URI: neo4jUri! } : {}) });
      const ingestMs = new Map<string, number[]>(checkouts.map((c) => [c.dir, []]));
      const dataDirs = new Map<string, string>();
      let startupMs = 0;
      let warmupMs = 0;
      // With a baseline, its runs and the project's alternate, so both see the same machine load.
      for (let r = 0; r < runs; r++) {
        for (const c of checkouts) {
          const previous = dataDirs.get(c.dir);
          if (previous && store === 'embedded') await rm(previous, { recursive: true, force: true });
          const dataDir = path.join(tmp, `data-${store}-${scale}-${c.name || 'project'}-${r}`);
          dataDirs.set(c.dir, dataDir);
          if (store === 'neo4j') await resetNeo4j(neo4jUri!);
          const args = [c.dir, warmup.dir, corpus.dir, ...(values.workers ? [values.workers] : [])];
          const { stdout } = await runScript(c.dir, path.join(here, 'scripts/bench/ingest-run.ts'), args, storeEnv(dataDir));
          const result = JSON.parse(stdout.trim().split('\n').pop()!) as { startupMs: number; warmupMs: number; ms: number; documents: number };
          if (result.documents !== corpus.files) throw new Error(`ingested ${result.documents} of ${corpus.files} documents`);
          ingestMs.get(c.dir)!.push(result.ms);
          startupMs = result.startupMs;
          warmupMs = result.warmupMs;
          log(`${label(store, c)} ×${scale} run ${r + 1}: ${(result.ms / 1000).toFixed(1)} s (start-up ${(startupMs / 1000).toFixed(1)} s, warm-up ×1 ${(warmupMs / 1000).toFixed(1)} s)`);
        }
      }
      for (const c of checkouts) report.ingest.push(row(`${label(store, c)} store`, ingestMs.get(c.dir)!, { startupMs, warmupMs }));
      if (values['no-http']) continue;
      // On Neo4j every checkout's server reads the same database (the project's last ingest).
      const servers: Array<{ server: ServerProcess; label: string }> = [];
      try {
        for (const c of checkouts) servers.push({ server: await startServerProcess(c.dir, storeEnv(dataDirs.get(c.dir)!), port++), label: label(store, c) });
        const main = servers[servers.length - 1]!.server;
        const health = (await (await fetch(`${main.url}/health`)).json()) as { embedder?: { name?: string } | string };
        report.embedder ||= typeof health.embedder === 'string' ? health.embedder : (health.embedder?.name ?? 'unknown');
        const cases = await httpCases(main.url, questions);
        const targets = servers.map(({ server, label: l }) => ({ url: server.url, label: l }));
        for (const c of cases) report.http.push(...(await measureCase(targets, c.name, c.paths, scale)));
        for (const { server, label: l } of servers) report.peakRssMb[`${l} ×${scale}`] = server.peakRssMb();
      } finally {
        for (const { server } of servers) await server.stop();
      }
    }
    if (!values['no-http']) {
      const anchor = await startServerProcess(here, {}, port++, { file: path.join(here, 'scripts/bench/minisearch-server.ts'), args: [corpus.dir, String(port - 1)] });
      try {
        const paths = questions.map((x) => `/api/search?q=${encodeURIComponent(x)}&k=10`);
        report.http.push(...(await measureCase([{ url: anchor.url, label: 'in-process' }], 'MiniSearch anchor (full-text)', paths, scale)));
      } finally {
        await anchor.stop();
      }
    }
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
  // Leave Neo4j empty: a test suite's single-transaction reset cannot delete a ×80 graph.
  if (stores.includes('neo4j')) await resetNeo4j(neo4jUri!);
}

/** Each target's rounds alternate with the others' (a baseline and the project see the same load). */
async function measureCase(targets: Array<{ url: string; label: string }>, name: string, paths: string[], scale: number): Promise<HttpRow[]> {
  // Warm-up: every distinct request once (JIT, page cache, query plans).
  for (const t of targets) await loadHttp(t.url, paths, { clients: 1, requests: values.quick ? 4 : paths.length, maxMs: 30_000 });
  const rows: HttpRow[] = [];
  for (const clients of [1, 8]) {
    const requests = (clients === 1 ? 80 : 240) / (values.quick ? 8 : 1);
    const rounds = new Map<string, LoadResult[]>(targets.map((t) => [t.label, []]));
    for (let r = 0; r < httpRuns; r++) {
      for (const t of targets) rounds.get(t.label)!.push(await loadHttp(t.url, paths, { clients, requests, maxMs: 6_000 }));
    }
    for (const t of targets) {
      const results = rounds.get(t.label)!;
      const pick = (f: (x: LoadResult) => number) => spreadOf(results.map(f));
      const row: HttpRow = {
        scale,
        store: t.label,
        name,
        clients,
        requests: results.reduce((n, x) => n + x.requests, 0),
        errors: results.reduce((n, x) => n + x.errors, 0),
        p50: pick((x) => x.p50),
        p95: pick((x) => x.p95),
        p99: pick((x) => x.p99),
        reqPerSec: pick((x) => x.reqPerSec),
      };
      rows.push(row);
      log(`${t.label} ×${scale} ${name} ${clients} client(s): p50 ${row.p50.median.toFixed(1)} p95 ${row.p95.median.toFixed(1)} ms, ${row.reqPerSec.median.toFixed(0)} req/s`);
    }
  }
  return rows;
}

await mkdir(values.out, { recursive: true });
await writeFile(path.join(values.out, `${values.label}.json`), `${JSON.stringify(report, null, 2)}\n`);
const markdown = renderReport(report);
await writeFile(path.join(values.out, `${values.label}.md`), markdown);
console.log(markdown);
process.exit(0);
