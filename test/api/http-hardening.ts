// The service under attack and at the edges of its contract, over real HTTP, as one suite factory
// that runs against each store: cross-site and DNS-rebinding writes, encodings, empty and oversized
// input, methods, concurrent identical writes, public paths, and the log lines of each use case.
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/run-server.js';
import { createRootLogger } from '../../src/log.js';
import type { Services } from '../../src/services.js';

const TEXT = '到2025年，南通高新区高新技术企业达到600家以上。推动印刷线路板向集成电路零部件拓展。';
const GB18030_TEXT = '到2025年，通州区高新技术企业达到600家，南通高新区新一代信息技术产业产值突破300亿元。';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with any headers, Host included (fetch may not set Host). */
function raw(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const problemOf = (r: RawResponse) => {
  expect(r.headers['content-type']).toContain('application/problem+json');
  return JSON.parse(r.body) as { code: string; status: number; detail: string };
};

export function describeHttpHardening(name: string, open: () => Promise<Services & { store: { resetForTests(): Promise<void> } }>): void {
  describe(`HTTP hardening: ${name}`, () => {
    let services: Services & { store: { resetForTests(): Promise<void> } };
    let server: RunningServer;
    const lines: Array<Record<string, unknown>> = [];
    const call = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
    const postJson = (path: string, body: unknown) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    beforeAll(async () => {
      // The root logger is made after every module created its logger, as in the entry points.
      createRootLogger(
        'debug',
        new Writable({
          write(chunk: Buffer, _enc, done) {
            for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
            done();
          },
        }),
      );
      services = await open();
      await services.store.resetForTests();
      server = await startServer(services);
      const seeded = await postJson('/api/documents', { title: '原文', text: TEXT, source: 'plan/original' });
      expect(seeded.status).toBe(201);
    });
    afterAll(async () => {
      createRootLogger('silent');
      await server?.close();
      await services?.close();
    });

    describe('cross-site writes', () => {
      it('refuses a text/plain POST from another site and keeps the original document', async () => {
        const attack = await raw(
          server.url,
          'POST',
          `/api/documents?title=x&source=${encodeURIComponent('plan/original')}`,
          { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', host: new URL(server.url).host },
          '被篡改的文本。',
        );
        expect(attack.status).toBe(403);
        expect(problemOf(attack).code).toBe('CROSS_SITE_WRITE');
        const docs = (await (await call('/api/documents')).json()) as { items: Array<{ source: string; title: string }> };
        expect(docs.items.find((d) => d.source === 'plan/original')?.title).toBe('原文');
      });

      it('refuses a request naming another host (DNS rebinding), reads and writes alike', async () => {
        const read = await raw(server.url, 'GET', '/api/documents', { host: 'evil.example' });
        expect(read.status).toBe(421);
        expect(problemOf(read).code).toBe('HOST_NOT_ALLOWED');
        const write = await raw(server.url, 'POST', '/api/documents?title=x', { host: 'evil.example:3000', 'content-type': 'text/plain' }, '被篡改的文本。');
        expect(write.status).toBe(421);
        expect((await raw(server.url, 'GET', '/health', { host: `localhost:${new URL(server.url).port}` })).status).toBe(200);
      });
    });

    describe('text bodies', () => {
      const postText = (query: string, body: Buffer | string, type = 'text/plain') => raw(server.url, 'POST', `/api/documents?${query}`, { 'content-type': type }, body);

      it('decodes GB18030 sent without a charset and says it was detected', async () => {
        const gb = await postText('title=gb&source=enc/gb', encodeGb18030(GB18030_TEXT));
        expect(gb.status).toBe(201);
        const body = JSON.parse(gb.body) as { encoding: { name: string; detected: boolean }; counts: { entities: number }; document: { chars: number } };
        expect(body.encoding).toEqual({ name: 'gb18030', detected: true });
        expect(body.counts.entities).toBeGreaterThan(0);
        expect(body.document.chars).toBe(GB18030_TEXT.length);
      });

      it('names a text sent without a title by its first line', async () => {
        const res = await postText('source=enc/untitled', '南通高新区产业规划\n到2025年，南通高新区高新技术企业达到600家。', 'text/plain; charset=utf-8');
        expect(res.status).toBe(201);
        expect(JSON.parse(res.body)).toMatchObject({ document: { title: '南通高新区产业规划' }, encoding: { name: 'utf-8', detected: false } });
      });

      it('refuses invalid UTF-8 declared as UTF-8, and an unknown charset', async () => {
        const bad = await postText('title=bad', Buffer.concat([Buffer.from('通州区'), Buffer.from([0xff, 0xfe, 0x80])]), 'text/plain; charset=utf-8');
        expect(bad.status).toBe(422);
        expect(problemOf(bad).code).toBe('UNDECODABLE_FILE');
        const koi = await postText('title=koi', Buffer.from('abc'), 'text/plain; charset=koi8-r');
        expect(koi.status).toBe(415);
        expect(problemOf(koi).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      });

      it('refuses text of only zero-width, control or whitespace characters', async () => {
        for (const text of ['\u200b\u200c\u200d\ufeff', '\u0001\u0002\u001b\u007f', ' \u3000\n\u2060 ']) {
          const res = await postJson('/api/documents', { title: '空', text });
          expect(res.status, JSON.stringify(text)).toBe(422);
          expect(((await res.json()) as { code: string }).code).toBe('EMPTY_DOCUMENT');
        }
      });

      it('strips control and bidi characters from titles, and refuses a title of nothing else', async () => {
        const res = await postJson('/api/documents', { title: '\u0000通州\u001b[31m区\u202e规划\u200b', text: '通州区推进链长制。' });
        expect(res.status).toBe(201);
        expect(((await res.json()) as { document: { title: string } }).document.title).toBe('通州[31m区规划');
        const empty = await postJson('/api/documents', { title: '\u202e\u0000', text: '通州区推进链长制，做强家纺产业。' });
        expect(empty.status).toBe(400);
      });
    });

    describe('contract edges', () => {
      it('accepts a 2,000-unit query of 4-byte characters, and answers oversized headers with 431 problem+json', async () => {
        const q = '𠀀'.repeat(1000);
        const search = await call(`/api/search?q=${encodeURIComponent(q)}&mode=fulltext`);
        expect(search.status).toBe(200);
        const huge = await raw(server.url, 'GET', '/health', { 'x-padding': 'x'.repeat(70 * 1024) });
        expect(huge.status).toBe(431);
        expect(problemOf(huge).code).toBe('HEADERS_TOO_LARGE');
      });

      it('refuses empty query parameters', async () => {
        for (const path of ['/api/documents?offset=', '/api/graph?types=', '/api/entities?q=', '/api/search?q=通州&k=']) {
          const res = await call(path);
          expect(res.status, path).toBe(400);
          expect(((await res.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
        }
      });

      it('answers 405 with Allow for unsupported methods on known paths', async () => {
        const trace = await raw(server.url, 'TRACE', '/api/documents');
        expect(trace.status).toBe(405);
        expect(trace.headers.allow).toBe('POST, GET, HEAD, OPTIONS');
        expect(problemOf(trace).code).toBe('METHOD_NOT_ALLOWED');
        const put = await raw(server.url, 'PUT', '/api/documents/doc_x', { 'content-type': 'application/json' }, '{}');
        expect(put.status).toBe(405);
        expect(put.headers.allow).toBe('GET, DELETE, HEAD, OPTIONS');
        expect((await raw(server.url, 'GET', '/no/such/path')).status).toBe(404);
      });

      it('documents every status it answers: 200 unchanged on POST, 421, 429, 431 and 503 everywhere', async () => {
        const doc = (await (await call('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
        expect(Object.keys(doc.paths['/api/documents']!.post!.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '409', '413', '415', '422']));
        for (const [path, ops] of Object.entries(doc.paths)) {
          for (const [method, op] of Object.entries(ops)) {
            expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['421', '429', '431', '503']));
          }
        }
      });

      it('shows no absolute server path in /health or /api/stats', async () => {
        for (const path of ['/health', '/api/stats']) {
          const text = await (await call(path)).text();
          expect(text, path).not.toContain(process.cwd());
          expect(text, path).not.toMatch(/[\s"(]\/(?:home|work|tmp|usr|var|opt|root)\//);
        }
      });
    });

    it('answers identical concurrent writes once created and otherwise unchanged', async () => {
      for (let round = 0; round < 3; round++) {
        const body = { title: `并发${round}`, text: `第${round}轮：到2025年，叠石桥家纺产业园家纺产业产值达到${round + 100}亿元。`, source: `race/${round}` };
        const answers = await Promise.all([postJson('/api/documents', body), postJson('/api/documents', body), postJson('/api/documents', body)]);
        const statuses = await Promise.all(answers.map(async (a) => `${a.status} ${((await a.json()) as { status?: string; code?: string }).status ?? 'error'}`));
        expect(statuses.sort()).toEqual(['200 unchanged', '200 unchanged', '201 created']);
      }
    });

    it('writes one line per ingest, search and ask at debug, with timings', async () => {
      lines.length = 0;
      expect((await postJson('/api/documents', { title: '日志', text: '通州区推进链长制，做强家纺产业。', source: 'log/1' })).status).toBe(201);
      expect((await call(`/api/search?q=${encodeURIComponent('家纺产业')}`)).status).toBe(200);
      expect((await call(`/api/ask?q=${encodeURIComponent('通州区高新技术企业目标是多少？')}`)).status).toBe(200);
      const ingested = lines.filter((l) => l.msg === 'document ingested');
      expect(ingested).toHaveLength(1);
      expect(ingested[0]).toMatchObject({ module: 'ingest', status: 'created' });
      expect(typeof ingested[0]!.ms).toBe('number');
      for (const msg of ['search', 'ask']) {
        const found = lines.filter((l) => l.msg === msg && l.module === msg);
        expect(found, msg).toHaveLength(1);
        expect(typeof found[0]!.ms).toBe('number');
      }
    });
  });
}

/** GB18030 bytes of a string (TextEncoder only writes UTF-8): by searching the decoder's table. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`fixture: ${ch} has no two-byte GB18030 code`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
