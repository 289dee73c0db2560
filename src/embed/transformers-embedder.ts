// An Embedder backed by a transformers.js feature-extraction pipeline (ONNX Runtime for Node).
// Models come from `modelsDir/<model id>/` and, when allowed, from the model hub into `cacheDir`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_EMBEDDING_MODEL, type EmbedKind, type Embedder } from './embedder.js';
import { modelProfile, type Pooling } from './model-profile.js';

export interface TransformersEmbedderOptions {
  modelsDir: string;
  /** A hub id such as `Xenova/bge-small-zh-v1.5`, also its folder under `modelsDir`. */
  model?: string;
  allowRemote: boolean;
  /** Where hub downloads are kept; defaults to `modelsDir`, so a download is found offline next time. */
  cacheDir?: string;
  /** Loads `onnx/model_quantized.onnx` (the default, as in transformers.js) or `onnx/model.onnx`. */
  quantized?: boolean;
  /** Overrides the pooling chosen from the model id. */
  pooling?: Pooling;
  /** Texts per model call (default 16). */
  batchSize?: number;
  /** Download progress of each model file fetched from the hub. */
  onProgress?: (progress: DownloadProgress) => void;
  /** How long the hub may take to answer a first request before we call it unreachable (default 3 s). */
  hubProbeTimeoutMs?: number;
}

export interface DownloadProgress {
  file: string;
  /** 0..100 */
  percent: number;
  loaded?: number;
  total?: number;
}

/** The model could not be loaded; `model` names it and `cause` holds the loader's error. */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
  constructor(readonly model: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

interface FeatureTensor {
  dims: number[];
  data: Float32Array;
}
type Extractor = (texts: string[], options: { pooling: Pooling; normalize: true }) => Promise<FeatureTensor>;

// One load per (folder, model, file): ingest and search share a session instead of loading ~100 MB twice.
const loads = new Map<string, Promise<Extractor>>();
// transformers.js reads its global `env` while loading, so loads run one at a time.
let loadQueue: Promise<unknown> = Promise.resolve();

function missingLocalFiles(dirs: string[], model: string, quantized: boolean): string[] {
  const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', `onnx/model${quantized ? '_quantized' : ''}.onnx`];
  return files.filter((file) => !dirs.some((dir) => existsSync(path.join(dir, model, file))));
}

interface LoadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  hubProbeTimeoutMs: number;
}

/**
 * Offline, a download would hang on DNS or TCP for minutes before transformers.js gives up: one short
 * request to the hub first tells "offline" from "slow" in seconds.
 */
async function assertHubReachable(host: string, model: string, timeoutMs: number): Promise<void> {
  try {
    await fetch(host, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new ModelLoadError(model, `model ${model} is not in the models folder and the model hub ${host} cannot be reached (${reason})`, { cause: error });
  }
}

async function loadExtractor(modelsDir: string, cacheDir: string, model: string, allowRemote: boolean, quantized: boolean, opts: LoadOptions): Promise<Extractor> {
  // Fail in milliseconds with a useful message rather than transformers.js's first missing file.
  const missing = missingLocalFiles([modelsDir, cacheDir], model, quantized);
  if (!allowRemote && missing.length > 0) {
    throw new ModelLoadError(model, `model ${model} not found in ${path.join(modelsDir, model)} (missing ${missing.join(', ')}) and remote loading is off`);
  }
  try {
    // Imported here, not at the top: a missing or broken native ONNX Runtime then means the fallback
    // embedder instead of a process that cannot start, and callers that never load a model skip ~300 ms.
    const { env, pipeline } = await import('@xenova/transformers');
    env.localModelPath = modelsDir;
    env.cacheDir = cacheDir;
    env.allowRemoteModels = allowRemote;
    env.allowLocalModels = true;
    if (missing.length > 0) await assertHubReachable(env.remoteHost, model, opts.hubProbeTimeoutMs);
    const extractor = await pipeline('feature-extraction', model, {
      quantized,
      progress_callback: (p: { status?: string; file?: string; progress?: number; loaded?: number; total?: number }) => {
        if (p.status === 'progress' && p.file) opts.onProgress?.({ file: p.file, percent: p.progress ?? 0, loaded: p.loaded, total: p.total });
      },
    });
    return extractor as unknown as Extractor;
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    // fetch() says only "fetch failed"; the reason (e.g. ENOTFOUND huggingface.co) is in its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const detail = (error instanceof Error ? error.message : String(error)) + cause;
    throw new ModelLoadError(model, `model ${model} could not be loaded: ${detail}`, { cause: error });
  }
}

function sharedExtractor(modelsDir: string, cacheDir: string, model: string, allowRemote: boolean, quantized: boolean, opts: LoadOptions): Promise<Extractor> {
  const key = JSON.stringify([path.resolve(modelsDir), path.resolve(cacheDir), model, allowRemote, quantized]);
  let load = loads.get(key);
  if (!load) {
    load = loadQueue.then(() => loadExtractor(modelsDir, cacheDir, model, allowRemote, quantized, opts));
    loadQueue = load.catch(() => undefined);
    loads.set(key, load);
    // A failed load is forgotten, so a later call can succeed once the files are there.
    load.catch(() => loads.delete(key));
  }
  return load;
}

export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { modelsDir, model = DEFAULT_EMBEDDING_MODEL, allowRemote, quantized = true, batchSize = 16 } = options;
  const cacheDir = options.cacheDir ?? modelsDir;
  const profile = modelProfile(model);
  const pooling = options.pooling ?? profile.pooling;
  const extractor = await sharedExtractor(modelsDir, cacheDir, model, allowRemote, quantized, {
    hubProbeTimeoutMs: options.hubProbeTimeoutMs ?? 3000,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // The output width is whatever the model produces; probing beats trusting config.json.
  const probe = await extractor(['维度'], { pooling, normalize: true });
  const dimension = probe.dims[1] ?? 0;
  if (probe.dims.length !== 2 || dimension < 1) {
    throw new ModelLoadError(model, `model ${model} gave features of shape [${probe.dims.join(', ')}], expected [1, hidden size]`);
  }

  async function embed(texts: string[], kind: EmbedKind): Promise<number[][]> {
    const prefix = kind === 'query' ? profile.queryPrefix : profile.passagePrefix;
    const inputs = texts.map((text) => prefix + text);
    // Longest first: each batch is padded to its longest text, so similar lengths waste less compute.
    const order = inputs.map((_, i) => i).sort((a, b) => inputs[b]!.length - inputs[a]!.length);
    const vectors: number[][] = new Array<number[]>(texts.length);
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.slice(start, start + batchSize);
      const { data } = await extractor(batch.map((i) => inputs[i]!), { pooling, normalize: true });
      batch.forEach((original, row) => {
        vectors[original] = Array.from(data.subarray(row * dimension, (row + 1) * dimension));
      });
    }
    return vectors;
  }

  return { name: model, dimension, embed };
}
