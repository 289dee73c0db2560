// Opens what every face needs, once per process: configuration-chosen store, segmenter (jieba
// dictionaries load once), and the embedder (transformers.js, or the reported fallback).
import path from 'node:path';
import type { Config } from './config.js';
import { openEmbedder, type Embedder } from './embed/index.js';
import { AppError } from './errors.js';
import { AnalysePool } from './ingest/analyse-pool.js';
import type { AnalysedDocument, AnalyseInput } from './ingest/ingest-document.js';
import { moduleLogger } from './log.js';
import { getSegmenter, type Segmenter } from './segment/index.js';
import { openStore } from './store/open.js';
import type { GraphStore } from './store/port.js';

export interface EmbedderInfo {
  name: string;
  dimension: number;
  fallback: boolean;
  reason?: string;
}

export interface Services {
  config: Config;
  store: GraphStore;
  segmenter: Segmenter;
  embedder: Embedder;
  embedderInfo: EmbedderInfo;
  /** The ingest pipeline's CPU stages on worker threads, when opened with `workers`. */
  analyse?: (input: AnalyseInput) => Promise<AnalysedDocument>;
  close(): Promise<void>;
}

/** Vectors of two embedders in one index rank nonsense: refuse, and name the command that fixes it. */
async function assertSameEmbedder(store: GraphStore, name: string): Promise<void> {
  const others = (await store.embeddersInUse()).filter((used) => used !== name);
  if (!others.length) return;
  await store.close();
  throw new AppError(
    'SCHEMA_MISMATCH',
    `stored passages were embedded with ${others.join(', ')} but the configured embedder is ${name}; make the model available (npm run models:fetch) or run "policygraph reindex" to re-embed`,
  );
}

/** `workers` > 0 starts a pool for the ingest's CPU stages, so a long ingest never blocks this thread. */
export async function openServices(config: Config, opts: { migrate?: boolean; workers?: number } = {}): Promise<Services> {
  const log = moduleLogger('services');
  const segmenter = getSegmenter();
  const opened = await openEmbedder(
    {
      modelsDir: path.resolve(config.MODELS_DIR),
      cacheDir: path.resolve(config.MODELS_DIR),
      model: config.EMBEDDING_MODEL,
      allowRemote: config.ALLOW_REMOTE_MODELS,
      ...(config.EMBEDDING_URL ? { endpoint: { url: config.EMBEDDING_URL, ...(config.EMBEDDING_API_KEY ? { apiKey: config.EMBEDDING_API_KEY } : {}) } } : {}),
    },
    { tokenize: (text: string) => segmenter.searchTokens(text), logger: log },
  );
  const { embedder } = opened;
  const embedderInfo: EmbedderInfo = {
    name: embedder.name,
    dimension: embedder.dimension,
    fallback: opened.fallback,
    ...(opened.reason ? { reason: opened.reason } : {}),
  };
  const store = await openStore(config, embedder.dimension, { migrate: opts.migrate ?? true });
  if (opts.migrate ?? true) await assertSameEmbedder(store, embedder.name);
  log.info({ store: store.kind, embedder: embedder.name, dimension: embedder.dimension, fallback: opened.fallback }, 'services ready');
  // Started on the first ingest: each worker holds its own jieba dictionaries (~100 MB), which a
  // server that only answers queries should not carry.
  let pool: AnalysePool | undefined;
  const workers = opts.workers;
  return {
    config,
    store,
    segmenter,
    embedder,
    embedderInfo,
    ...(workers ? { analyse: (input: AnalyseInput) => (pool ??= AnalysePool.open(workers, segmenter.lexiconDir)).analyse(input) } : {}),
    close: async () => {
      await pool?.close();
      await store.close();
    },
  };
}
