// `npm run fuzz -- [--stores embedded,neo4j] [--max-time 120] [--port 3471]`
// A bounded schemathesis run (every check, every phase) against the real service over HTTP, on each
// store: the embedded store in a temporary folder, and Neo4j when NEO4J_URI is set (its database is
// emptied first: point it at a scratch instance). Schemathesis comes from PyPI into a venv under
// data/fuzz the first time. Prints, per store, responses by status class and the failures by kind,
// then the three figures that must stay at zero: 5xx, error answers that are not problem+json, and
// responses that violate their documented schema. Exits 1 when any of the three is not zero.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { emptyScratchNeo4j } from '../load/scratch-neo4j.js';
import { startServerProcess } from '../bench/service-process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEMATHESIS = 'schemathesis==4.32.5';
const VENV = path.join(ROOT, 'data/fuzz/venv');
const ST = path.join(VENV, 'bin/st');

const { values } = parseArgs({
  options: {
    stores: { type: 'string', default: process.env.NEO4J_URI ? 'embedded,neo4j' : 'embedded' },
    'max-time': { type: 'string', default: '120' },
    port: { type: 'string', default: '3471' },
    workers: { type: 'string', default: '2' },
  },
});

function ensureSchemathesis(): void {
  if (existsSync(ST)) return;
  process.stderr.write(`fuzz: installing ${SCHEMATHESIS} into ${path.relative(ROOT, VENV)}\n`);
  execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  execFileSync(path.join(VENV, 'bin/pip'), ['install', '--quiet', SCHEMATHESIS], { stdio: 'inherit' });
}

interface FuzzFigures {
  store: string;
  testCases: number;
  statuses: Record<string, number>;
  failures: Array<{ type: string; code: string; title: string; count: number; operations: string[] }>;
  serverErrors: number;
  nonProblemErrors: number;
  schemaViolations: number;
}

interface JsonReport {
  test_cases: { generated: number };
  failures: Array<{ type: string; code: string; title: string; count: number; operations: string[] }>;
}

// Schemathesis failure types behind the three figures (see `st explain`).
const SERVER_ERROR = new Set(['ServerError']);
const CONTENT_TYPE = new Set(['UndefinedContentType', 'MalformedMediaType', 'MissingContentType']);
const SCHEMA = new Set(['JsonSchemaError', 'MissingHeaders', 'MalformedJson', 'UndefinedStatusCode', 'ContentDeserializationError', 'DiscriminatorMismatch']);

function figuresOf(store: string, reportDir: string): FuzzFigures {
  const files = readdirSync(reportDir);
  const json = JSON.parse(readFileSync(path.join(reportDir, files.find((f) => f.startsWith('json-'))!), 'utf8')) as JsonReport;
  const ndjson = readFileSync(path.join(reportDir, files.find((f) => f.startsWith('ndjson-'))!), 'utf8');
  const statuses: Record<string, number> = {};
  for (const m of ndjson.matchAll(/"status_code":\s*(\d+)/g)) {
    const cls = `${m[1]![0]}xx`;
    statuses[cls] = (statuses[cls] ?? 0) + 1;
  }
  const count = (types: Set<string>) => json.failures.filter((f) => types.has(f.type)).reduce((n, f) => n + f.count, 0);
  return {
    store,
    testCases: json.test_cases.generated,
    statuses,
    failures: json.failures.map(({ type, code, title, count, operations }) => ({ type, code, title, count, operations })),
    serverErrors: (statuses['5xx'] ?? 0) + count(SERVER_ERROR),
    nonProblemErrors: count(CONTENT_TYPE),
    schemaViolations: count(SCHEMA),
  };
}

async function fuzzStore(store: string): Promise<FuzzFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `policygraph-fuzz-${store}-`));
  const env: Record<string, string> = {
    DATA_DIR: dir,
    // Fuzzing is thousands of requests a minute from one client: the limiter would answer most.
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    NEO4J_URI: '',
  };
  if (store === 'neo4j') {
    const uri = process.env.NEO4J_URI;
    if (!uri) throw new Error('the neo4j store needs NEO4J_URI');
    await emptyScratchNeo4j(uri);
    env.NEO4J_URI = uri;
  }
  const server = await startServerProcess(ROOT, env, Number(values.port));
  const reportDir = path.join(dir, 'report');
  await mkdir(reportDir);
  try {
    const run = spawnSync(
      ST,
      [
        'run',
        `${server.url}/openapi.json`,
        '--checks',
        'all',
        '--max-time',
        values['max-time'],
        '--workers',
        values.workers,
        // The MCP endpoint speaks streamable HTTP, which needs both types in Accept.
        '--header',
        'Accept: application/json, text/event-stream',
        '--report',
        'json,ndjson',
        '--report-dir',
        reportDir,
      ],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const summary = run.stdout.slice(run.stdout.lastIndexOf('SUMMARY'));
    process.stderr.write(`\n--- ${store} ---\n${run.stdout.length > 20_000 ? summary : run.stdout}\n`);
    return figuresOf(store, reportDir);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

ensureSchemathesis();
const results: FuzzFigures[] = [];
for (const store of values.stores.split(',').map((s) => s.trim()).filter(Boolean)) results.push(await fuzzStore(store));

console.log(`\nFuzz (schemathesis, ${values['max-time']} s per store, all checks and phases)\n`);
console.log('| store | test cases | 2xx | 4xx | 5xx | non-problem errors | schema violations | other failures |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const counted = new Set([...SERVER_ERROR, ...CONTENT_TYPE, ...SCHEMA]);
  const other = r.failures.filter((f) => !counted.has(f.type)).map((f) => `${f.code} ${f.title} ×${f.count} (${f.operations.join(', ')})`);
  console.log(`| ${r.store} | ${r.testCases} | ${r.statuses['2xx'] ?? 0} | ${r.statuses['4xx'] ?? 0} | ${r.serverErrors} | ${r.nonProblemErrors} | ${r.schemaViolations} | ${other.join('; ') || 'none'} |`);
}
process.exit(results.some((r) => r.serverErrors || r.nonProblemErrors || r.schemaViolations) ? 1 : 0);
