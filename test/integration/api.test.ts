// The HTTP API over real HTTP against real Neo4j: happy paths validated against the OpenAPI
// document, every error path, and injection strings that must leave the graph unchanged.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/run-server.js';
import type { Services } from '../../src/services.js';
import { neo4jUri } from './open-test-neo4j.js';
import { openTestServices } from './test-services.js';

const SEED = readFileSync(new URL('../../seeds/2021-tongzhou-district-plan-article.txt', import.meta.url), 'utf8');
const HOSTILE = ["') DETACH DELETE n //", '*:*', '\u0000', 'x'.repeat(10_000), '" OR 1=1 --', '${7*7}', 'MATCH (n) RETURN n'];

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: { schemas: Record<string, object> };
}

describe.skipIf(!neo4jUri)('HTTP API', () => {
  let services: Services;
  let server: RunningServer;
  let openapi: OpenApi;
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);

  const call = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  /** Validates a response body against the OpenAPI schema of its route and status. */
  async function checked(res: Response, pathTemplate: string, method = 'get'): Promise<Record<string, unknown>> {
    const body = (await res.json()) as Record<string, unknown>;
    const operation = openapi.paths[pathTemplate]?.[method];
    expect(operation, `${method} ${pathTemplate} is documented`).toBeDefined();
    const media = operation!.responses[String(res.status)]?.content;
    expect(media, `${method} ${pathTemplate} documents status ${res.status}`).toBeDefined();
    const schema = media!['application/json'] ?? media!['application/problem+json'];
    const validate = ajv.compile({ ...schema!.schema, components: openapi.components } as object);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    return body;
  }

  async function graphCounts() {
    const stats = (await (await call('/api/stats')).json()) as { documents: number; passages: number; targets: number; entities: Record<string, number> };
    return stats;
  }

  beforeAll(async () => {
    services = await openTestServices({ BODY_LIMIT: '200kb' });
    await (services.store as unknown as { resetForTests(): Promise<void> }).resetForTests();
    server = await startServer(services);
    openapi = (await (await call('/openapi.json')).json()) as OpenApi;
    const res = await post('/api/documents', { title: '通州区规划', text: SEED, source: 'seed', region: '通州区', publishedAt: '2021-03-01' });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await services?.close();
  });

  it('answers health and readiness with the store and the embedder in use', async () => {
    const health = await checked(await call('/health'), '/health');
    expect(health).toMatchObject({ status: 'ok', store: 'neo4j' });
    expect((health.embedder as { name: string }).name).toBeTruthy();
    expect((await call('/ready')).status).toBe(200);
  });

  it('ingests, lists, gets and deletes documents; identical text is unchanged', async () => {
    const again = await post('/api/documents', { title: '通州区规划', text: SEED, source: 'seed' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { status: string }).status).toBe('unchanged');

    const plain = await call('/api/documents?title=短文&source=plain', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: '到2025年，南通高新区高新技术企业达到600家以上。',
    });
    const created = await checked(plain, '/api/documents', 'post');
    expect(created.status).toBe('created');
    const id = (created.document as { id: string }).id;

    const list = await checked(await call('/api/documents?limit=1&offset=0'), '/api/documents');
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    await checked(await call(`/api/documents/${id}`), '/api/documents/{id}');
    const deleted = await checked(await call(`/api/documents/${id}`, { method: 'DELETE' }), '/api/documents/{id}', 'delete');
    expect(deleted.deleted).toBe(id);
    expect((await call(`/api/documents/${id}`)).status).toBe(404);
  });

  it('finds entities, one entity with its evidence, neighbours, a path, the overview and targets', async () => {
    const found = await checked(await call(`/api/entities?q=${encodeURIComponent('高新区')}&type=Park`), '/api/entities');
    const items = found.items as Array<{ id: string; name: string }>;
    // the catalogued zone's short form resolves to its official name
    const park = items.find((e) => e.name === '南通高新技术产业开发区');
    expect(park).toBeDefined();

    const detail = await checked(await call(`/api/entities/${encodeURIComponent(park!.id)}`), '/api/entities/{id}');
    expect(detail.mentions).toBeGreaterThan(0);
    // the development-zone catalogue's record comes with the park
    expect(detail.zone).toMatchObject({ province: '江苏省', level: '国家级', type: '高新技术产业开发区' });
    expect((detail.evidence as unknown[]).length).toBeGreaterThan(0);

    const neighbors = await checked(await call(`/api/entities/${encodeURIComponent(park!.id)}/neighbors?depth=2&limit=10`), '/api/entities/{id}/neighbors');
    const nodes = neighbors.nodes as Array<{ id: string }>;
    expect(nodes.length).toBeLessThanOrEqual(10);
    expect(nodes.some((n) => n.id === park!.id)).toBe(true);
    for (const edge of neighbors.edges as Array<{ evidence: unknown[] }>) expect(edge.evidence.length).toBeGreaterThan(0);

    const hostsOnly = await checked(await call(`/api/entities/${encodeURIComponent(park!.id)}/neighbors?rels=HOSTS&types=Industry`), '/api/entities/{id}/neighbors');
    for (const edge of hostsOnly.edges as Array<{ type: string }>) expect(edge.type).toBe('HOSTS');
    for (const node of (hostsOnly.nodes as Array<{ id: string; type: string }>).filter((n) => n.id !== park!.id)) expect(node.type).toBe('Industry');

    const evidence = detail.evidence as Array<{ passageId: string; start: number; end: number }>;
    const passages = await checked(await call(`/api/passages?ids=${encodeURIComponent(evidence[0]!.passageId)}`), '/api/passages');
    const quoted = (passages.items as Array<{ passage: { text: string; start: number } }>)[0]!.passage;
    expect(quoted.text.slice(evidence[0]!.start - quoted.start, evidence[0]!.end - quoted.start)).toMatch(/高新区/);
    expect((await call('/api/passages')).status).toBe(400);

    const neighbour = nodes.find((n) => n.id !== park!.id);
    if (neighbour) {
      const path = await checked(await call(`/api/path?from=${encodeURIComponent(park!.id)}&to=${encodeURIComponent(neighbour.id)}&maxDepth=3`), '/api/path');
      expect((path.nodes as unknown[]).length).toBeGreaterThanOrEqual(2);
    }

    const overview = await checked(await call('/api/graph?types=Park,Industry,Policy&limit=30'), '/api/graph');
    expect((overview.nodes as unknown[]).length).toBeGreaterThan(0);

    const search = await checked(await call(`/api/search?q=${encodeURIComponent('高新技术企业')}&k=5`), '/api/search');
    expect((search.results as Array<{ passage: { text: string } }>)[0]?.passage.text).toContain('高新技术企业');
    const ask = await checked(await call(`/api/ask?q=${encodeURIComponent('到2025年高新技术企业目标是多少？')}`), '/api/ask');
    expect(ask.answer).toContain('500');
    expect((ask.citations as unknown[]).length).toBeGreaterThan(0);

    const targets = await checked(await call('/api/targets?year=2025'), '/api/targets');
    const values = (targets.items as Array<{ value: number; unit: string }>).map((t) => `${t.value}${t.unit}`);
    expect(values).toEqual(expect.arrayContaining(['2000亿元', '500家']));
    await checked(await call('/api/stats'), '/api/stats');
  });

  it.each([
    ['/api/entities/x/neighbors?depth=9', 'query.depth'],
    ['/api/entities?type=Planet', 'query.type'],
    ['/api/graph?types=Park,Bogus', 'query.types.1'],
    ['/api/targets?year=abc', 'query.year'],
    ['/api/documents?limit=100000', 'query.limit'],
    ['/api/path?from=a', 'query.to'],
  ])('refuses %s with a 400 problem naming %s', async (path, field) => {
    const res = await call(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { code: string; errors: Array<{ path: string }>; requestId: string; type: string };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.path)).toContain(field);
    expect(body.requestId).toBeTruthy();
    expect(body.type).toMatch(/validation-failed$/);
  });

  it('answers 409 instead of replacing when asked not to, leaving the graph unchanged', async () => {
    const before = await graphCounts();
    const res = await post('/api/documents?replace=false', { title: '通州区规划', text: `${SEED}\n补充：到2030年建成特色产业园5个。`, source: 'seed' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('CONFLICT');
    expect(await graphCounts()).toEqual(before);
  });

  it('answers 404, 413, 415 and 422 as problems without a stack trace', async () => {
    const cases: Array<[Promise<Response>, number, string]> = [
      [call('/api/nothing-here'), 404, 'NOT_FOUND'],
      [call('/api/entities/Park%3Anowhere'), 404, 'NOT_FOUND'],
      [post('/api/documents', { title: 'big', text: '大'.repeat(300_000) }), 413, 'PAYLOAD_TOO_LARGE'],
      [call('/api/documents', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [post('/api/documents', { title: 'empty', text: '  \n\t ' }), 422, 'EMPTY_DOCUMENT'],
      [call('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      const text = await res.text();
      expect(JSON.parse(text).code).toBe(code);
      expect(text).not.toMatch(/at \w+ \(|node_modules|Neo4jError/);
    }
  });

  it('treats injection strings in every string parameter as plain data and leaves the graph unchanged', async () => {
    const before = await graphCounts();
    const paths = HOSTILE.flatMap((s) => {
      const v = encodeURIComponent(s);
      return [
        `/api/entities?q=${v}`,
        `/api/entities/${v}`,
        `/api/entities/${v}/neighbors`,
        `/api/path?from=${v}&to=${v}`,
        `/api/targets?metric=${v}&entity=${v}`,
        `/api/documents/${v}`,
        `/api/graph?types=${v}`,
        `/api/search?q=${v}`,
        `/api/search?q=${v}&mode=fulltext`,
        `/api/ask?q=${v}`,
        `/api/passages?ids=${v}`,
      ];
    });
    for (const path of paths) {
      const res = await call(path);
      expect(res.status, path.slice(0, 80)).toBeLessThan(500);
    }
    for (const s of HOSTILE) expect((await call(`/api/documents/${encodeURIComponent(s)}`, { method: 'DELETE' })).status).toBeLessThan(500);
    expect(await graphCounts()).toEqual(before);
  });

  it('documents every route of the app, and only those', async () => {
    const app = server.server.listeners('request')[0] as unknown as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
    const registered = app.router.stack
      .filter((l) => l.route)
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m} ${l.route!.path.replace(/:([A-Za-z]+)/g, '{$1}')}`))
      .sort();
    const documented = Object.entries(openapi.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`))
      .sort();
    expect(registered).toEqual(documented);
    expect((await call('/docs')).headers.get('content-type')).toContain('text/html');
  });
});

describe.skipIf(!neo4jUri)('HTTP API write protection and rate limit', () => {
  it('refuses writes without the API key when one is set, and accepts the key', async () => {
    const services = await openTestServices({ API_KEY: 'secret-key-123' });
    const server = await startServer(services);
    try {
      const send = (headers: Record<string, string>) =>
        fetch(`${server.url}/api/documents/doc_x`, { method: 'DELETE', headers });
      expect((await send({})).status).toBe(401);
      expect((await send({ authorization: 'Bearer wrong-key-000' })).status).toBe(401);
      expect((await send({ authorization: 'Bearer secret-key-123' })).status).toBe(404);
      expect((await fetch(`${server.url}/api/stats`)).status).toBe(200);
    } finally {
      await server.close();
      await services.close();
    }
  });

  it('sends CORS headers only for the configured origins', async () => {
    const services = await openTestServices({ CORS_ORIGINS: 'https://analyst.example' });
    const server = await startServer(services);
    try {
      const allowed = await fetch(`${server.url}/health`, { headers: { origin: 'https://analyst.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://analyst.example');
      const other = await fetch(`${server.url}/health`, { headers: { origin: 'https://elsewhere.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
      await services.close();
    }
  });

  it('answers 429 with a problem once the rate limit is spent', async () => {
    const services = await openTestServices({ RATE_LIMIT_PER_MINUTE: '3' });
    const server = await startServer(services);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${server.url}/health`)).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses[4]).toBe(429);
      const res = await fetch(`${server.url}/health`);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await server.close();
      await services.close();
    }
  });
});
