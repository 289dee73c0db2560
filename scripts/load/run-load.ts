// `npm run load -- [--stores embedded,neo4j] [--clients 32] [--seconds 60] [--port 3481]`
// A bounded mixed load over real HTTP against the real service, on each store (Neo4j when NEO4J_URI
// is set; its database is emptied first): `clients` closed-loop clients for `seconds`, each request
// drawn from a fixed mix of searches (three modes), questions, entity lookups, neighbourhoods,
// overview, targets, stats, document lists, and writes (one in 20: posting a few documents again
// and again, so after the first round they are unchanged). Prints requests/s, p50/p95/p99 and the
// errors: no answer, 5xx, 429, or a status the request should not get. Exits 1 on any error.
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { emptyScratchNeo4j } from './scratch-neo4j.js';
import { startServerProcess } from '../bench/service-process.js';
import { percentile } from '../bench/summarise.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    stores: { type: 'string', default: process.env.NEO4J_URI ? 'embedded,neo4j' : 'embedded' },
    clients: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '60' },
    port: { type: 'string', default: '3481' },
  },
});

interface Case {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Statuses that are answers; anything else is an error. */
  ok: number[];
}

const q = (s: string) => encodeURIComponent(s);
const WRITES = ['通州区加快建设南通高新区，做强新一代信息技术产业。', '到2025年，全区高新技术企业达到600家。', '推动印刷线路板向集成电路零部件拓展。', '实行链长制，培育智能装备产业集群。'];

async function cases(base: string): Promise<Case[]> {
  const graph = (await (await fetch(`${base}/api/graph?limit=20`)).json()) as { nodes: Array<{ id: string }> };
  const ids = graph.nodes.map((n) => n.id).slice(0, 5);
  const reads: Case[] = [
    ...['南通高新区', '新一代信息技术产业', '高新技术企业目标'].flatMap((text) =>
      ['hybrid', 'fulltext', 'vector'].map((mode) => ({ name: `search ${mode}`, method: 'GET' as const, path: `/api/search?q=${q(text)}&mode=${mode}`, ok: [200] })),
    ),
    { name: 'ask', method: 'GET', path: `/api/ask?q=${q('通州区到2025年高新技术企业目标是多少？')}`, ok: [200] },
    { name: 'ask', method: 'GET', path: `/api/ask?q=${q('南通高新区重点发展哪些产业？')}`, ok: [200] },
    { name: 'entities', method: 'GET', path: `/api/entities?q=${q('产业')}&limit=20`, ok: [200] },
    ...ids.map((id) => ({ name: 'neighbors', method: 'GET' as const, path: `/api/entities/${q(id)}/neighbors?depth=2&limit=50`, ok: [200, 404] })),
    ...ids.slice(0, 2).map((id) => ({ name: 'entity', method: 'GET' as const, path: `/api/entities/${q(id)}`, ok: [200] })),
    { name: 'graph', method: 'GET', path: '/api/graph?limit=100', ok: [200] },
    { name: 'targets', method: 'GET', path: `/api/targets?metric=${q('企业')}`, ok: [200] },
    { name: 'stats', method: 'GET', path: '/api/stats', ok: [200] },
    { name: 'documents', method: 'GET', path: '/api/documents?limit=20', ok: [200] },
  ];
  const writes: Case[] = WRITES.map((text, i) => ({
    name: 'ingest',
    method: 'POST',
    path: '/api/documents',
    body: JSON.stringify({ title: `负载${i}`, text, source: `load/${i}` }),
    ok: [200, 201],
  }));
  // One write in 20 requests.
  const mix: Case[] = [];
  for (let i = 0; mix.length < 20 * writes.length; i++) mix.push(i % 20 === 19 ? writes[(i / 20) | 0]! : reads[i % reads.length]!);
  return mix;
}

function send(agent: http.Agent, base: string, c: Case): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(new URL(c.path, base), { method: c.method, agent, headers: c.body ? { 'content-type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end(c.body);
  });
}

interface LoadFigures {
  store: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  errorKinds: Record<string, number>;
}

async function loadStore(store: string): Promise<LoadFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `policygraph-load-${store}-`));
  const env: Record<string, string> = { DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn', NEO4J_URI: '' };
  if (store === 'neo4j') {
    if (!process.env.NEO4J_URI) throw new Error('the neo4j store needs NEO4J_URI');
    await emptyScratchNeo4j(process.env.NEO4J_URI);
    env.NEO4J_URI = process.env.NEO4J_URI;
  }
  const server = await startServerProcess(ROOT, env, Number(values.port));
  try {
    const mix = await cases(server.url);
    const clients = Number(values.clients);
    const budgetMs = Number(values.seconds) * 1000;
    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    const ms: number[] = [];
    const errorKinds: Record<string, number> = {};
    let next = 0;
    const started = performance.now();
    const client = async () => {
      while (performance.now() - started < budgetMs) {
        const c = mix[next++ % mix.length]!;
        const t = performance.now();
        const status = await send(agent, server.url, c);
        ms.push(performance.now() - t);
        if (!c.ok.includes(status)) {
          const kind = `${c.name} ${status || 'no answer'}`;
          errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    const wall = performance.now() - started;
    agent.destroy();
    const sorted = ms.sort((a, b) => a - b);
    return {
      store,
      requests: ms.length,
      reqPerSec: (ms.length / wall) * 1000,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      errors: Object.values(errorKinds).reduce((a, b) => a + b, 0),
      errorKinds,
    };
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const results: LoadFigures[] = [];
for (const store of values.stores.split(',').map((s) => s.trim()).filter(Boolean)) results.push(await loadStore(store));
console.log(`\nMixed load: ${values.clients} clients × ${values.seconds} s (1 write in 20)\n`);
console.log('| store | requests | req/s | p50 ms | p95 ms | p99 ms | errors |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const kinds = Object.entries(r.errorKinds).map(([k, n]) => `${k} ×${n}`).join(', ');
  console.log(`| ${r.store} | ${r.requests} | ${r.reqPerSec.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.errors}${kinds ? ` (${kinds})` : ''} |`);
}
process.exit(results.some((r) => r.errors) ? 1 : 0);
