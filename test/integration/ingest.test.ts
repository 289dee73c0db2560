// Ingestion against real Neo4j: idempotence, exact replacement and deletion (counted in nodes and
// relationships), refusal of empty text, and the CLI's handling of files it cannot decode.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import type { Services } from '../../src/services.js';
import type { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { neo4jUri } from './open-test-neo4j.js';
import { openTestServices } from './test-services.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = readFileSync(path.join(ROOT, 'seeds/2021-tongzhou-district-plan-article.txt'), 'utf8');
const ADDENDUM = '\n\n到2025年，南通高新区集成电路零部件产业产值突破300亿元，新建特色产业园3个以上。\n';
const SHORT = '南通高新区大力发展新一代信息技术产业，到2026年规上工业产值达到1000亿元。';

describe.skipIf(!neo4jUri)('ingestion into Neo4j', () => {
  let services: Services & { store: Neo4jStore };
  const driver = neo4j.driver(neo4jUri || 'bolt://127.0.0.1:1', undefined, { disableLosslessIntegers: true });

  async function counts(): Promise<{ nodes: number; rels: number; labels: Record<string, number> }> {
    const [n, r, l] = await Promise.all([
      driver.executeQuery('MATCH (n) RETURN count(n) AS c'),
      driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS c'),
      driver.executeQuery('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l'),
    ]);
    return {
      nodes: n.records[0]!.get('c') as number,
      rels: r.records[0]!.get('c') as number,
      labels: Object.fromEntries(l.records.map((x) => [x.get('l') as string, x.get('c') as number])),
    };
  }
  const ingest = (title: string, text: string, source: string, replace = false) => ingestDocument({ title, text, source }, services, { replace });

  beforeAll(async () => {
    services = await openTestServices();
  });
  beforeEach(async () => {
    await services.store.resetForTests();
  });
  afterAll(async () => {
    await services?.close();
    await driver.close();
  });

  it('stores a document with passages, entities of several types, targets and relations', async () => {
    const result = await ingest('通州区', SEED, 'seed');
    expect(result.status).toBe('created');
    const c = await counts();
    expect(c.labels.Document).toBe(1);
    expect(c.labels.Passage).toBe(result.counts.passages);
    expect(c.labels.Target).toBe(result.counts.targets);
    for (const label of ['Park', 'Industry', 'Policy', 'Region']) expect(c.labels[label] ?? 0, label).toBeGreaterThan(0);
  });

  it('re-ingesting identical text changes nothing and says unchanged', async () => {
    await ingest('通州区', SEED, 'seed');
    const before = await counts();
    const again = await ingest('通州区', SEED, 'seed');
    expect(again.status).toBe('unchanged');
    expect(await counts()).toEqual(before);
  });

  it('a new version of the same source replaces the old one exactly', async () => {
    await ingest('通州区', SEED + ADDENDUM, 'only-v2');
    const expected = await counts();
    await services.store.resetForTests();

    const v1 = await ingest('通州区', SEED, 'seed');
    const v2 = await ingest('通州区', SEED + ADDENDUM, 'seed');
    expect(v2.status).toBe('replaced');
    expect(v2.replaced).toEqual([v1.document.id]);
    expect(await services.store.getDocument(v1.document.id)).toBeUndefined();
    expect(await counts()).toEqual(expected);
  });

  it('--replace rewrites identical text in place', async () => {
    await ingest('通州区', SEED, 'seed');
    const before = await counts();
    const again = await ingest('通州区', SEED, 'seed', true);
    expect(again.status).toBe('replaced');
    expect(await counts()).toEqual(before);
  });

  it('deleting a document removes exactly what only it supported, keeping shared entities', async () => {
    await ingest('通州区', SEED, 'seed');
    const seedOnly = await counts();
    const short = await ingest('短文', SHORT, 'short');
    expect((await counts()).nodes).toBeGreaterThan(seedOnly.nodes);
    expect(await services.store.deleteDocument(short.document.id)).toBe(true);
    expect(await counts()).toEqual(seedOnly);
    const park = await services.store.findEntities({ text: '南通高新区', limit: 5 });
    // found by its short form, named by the development-zone catalogue's official name
    expect(park.some((e) => e.name === '南通高新技术产业开发区' && e.aliases.includes('南通高新区'))).toBe(true);
  });

  it('deleting every document leaves an empty graph: no orphan entity', async () => {
    const a = await ingest('通州区', SEED, 'seed');
    const b = await ingest('短文', SHORT, 'short');
    await services.store.deleteDocument(a.document.id);
    await services.store.deleteDocument(b.document.id);
    expect(await counts()).toEqual({ nodes: 0, rels: 0, labels: {} });
    expect(await services.store.deleteDocument(a.document.id)).toBe(false);
  });

  it('refuses empty or whitespace-only text and writes nothing', async () => {
    await ingest('通州区', SEED, 'seed');
    const before = await counts();
    for (const text of ['', '   \n\t\u3000 ']) {
      const error = (await ingest('空', text, 'empty').catch((e: unknown) => e)) as AppError;
      expect(error.code).toBe('EMPTY_DOCUMENT');
    }
    expect(await counts()).toEqual(before);
  });

  it('exports every fact with its evidence as JSON, and the same graph as GraphML', async () => {
    await ingest('通州区', SEED, 'seed');
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/policygraph.js'), ...args], {
        env: { PATH: process.env.PATH ?? '', NEO4J_URI: neo4jUri, MODELS_DIR: '/nonexistent', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    const json = cli(['export', '--format', 'json']);
    expect(json.status).toBe(0);
    const graph = JSON.parse(json.stdout) as {
      documents: unknown[];
      entities: Array<{ evidence: unknown[] }>;
      targets: Array<{ evidence: { passageId: string }; quote: string }>;
      relations: Array<{ evidence: unknown[] }>;
    };
    expect(graph.documents).toHaveLength(1);
    expect(graph.entities.length).toBeGreaterThan(10);
    for (const e of graph.entities) expect(e.evidence.length).toBeGreaterThan(0);
    for (const r of graph.relations) expect(r.evidence.length).toBeGreaterThan(0);
    for (const t of graph.targets) expect(t.evidence.passageId).toMatch(/:p\d+$/);

    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pg-export-')), 'graph.graphml');
    expect(cli(['export', '--format', 'graphml', '--out', out]).status).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml.match(/<node /g)?.length).toBe(graph.entities.length + graph.targets.length);
    const measures = (graph.targets as Array<{ measures?: string[] }>).reduce((n, t) => n + (t.measures?.length ?? 0), 0);
    expect(xml.match(/<edge /g)?.length).toBe(graph.relations.length + measures);
    expect(cli(['export', '--format', 'csv']).status).not.toBe(0);
  });

  it('the CLI names and skips an undecodable file, ingests the others (GB18030 too), and exits non-zero', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pg-ingest-'));
    writeFileSync(path.join(dir, 'a-utf8.txt'), SHORT);
    // 通州区 in GB18030, then a sentence of ASCII digits.
    writeFileSync(path.join(dir, 'b-gbk.txt'), Buffer.from([0xcd, 0xa8, 0xd6, 0xdd, 0xc7, 0xf8, 0x32, 0x30, 0x32, 0x35]));
    writeFileSync(path.join(dir, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/policygraph.js'), 'ingest', dir, '--json'], {
      env: { PATH: process.env.PATH ?? '', NEO4J_URI: neo4jUri, MODELS_DIR: '/nonexistent', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    const outcomes = JSON.parse(run.stdout) as Array<{ path: string; result?: { status: string }; error?: { code: string; message: string } }>;
    const byName = Object.fromEntries(outcomes.map((o) => [path.basename(o.path), o]));
    expect(byName['a-utf8.txt']?.result?.status).toBe('created');
    expect(byName['b-gbk.txt']?.result?.status).toBe('created');
    expect(byName['c-binary.txt']?.error?.code).toBe('UNDECODABLE_FILE');
    expect(byName['c-binary.txt']?.error?.message).toContain('c-binary.txt');
    expect((await counts()).labels.Document).toBe(2);
  });
});
