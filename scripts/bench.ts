// `npm run bench -- [--questions <jsonl>] [--ingest <path>]… [-n 200] [-k 10] [--json]`
// Latency of search (each mode) and ask over n queries against the configured store: the question
// set's questions, cycled to n, after a short warm-up. Prints p50, p95, mean and max per system.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { ingestFiles } from '../src/ingest/ingest-files.js';
import { createRootLogger } from '../src/log.js';
import { answerQuestion, searchPassages, SEARCH_MODES } from '../src/search/index.js';
import { parseQuestionsJsonl } from '../src/search/evaluate-questions.js';
import { openServices } from '../src/services.js';

const USAGE = 'usage: npm run bench -- [--questions <jsonl>] [--ingest <file|folder>]… [-n 200] [-k 10] [--json]';
const WARM_UP = 10;

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function summary(system: string, ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    system,
    n: ms.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(ms.reduce((s, x) => s + x, 0) / (ms.length || 1)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      questions: { type: 'string', default: 'test/fixtures/seed-questions.jsonl' },
      ingest: { type: 'string', multiple: true },
      n: { type: 'string', short: 'n', default: '200' },
      k: { type: 'string', short: 'k', default: '10' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const n = Number(values.n);
  const k = Number(values.k);
  if (values.help || !Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 1 || k > 50) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const pool = parseQuestionsJsonl(await readFile(values.questions, 'utf8')).map((q) => q.question);
  if (!pool.length) throw new Error(`${values.questions}: no questions`);
  const queries = Array.from({ length: n }, (_, i) => pool[i % pool.length]!);

  const config = loadConfig();
  createRootLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const services = await openServices(config);
  try {
    if (values.ingest?.length) {
      for (const o of await ingestFiles(services, values.ingest)) {
        if (o.error) throw new Error(`${o.path}: ${o.error.message}`);
        console.error(`${o.result!.status} ${o.result!.document.id} ${o.path}`);
      }
    }
    for (const q of queries.slice(0, WARM_UP)) {
      for (const mode of SEARCH_MODES) await searchPassages(services, { q, k, mode });
      await answerQuestion(services, q);
    }
    const rows = [];
    for (const mode of SEARCH_MODES) {
      const ms: number[] = [];
      for (const q of queries) ms.push(await time(() => searchPassages(services, { q, k, mode })));
      rows.push(summary(`search/${mode}`, ms));
    }
    const ms: number[] = [];
    for (const q of queries) ms.push(await time(() => answerQuestion(services, q)));
    rows.push(summary('ask', ms));

    if (values.json) {
      console.log(JSON.stringify({ store: services.store.kind, embedder: services.embedderInfo, queries: n, k, rows }, null, 2));
      return 0;
    }
    console.log(`${n} queries (${pool.length} distinct) per system; store ${services.store.kind}; embedder ${services.embedderInfo.name}${services.embedderInfo.fallback ? ' (fallback)' : ''}; k=${k}\n`);
    console.log(`${'system'.padEnd(16)} ${'n'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'mean'.padStart(8)} ${'max'.padStart(8)}`);
    for (const r of rows) {
      console.log(`${r.system.padEnd(16)} ${String(r.n).padStart(4)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.mean).padStart(8)} ${String(r.max).padStart(8)}`);
    }
    return 0;
  } finally {
    await services.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
