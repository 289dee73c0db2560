// The OpenAI-compatible endpoint embedder against a local HTTP server speaking that protocol (its
// "model" is the hashing embedder, so vectors are checkable), and the hub path of the transformers
// embedder against a local stand-in for the hub: download with progress, quick failure when the hub
// does not answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeTinyModel } from '../../scripts/tiny-model/write-tiny-model.js';
import { parseConfig } from '../../src/config.js';
import {
  BGE_ZH_QUERY_INSTRUCTION,
  createEndpointEmbedder,
  createHashingEmbedder,
  createTransformersEmbedder,
  embeddingsUrl,
  EmbeddingEndpointError,
  ModelLoadError,
  openEmbedder,
  type DownloadProgress,
} from '../../src/embed/index.js';

const jieba = (text: string): string[] => nodejieba.cutForSearch(text);
const reference = createHashingEmbedder({ dimension: 48, tokenize: jieba });
const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

interface Received {
  path: string;
  authorization?: string;
  model: string;
  input: string[];
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('endpoint embedder (OpenAI embeddings protocol)', () => {
  let server: Server;
  let url: string;
  const received: Received[] = [];

  beforeAll(async () => {
    ({ server, url } = await listen(async (req, res) => {
      const json = JSON.parse(await body(req)) as { model: string; input: string[] };
      received.push({ path: req.url ?? '', authorization: req.headers.authorization, model: json.model, input: json.input });
      if (req.headers.authorization === 'Bearer wrong-key') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      const vectors = await reference.embed(json.input, 'passage');
      // Unnormalised and in reverse order, with indexes, as servers are allowed to answer.
      const data = vectors.map((v, index) => ({ object: 'embedding', index, embedding: v.map((x) => x * 3) })).reverse();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: json.model }));
    }));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts to /embeddings under the API base, with the model and the key', async () => {
    received.length = 0;
    const embedder = await createEndpointEmbedder({ url: `${url}/v1`, model: 'nomic-embed-text', apiKey: 'sk-local-test' });
    expect(embedder).toMatchObject({ name: 'endpoint:nomic-embed-text', dimension: 48 });
    expect(received[0]).toMatchObject({ path: '/v1/embeddings', authorization: 'Bearer sk-local-test', model: 'nomic-embed-text' });
    expect(embeddingsUrl(`${url}/v1/embeddings/`)).toBe(`${url}/v1/embeddings`);
  });

  it('returns unit vectors in input order across batches, equal to the server model’s', async () => {
    const embedder = await createEndpointEmbedder({ url, model: 'm', batchSize: 2 });
    const texts = ['到2025年高新技术企业达500家', '新能源汽车', '园区', '城镇新增就业120万人', '数据专区'];
    const vectors = await embedder.embed(texts, 'passage');
    const expected = await reference.embed(texts, 'passage');
    expect(vectors).toHaveLength(texts.length);
    vectors.forEach((v, i) => {
      expect(norm(v)).toBeCloseTo(1, 9);
      v.forEach((x, j) => expect(x).toBeCloseTo(expected[i]![j]!, 9));
    });
    expect(await embedder.embed([], 'query')).toEqual([]);
  });

  it('prefixes queries as the model family wants (BGE’s instruction), passages not', async () => {
    received.length = 0;
    const embedder = await createEndpointEmbedder({ url, model: 'BAAI/bge-small-zh-v1.5' });
    await embedder.embed(['园区产值'], 'query');
    await embedder.embed(['园区产值'], 'passage');
    expect(received.slice(-2).map((r) => r.input[0])).toEqual([`${BGE_ZH_QUERY_INSTRUCTION}园区产值`, '园区产值']);
  });

  it('fails at creation on a refused key, naming the status', async () => {
    await expect(createEndpointEmbedder({ url, model: 'm', apiKey: 'wrong-key' })).rejects.toThrow(/HTTP 401.*EMBEDDING_API_KEY/);
  });

  it('falls back loudly when the endpoint cannot be reached, without the key in the log', async () => {
    const closed = await listen(() => undefined);
    const deadUrl = closed.url;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const warn = vi.fn<(obj: Record<string, unknown>, msg: string) => void>();
    const opened = await openEmbedder(
      { modelsDir: '/nonexistent', model: 'm', allowRemote: false, endpoint: { url: deadUrl, apiKey: 'sk-secret-key' } },
      { tokenize: jieba, logger: { warn } },
    );
    expect(opened.fallback).toBe(true);
    expect(opened.reason).toMatch(/cannot be reached/);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatchObject({ endpoint: deadUrl });
    expect(JSON.stringify(warn.mock.calls)).not.toContain('sk-secret-key');
  });

  it('uses the endpoint through openEmbedder when it answers', async () => {
    const opened = await openEmbedder({ modelsDir: '/nonexistent', model: 'm', allowRemote: false, endpoint: { url } });
    expect(opened).toMatchObject({ fallback: false, embedder: { name: 'endpoint:m', dimension: 48 } });
  });

  it('rejects an answer that is not OpenAI-shaped', async () => {
    const bad = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"embeddings":[[1,2]]}'));
    await expect(createEndpointEmbedder({ url: bad.url, model: 'm' })).rejects.toBeInstanceOf(EmbeddingEndpointError);
    await new Promise<void>((resolve) => bad.server.close(() => resolve()));
  });
});

describe('endpoint configuration', () => {
  it('takes an http(s) EMBEDDING_URL with an optional key, and refuses another scheme', () => {
    expect(parseConfig({ EMBEDDING_URL: 'http://127.0.0.1:11434/v1', EMBEDDING_API_KEY: 'sk-x' })).toMatchObject({ EMBEDDING_URL: 'http://127.0.0.1:11434/v1', EMBEDDING_API_KEY: 'sk-x' });
    expect(() => parseConfig({ EMBEDDING_URL: 'ftp://host/v1' })).toThrow(/EMBEDDING_URL/);
  });
});

describe('transformers embedder from the hub (a local stand-in)', () => {
  const MODEL = 'tiny/hub-bert';
  let source: string;
  let cache: string;
  let hub: { server: Server; url: string };
  let silent: { server: Server; url: string };
  let originalHost: string;
  let env: { remoteHost: string };

  beforeAll(async () => {
    source = await mkdtemp(path.join(tmpdir(), 'pg-hub-src-'));
    cache = await mkdtemp(path.join(tmpdir(), 'pg-hub-cache-'));
    await writeTinyModel(path.join(source, MODEL), { hiddenSize: 16 });
    // The hub's URL layout: /{model}/resolve/{revision}/{file}
    hub = await listen(async (req, res) => {
      const m = /^\/(.+?)\/resolve\/[^/]+\/(.+)$/.exec(decodeURIComponent(req.url ?? ''));
      if (req.method === 'HEAD' && !m) return void res.writeHead(200).end();
      try {
        const data = await readFile(path.join(source, m![1]!, m![2]!));
        res.writeHead(200, { 'content-length': data.length }).end(req.method === 'HEAD' ? undefined : data);
      } catch {
        res.writeHead(404).end();
      }
    });
    // Accepts connections and never answers: a network that hangs.
    silent = await listen(() => undefined);
    ({ env } = (await import('@xenova/transformers')) as unknown as { env: { remoteHost: string } });
    originalHost = env.remoteHost;
  });

  afterAll(async () => {
    env.remoteHost = originalHost;
    silent.server.closeAllConnections();
    await Promise.all([hub, silent].map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
    await rm(source, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('downloads a model missing locally, reporting progress per file, and uses it', async () => {
    env.remoteHost = `${hub.url}/`;
    const progress: DownloadProgress[] = [];
    const embedder = await createTransformersEmbedder({ modelsDir: cache, cacheDir: cache, model: MODEL, allowRemote: true, onProgress: (p) => progress.push(p) });
    expect(embedder.dimension).toBe(16);
    expect(new Set(progress.map((p) => p.file))).toContain('onnx/model_quantized.onnx');
    expect(progress.some((p) => p.percent === 100)).toBe(true);
    const [v] = await embedder.embed(['园区'], 'passage');
    expect(norm(v!)).toBeCloseTo(1, 5);
  });

  it('gives up quickly when the hub does not answer, saying so', async () => {
    env.remoteHost = `${silent.url}/`;
    await expect(
      createTransformersEmbedder({ modelsDir: cache, cacheDir: cache, model: 'tiny/never-there', allowRemote: true, hubProbeTimeoutMs: 200 }),
    ).rejects.toSatisfy((e: unknown) => e instanceof ModelLoadError && /cannot be reached \(no answer within 200 ms\)/.test(e.message));
  });
});
