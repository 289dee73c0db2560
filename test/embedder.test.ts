// Embedders through their real paths: a tiny ONNX model generated here and loaded by transformers.js
// with remote loading off, the hashing fallback, and openEmbedder's choice between them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
// transformers.js's own runtime (a hard dependency of it), to check the generated graph without transformers.js.
import ort from 'onnxruntime-node';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchModel, MODEL_FILES, type FetchProgress } from '../scripts/fetch-model.js';
import { writeTinyModel } from '../scripts/tiny-model/write-tiny-model.js';
import {
  createHashingEmbedder,
  createTransformersEmbedder,
  DEFAULT_EMBEDDING_DIMENSION,
  DEFAULT_EMBEDDING_MODEL,
  openEmbedder,
  type EmbedLogger,
  type Embedder,
} from '../src/embed/index.js';

const TINY = 'tiny/gather-bert';
const HIDDEN = 24;
const jieba = (text: string): string[] => nodejieba.cutForSearch(text);

const PASSAGES = [
  '到2025年，苏州工业园区生物医药产业产值突破1000亿元。',
  '支持新能源汽车产业链企业在开发区集聚发展。',
  '加快建设国家级人工智能创新应用先导区。',
  '',
  'GDP growth target of 5% for the industrial park',
];

const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

let modelsDir: string;
let emptyDir: string;

beforeAll(async () => {
  modelsDir = await mkdtemp(path.join(tmpdir(), 'pg-models-'));
  emptyDir = await mkdtemp(path.join(tmpdir(), 'pg-empty-'));
  await writeTinyModel(path.join(modelsDir, TINY), { hiddenSize: HIDDEN });
  // A bge-named copy, to check the query instruction; and one holding only the unquantized file.
  await writeTinyModel(path.join(modelsDir, 'tiny/bge-small-zh-tiny'), { hiddenSize: HIDDEN });
  await writeTinyModel(path.join(modelsDir, 'tiny/full-only'), { hiddenSize: HIDDEN });
  await unlink(path.join(modelsDir, 'tiny/full-only/onnx/model_quantized.onnx'));
});

afterAll(async () => {
  await rm(modelsDir, { recursive: true, force: true });
  await rm(emptyDir, { recursive: true, force: true });
});

describe('tiny model generator', () => {
  it('writes a Gather graph that ONNX Runtime runs: last_hidden_state[b, s] = table[input_ids[b, s]]', async () => {
    const session = await ort.InferenceSession.create(path.join(modelsDir, TINY, 'onnx/model.onnx'));
    expect(session.inputNames).toEqual(['input_ids']);
    expect(session.outputNames).toEqual(['last_hidden_state']);
    const ids = new ort.Tensor('int64', BigInt64Array.from([0n, 5n, 2n, 5n]), [2, 2]);
    const out = (await session.run({ input_ids: ids })).last_hidden_state!;
    expect(out.dims).toEqual([2, 2, HIDDEN]);
    const row = (i: number): number[] => Array.from((out.data as Float32Array).subarray(i * HIDDEN, (i + 1) * HIDDEN));
    expect(row(0).every((x) => x === 0)).toBe(true); // [PAD]
    expect(row(1)).toEqual(row(3)); // the same id twice
    expect(row(1)).not.toEqual(row(2));
  });

  it('is deterministic for a seed', async () => {
    const again = path.join(modelsDir, 'again');
    await writeTinyModel(again, { hiddenSize: HIDDEN });
    for (const file of ['onnx/model.onnx', 'onnx/model_quantized.onnx', 'tokenizer.json']) {
      expect((await readFile(path.join(again, file))).equals(await readFile(path.join(modelsDir, TINY, file)))).toBe(true);
    }
    const other = await writeTinyModel(path.join(modelsDir, 'other'), { hiddenSize: HIDDEN, seed: 8 });
    expect((await readFile(path.join(other.dir, 'onnx/model.onnx'))).equals(await readFile(path.join(again, 'onnx/model.onnx')))).toBe(false);
  });
});

/** The behaviour every Embedder owes its callers, run against each implementation. */
function describeEmbedderContract(label: string, open: () => Promise<Embedder>, dimension: number): void {
  describe(`${label}: embedder contract`, () => {
    let embedder: Embedder;
    beforeAll(async () => {
      embedder = await open();
    });

    it('returns one unit vector of its dimension per text', async () => {
      expect(embedder.dimension).toBe(dimension);
      const vectors = await embedder.embed(PASSAGES, 'passage');
      expect(vectors).toHaveLength(PASSAGES.length);
      for (const v of vectors) {
        expect(v).toHaveLength(dimension);
        expect(v.every(Number.isFinite)).toBe(true);
        expect(norm(v)).toBeCloseTo(1, 5);
      }
    });

    it('gives the same text the same vector and different texts different vectors', async () => {
      const [a, b, c] = await embedder.embed([PASSAGES[0]!, PASSAGES[0]!, PASSAGES[1]!], 'passage');
      expect(a).toEqual(b);
      expect(cosine(a!, c!)).toBeLessThan(0.999);
    });

    it('embeds queries as well as passages', async () => {
      const [q] = await embedder.embed(['生物医药产业产值'], 'query');
      expect(q).toHaveLength(dimension);
      expect(norm(q!)).toBeCloseTo(1, 5);
    });

    it('keeps input order across batches of mixed lengths', async () => {
      const texts = Array.from({ length: 40 }, (_, i) => `${PASSAGES[i % 3]}${'园区'.repeat(i % 7)}${i}`);
      const together = await embedder.embed(texts, 'passage');
      for (const i of [0, 13, 39]) {
        const [alone] = await embedder.embed([texts[i]!], 'passage');
        expect(cosine(together[i]!, alone!)).toBeCloseTo(1, 5);
      }
    });

    it('returns no vectors for no texts', async () => {
      expect(await embedder.embed([], 'query')).toEqual([]);
    });
  });
}

describeEmbedderContract(
  'transformers.js on the tiny model',
  () => createTransformersEmbedder({ modelsDir, model: TINY, allowRemote: false }),
  HIDDEN,
);
describeEmbedderContract('hashing fallback', async () => createHashingEmbedder({ tokenize: jieba }), DEFAULT_EMBEDDING_DIMENSION);

describe('transformers embedder', () => {
  it('loads onnx/model_quantized.onnx by default and onnx/model.onnx when quantized is false', async () => {
    const quantized = await createTransformersEmbedder({ modelsDir, model: TINY, allowRemote: false });
    const full = await createTransformersEmbedder({ modelsDir, model: TINY, allowRemote: false, quantized: false });
    const [q] = await quantized.embed([PASSAGES[0]!], 'passage');
    const [f] = await full.embed([PASSAGES[0]!], 'passage');
    expect(q).not.toEqual(f); // the generator rounds the quantized file's table
    expect(cosine(q!, f!)).toBeGreaterThan(0.99);
    await expect(createTransformersEmbedder({ modelsDir, model: 'tiny/full-only', allowRemote: false })).rejects.toMatchObject({
      name: 'ModelLoadError',
      message: expect.stringContaining('onnx/model_quantized.onnx'),
    });
  });

  it('prefixes BGE queries with the retrieval instruction, and nothing else', async () => {
    // Mean pooling overrides BGE's CLS pooling: with no attention layers every CLS vector is the same.
    const bge = await createTransformersEmbedder({ modelsDir, model: 'tiny/bge-small-zh-tiny', allowRemote: false, pooling: 'mean' });
    const plain = await createTransformersEmbedder({ modelsDir, model: TINY, allowRemote: false });
    const text = '园区产值目标';
    const [bq, bp] = [(await bge.embed([text], 'query'))[0]!, (await bge.embed([text], 'passage'))[0]!];
    const [pq, pp] = [(await plain.embed([text], 'query'))[0]!, (await plain.embed([text], 'passage'))[0]!];
    expect(cosine(bq, bp)).toBeLessThan(0.999);
    expect(pq).toEqual(pp);
  });
});

describe('openEmbedder', () => {
  const logger = () => ({
    warn: vi.fn<(obj: Record<string, unknown>, msg: string) => void>(),
    info: vi.fn<(obj: Record<string, unknown>, msg: string) => void>(),
  });

  it('uses the model when it loads, and says so', async () => {
    const log = logger();
    const opened = await openEmbedder({ modelsDir, model: TINY, allowRemote: false }, { tokenize: jieba, logger: log });
    expect(opened).toMatchObject({ fallback: false, embedder: { name: TINY, dimension: HIDDEN } });
    expect(opened.reason).toBeUndefined();
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ model: TINY, dimension: HIDDEN }), expect.any(String));
  });

  it('falls back, quickly and loudly, when no model is present and remote loading is off', async () => {
    const log = logger();
    const started = performance.now();
    const opened = await openEmbedder({ modelsDir: emptyDir, model: DEFAULT_EMBEDDING_MODEL, allowRemote: false }, { tokenize: jieba, logger: log });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(opened.fallback).toBe(true);
    expect(opened.reason).toContain(DEFAULT_EMBEDDING_MODEL);
    expect(opened.embedder.name).toBe('hashing-fallback-512');
    expect(log.warn).toHaveBeenCalledOnce();
    expect(log.warn.mock.calls[0]![0]).toMatchObject({ model: DEFAULT_EMBEDDING_MODEL, embedder: 'hashing-fallback-512' });
    const [v] = await opened.embedder.embed(['园区'], 'query');
    expect(v).toHaveLength(DEFAULT_EMBEDDING_DIMENSION);
    expect(norm(v!)).toBeCloseTo(1, 6);
  });

  it('sizes the fallback as configured', async () => {
    const opened = await openEmbedder({ modelsDir: emptyDir, model: 'nobody/nothing', allowRemote: false, fallbackDimension: 64 });
    expect(opened).toMatchObject({ fallback: true, embedder: { dimension: 64 } });
    expect((await opened.embedder.embed(['园区'], 'passage'))[0]).toHaveLength(64);
  });

  it('accepts a pino logger', () => {
    const log: EmbedLogger = pino({ level: 'silent' });
    expect(typeof log.warn).toBe('function');
  });
});

describe('hashing fallback ranking', () => {
  it('ranks a passage sharing words with the query above an unrelated one', async () => {
    const embedder = createHashingEmbedder({ tokenize: jieba });
    const [query, related, unrelated] = await embedder.embed(
      ['生物医药产业产值目标', PASSAGES[0]!, '加快建设国家级人工智能创新应用先导区。'],
      'query',
    );
    expect(cosine(query!, related!)).toBeGreaterThan(cosine(query!, unrelated!) + 0.1);
  });
});

describe('fetchModel (against a local stand-in for the hub)', () => {
  let hub: Server;
  let endpoint: string;
  beforeAll(async () => {
    hub = createServer((req, res) => {
      const match = /^\/(tiny\/gather-bert)\/resolve\/main\/(.+)$/.exec(req.url ?? '');
      if (req.url?.startsWith('/stall/')) return; // accepts, never answers
      if (!match) return void res.writeHead(404).end();
      readFile(path.join(modelsDir, match[1]!, match[2]!)).then(
        (body) => res.writeHead(200, { 'content-length': body.length }).end(body),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    hub.closeAllConnections();
    await new Promise((resolve) => hub.close(resolve));
  });

  it('downloads every model file with progress, and the result loads offline', async () => {
    const target = await mkdtemp(path.join(tmpdir(), 'pg-fetched-'));
    try {
      const progress: FetchProgress[] = [];
      const result = await fetchModel({ model: TINY, modelsDir: target, endpoint, onProgress: (p) => progress.push(p) });
      expect(result.downloaded).toEqual(MODEL_FILES);
      expect(progress.filter((p) => p.done).map((p) => p.file)).toEqual(MODEL_FILES);
      const fetched = await createTransformersEmbedder({ modelsDir: target, model: TINY, allowRemote: false });
      const original = await createTransformersEmbedder({ modelsDir, model: TINY, allowRemote: false });
      expect(await fetched.embed(PASSAGES, 'passage')).toEqual(await original.embed(PASSAGES, 'passage'));
      expect((await fetchModel({ model: TINY, modelsDir: target, endpoint })).skipped).toEqual(MODEL_FILES);
    } finally {
      await rm(target, { recursive: true, force: true });
    }
  });

  it('reports a missing model by its HTTP status and leaves no partial files', async () => {
    const target = await mkdtemp(path.join(tmpdir(), 'pg-fetched-'));
    try {
      await expect(fetchModel({ model: 'nobody/nothing', modelsDir: target, endpoint })).rejects.toMatchObject({
        name: 'ModelFetchError',
        message: expect.stringContaining('HTTP 404'),
      });
      expect(await readdir(target)).toEqual([]);
    } finally {
      await rm(target, { recursive: true, force: true });
    }
  });

  it('gives up on a hub that does not answer, or cannot be reached', async () => {
    await expect(fetchModel({ model: 'stall/x', modelsDir: emptyDir, endpoint: `${endpoint}/stall`, timeoutMs: 300 })).rejects.toMatchObject({
      name: 'ModelFetchError',
      message: expect.stringContaining('no answer in time'),
    });
    await expect(fetchModel({ model: TINY, modelsDir: emptyDir, endpoint: 'http://127.0.0.1:9' })).rejects.toMatchObject({
      name: 'ModelFetchError',
      message: expect.stringContaining('cannot reach http://127.0.0.1:9'),
    });
  });
});
