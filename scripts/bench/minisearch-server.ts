// The peer anchor: a naive in-process BM25 (MiniSearch over jieba search tokens) over the same
// passages, served on a bare node:http server so its latency includes HTTP like the service's.
// Usage: minisearch-server.ts <folder> <port>; GET /health, GET /api/search?q=&k=.
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import MiniSearch from 'minisearch';
import nodejieba from 'nodejieba';
import { normaliseText } from '../../src/ingest/normalise-text.js';
import { splitPassages } from '../../src/ingest/split-passages.js';

const [folder, port] = process.argv.slice(2);
if (!folder || !port) throw new Error('usage: minisearch-server.ts <folder> <port>');
const tokenize = (text: string) => nodejieba.cutForSearch(text).map((t) => t.trim().toLowerCase()).filter(Boolean);
const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: ['text'], tokenize });
for (const name of (await readdir(folder)).filter((n) => n.endsWith('.txt'))) {
  const text = normaliseText(await readFile(path.join(folder, name), 'utf8'));
  index.addAll(splitPassages(name, text).map((p) => ({ id: p.id, text: p.text })));
}
http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/health') return void res.end('{"status":"ok"}');
    const k = Number(url.searchParams.get('k') ?? 10);
    const hits = index.search(url.searchParams.get('q') ?? '').slice(0, k);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ results: hits.map((h) => ({ id: h.id, score: h.score, text: h.text as string })) }));
  })
  .listen(Number(port), '127.0.0.1');
