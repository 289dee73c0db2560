// `policygraph migrate` both ways through the real CLI: an embedded store moves to Neo4j (over a
// routing neo4j:// URI) and back to a new embedded file. Both sides export the same documents,
// passages, entities, targets, relations and evidence, and the same stats; the round trip exports
// byte for byte what it started from; a rerun changes nothing; vectors keep their embedder record.
// Then an MCP client asks the migrated Neo4j store over HTTP and gets a cited answer.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/api/run-server.js';
import { parseConfig } from '../../src/config.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { askResponseSchema } from '../../src/search/index.js';
import { openServices } from '../../src/services.js';
import type { GraphExport } from '../../src/store/port.js';
import { migrateForTests } from '../support/migrate-for-tests.js';
import { neo4jUri } from './open-test-neo4j.js';
import { openTestServices } from './test-services.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/policygraph.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const SEED = path.join(ROOT, 'seeds/2021-tongzhou-district-plan-article.txt');
/** Two more real documents when the shared corpus is beside the checkout (small ones: Neo4j writes are the slow side). */
const CORPUS_FILES = ['2022-beijing-data-zone-guidance.txt', '2019-hailar-district-gov-work-report.txt'].map((f) => path.join(CORPUS, f)).filter((f) => existsSync(f));

/** The routing scheme the driver uses for clusters and Aura; a single server answers it too. */
const routingUri = neo4jUri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', MODELS_DIR: path.join(ROOT, 'data/test/no-models'), ...env },
    });
    // Decoded whole at the end: a chunk may end inside a multi-byte character.
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function ok(args: string[], env: Record<string, string>): Promise<Run> {
  const result = await run(args, env);
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
}

/** Key order of JSON objects and the order of evidence lists are not facts: compare without them. */
function canonical(graph: GraphExport): unknown {
  const sortKeys = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sortKeys)
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]))
        : x;
  const sorted = <T>(xs: T[]): T[] => [...xs].map(sortKeys).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) as T[];
  return sortKeys({
    documents: graph.documents.map(({ embedder: _embedder, ...d }) => d),
    entities: graph.entities.map((e) => ({ ...e, evidence: sorted(e.evidence) })),
    targets: graph.targets.map((t) => ({ ...t, measures: [...t.measures].sort() })),
    relations: graph.relations.map((r) => ({ ...r, evidence: sorted(r.evidence) })),
  });
}

describe.skipIf(!neo4jUri)('policygraph migrate', () => {
  const dirs = [mkdtempSync(path.join(tmpdir(), 'pg-migrate-a-')), mkdtempSync(path.join(tmpdir(), 'pg-migrate-b-'))];
  const [embeddedA, embeddedB] = dirs as [string, string];
  const onNeo4j = { NEO4J_URI: routingUri, NEO4J_CONNECT_RETRIES: '2' };
  let embedder = '';
  let documents = 0;

  beforeAll(async () => {
    // The source: an embedded store with the seed, real corpus documents, and a short document that
    // shares entities (aliases and relation evidence from two documents) and carries metadata.
    const services = await openServices(parseConfig({ DATA_DIR: embeddedA, MODELS_DIR: path.join(ROOT, 'data/test/no-models'), LOG_LEVEL: 'silent' }));
    try {
      embedder = services.embedder.name;
      for (const file of [SEED, ...CORPUS_FILES]) {
        await ingestDocument({ title: path.basename(file, '.txt'), text: readFileSync(file, 'utf8'), source: file }, services);
      }
      await ingestDocument(
        { title: '南通高新区简讯', text: '南通高新技术产业开发区（“南通高新区”）重点发展集成电路产业。到2027年，南通高新区高新技术企业达到800家以上。', source: 'brief', region: '南通市', publishedAt: '2024-05-01' },
        services,
      );
      documents = (await services.store.stats()).documents;
    } finally {
      await services.close();
    }
    // The target: the run's Neo4j, emptied, with a vector index for this embedder.
    const target = await openTestServices();
    try {
      await target.store.resetForTests();
      await migrateForTests(target.store, target.embedder.dimension);
    } finally {
      await target.close();
    }
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('moves an embedded store to Neo4j and back, exporting the same graph on every side; a rerun changes nothing', { timeout: 240_000 }, async () => {
    const toNeo4j = await ok(['migrate', '--from', 'embedded', '--to', 'neo4j', '--batch', '2', '--json'], { DATA_DIR: embeddedA, ...onNeo4j });
    const report = JSON.parse(toNeo4j.stdout) as { total: number; copied: number; present: number; passages: number; embedder: string; documentsPerSecond: number };
    expect(report).toMatchObject({ total: documents, copied: documents, present: 0, embedder });
    expect(report.passages).toBeGreaterThan(0);
    expect(report.documentsPerSecond).toBeGreaterThan(0);
    // Progress on stderr, one line per batch of two documents.
    expect(toNeo4j.stderr.match(/^migrate: \d+\/\d+ documents/gm)).toHaveLength(Math.ceil(documents / 2));

    const exportOf = async (env: Record<string, string>) => (await ok(['export', '--format', 'json'], env)).stdout;
    const statsOf = async (env: Record<string, string>) => {
      const { store: _store, ...stats } = JSON.parse((await ok(['stats', '--json'], env)).stdout) as Record<string, unknown>;
      return stats;
    };
    const sourceExport = await exportOf({ DATA_DIR: embeddedA });
    const neo4jExport = await exportOf(onNeo4j);
    const source = JSON.parse(sourceExport) as GraphExport;
    const migrated = JSON.parse(neo4jExport) as GraphExport;
    expect(source.documents).toHaveLength(documents);
    expect(source.relations.length).toBeGreaterThan(0);
    expect(canonical(migrated)).toEqual(canonical(source));
    // The embedder record moved with the vectors, and metadata fields carried over.
    expect(new Set(migrated.documents.map((d) => d.embedder))).toEqual(new Set([embedder]));
    expect(migrated.documents.find((d) => d.source === 'brief')).toMatchObject({ region: '南通市', publishedAt: '2024-05-01' });
    expect(await statsOf(onNeo4j)).toEqual(await statsOf({ DATA_DIR: embeddedA }));

    // A rerun finds every document already there and writes nothing.
    const rerun = await ok(['migrate', '--from', 'embedded', '--to', 'neo4j', '--json'], { DATA_DIR: embeddedA, ...onNeo4j });
    expect(JSON.parse(rerun.stdout)).toMatchObject({ total: documents, copied: 0, present: documents, passages: 0 });
    expect(canonical(JSON.parse(await exportOf(onNeo4j)) as GraphExport)).toEqual(canonical(migrated));

    // Back to a new embedded file: the same export, byte for byte, and vector search still works there.
    const back = await ok(['migrate', '--from', 'neo4j', '--to', 'embedded', '--json'], { DATA_DIR: embeddedB, ...onNeo4j });
    expect(JSON.parse(back.stdout)).toMatchObject({ copied: documents, embedder });
    expect(await exportOf({ DATA_DIR: embeddedB })).toBe(sourceExport);
    expect(await statsOf({ DATA_DIR: embeddedB })).toEqual(await statsOf({ DATA_DIR: embeddedA }));
    const vector = JSON.parse((await ok(['search', '集成电路', '--mode', 'vector', '-k', '3', '--json'], { DATA_DIR: embeddedB })).stdout) as { results: unknown[] };
    expect(vector.results.length).toBeGreaterThan(0);
  });

  it('refuses to migrate a store into itself, or to Neo4j without NEO4J_URI', async () => {
    const same = await run(['migrate', '--from', 'neo4j', '--to', 'neo4j'], onNeo4j);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/--from and --to are both neo4j/);
    const unset = await run(['migrate', '--from', 'embedded', '--to', 'neo4j'], { DATA_DIR: embeddedA });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('NEO4J_URI');
  });

  it('serves the migrated Neo4j store to an MCP client over HTTP with a cited answer', async () => {
    const services = await openTestServices();
    const server = await startServer(services);
    const client = new Client({ name: 'policygraph-test', version: '1.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', server.url)));
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('ask');
      const result = await client.callTool({ name: 'ask', arguments: { question: '到2025年高新技术企业目标是多少？' } });
      const answer = askResponseSchema.parse(result.structuredContent);
      expect(answer.answer).toContain('500');
      expect(answer.citations[0]?.quote).toBeTruthy();
    } finally {
      await client.close();
      await server.close();
      await services.close();
    }
  });
});
