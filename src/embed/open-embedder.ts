// Chooses the embedder: the configured transformers model when it loads, otherwise the hashing
// fallback — never silently: the result says `fallback: true` with the reason, and a warning is logged.
import { DEFAULT_EMBEDDING_DIMENSION, type Embedder, type Tokenize } from './embedder.js';
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
    const embedder = await withTimeout(
      createTransformersEmbedder({ modelsDir, model, allowRemote, cacheDir: config.cacheDir, quantized: config.quantized }),
      loadTimeoutMs,
      `model ${model} did not load within ${loadTimeoutMs} ms`,
    );
    const ms = Math.round(performance.now() - started);
    deps.logger?.info?.({ model, dimension: embedder.dimension, ms }, 'embedding model loaded');
    return { embedder, fallback: false };
  } catch (error) {
    const reason = error instanceof Error ? error.message : `model ${model} could not be loaded: ${String(error)}`;
    const embedder = createHashingEmbedder({ dimension: config.fallbackDimension ?? DEFAULT_EMBEDDING_DIMENSION, tokenize: deps.tokenize });
    deps.logger?.warn(
      { model, modelsDir, allowRemote, embedder: embedder.name, reason },
      'embedding model unavailable; using the hashing fallback (run `npm run models:fetch` or allow remote models)',
    );
    return { embedder, fallback: true, reason };
  }
}
