// Chooses the embedder: an OpenAI-compatible endpoint when one is configured, else the configured
// transformers model (downloaded from the hub with logged progress when allowed), otherwise the hashing
// fallback — never silently: the result says `fallback: true` with the reason, and a warning is logged.
import { DEFAULT_EMBEDDING_DIMENSION, type Embedder, type Tokenize } from './embedder.js';
import { createEndpointEmbedder } from './endpoint-embedder.js';
import { createHashingEmbedder } from './hashing-embedder.js';
import { createTransformersEmbedder } from './transformers-embedder.js';

export interface EmbedderConfig {
  modelsDir: string;
  model: string;
  allowRemote: boolean;
  /** Hub download cache; defaults to `modelsDir`. */
  cacheDir?: string;
  /** Load onnx/model_quantized.onnx (default) or onnx/model.onnx. */
  quantized?: boolean;
  /** Width of the fallback's vectors (default 512, the default model's). */
  fallbackDimension?: number;
  /** Gives up on a model that is still loading (e.g. a stalled download) after this long (default 120 s). */
  loadTimeoutMs?: number;
  /** An OpenAI-compatible embeddings endpoint; when set it is used instead of a local model. */
  endpoint?: { url: string; apiKey?: string };
  /** How long the hub may take to answer before it counts as unreachable (default 3 s). */
  hubProbeTimeoutMs?: number;
}

/** Logs each file's download at most every 10 percent. */
function progressLogger(model: string, logger: EmbedLogger | undefined): (p: { file: string; percent: number; total?: number }) => void {
  const logged = new Map<string, number>();
  return ({ file, percent, total }) => {
    const step = Math.floor(percent / 10) * 10;
    if ((logged.get(file) ?? -1) >= step) return;
    logged.set(file, step);
    logger?.info?.({ model, file, percent: step, ...(total ? { bytes: total } : {}) }, 'downloading embedding model');
  };
}

/** What openEmbedder needs of a logger; a pino Logger fits. */
export interface EmbedLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
  info?(obj: Record<string, unknown>, msg: string): void;
}

export interface OpenedEmbedder {
  embedder: Embedder;
  fallback: boolean;
  /** Why the model was not used (set exactly when `fallback`). */
  reason?: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function openEmbedder(
  config: EmbedderConfig,
  deps: { tokenize?: Tokenize; logger?: EmbedLogger } = {},
): Promise<OpenedEmbedder> {
  const { model, modelsDir, allowRemote, loadTimeoutMs = 120_000 } = config;
  const started = performance.now();
  try {
    const loading = config.endpoint
      ? createEndpointEmbedder({ url: config.endpoint.url, model, ...(config.endpoint.apiKey ? { apiKey: config.endpoint.apiKey } : {}) })
      : createTransformersEmbedder({
          modelsDir,
          model,
          allowRemote,
          cacheDir: config.cacheDir,
          quantized: config.quantized,
          onProgress: progressLogger(model, deps.logger),
          ...(config.hubProbeTimeoutMs !== undefined ? { hubProbeTimeoutMs: config.hubProbeTimeoutMs } : {}),
        });
    const embedder = await withTimeout(loading, loadTimeoutMs, `model ${model} did not load within ${loadTimeoutMs} ms`);
    const ms = Math.round(performance.now() - started);
    deps.logger?.info?.({ model, embedder: embedder.name, dimension: embedder.dimension, ms }, 'embedding model loaded');
    return { embedder, fallback: false };
  } catch (error) {
    const reason = error instanceof Error ? error.message : `model ${model} could not be loaded: ${String(error)}`;
    const embedder = createHashingEmbedder({
      dimension: config.fallbackDimension ?? DEFAULT_EMBEDDING_DIMENSION,
      // The pipeline injects the segmenter's search tokens (see Tokenize).
      ...(deps.tokenize ? { tokenize: deps.tokenize, searchTokenized: true } : {}),
    });
    deps.logger?.warn(
      { model, modelsDir, allowRemote, ...(config.endpoint ? { endpoint: new URL(config.endpoint.url).origin } : {}), embedder: embedder.name, reason },
      config.endpoint
        ? 'embedding endpoint unavailable; using the hashing fallback (check EMBEDDING_URL and EMBEDDING_API_KEY)'
        : 'embedding model unavailable; using the hashing fallback (run `npm run models:fetch` or allow remote models)',
    );
    return { embedder, fallback: true, reason };
  }
}
