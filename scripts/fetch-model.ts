// `npm run models:fetch`: downloads the embedding model's files from the Hugging Face hub into
// MODELS_DIR/<model id>/, where the embedder looks first, so the server can run offline afterwards.
// Options: --endpoint <url> (a hub mirror), --revision <rev>, --force (download files already present).
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';

/** What transformers.js reads for a feature-extraction model (both ONNX variants). */
export const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', 'onnx/model.onnx'];

export interface FetchProgress {
  file: string;
  received: number;
  /** From Content-Length; undefined when the server does not say. */
  total?: number;
  done: boolean;
}

export interface FetchModelOptions {
  model: string;
  modelsDir: string;
  endpoint?: string;
  revision?: string;
  /** Gives up when no response or no data arrives for this long (default 15 s). */
  timeoutMs?: number;
  force?: boolean;
  onProgress?: (progress: FetchProgress) => void;
}

/** The hub could not be reached at all, or answered with an error status. */
export class ModelFetchError extends Error {
  override readonly name = 'ModelFetchError';
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'AbortError') return 'no answer in time';
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause.message; // e.g. "getaddrinfo ENOTFOUND huggingface.co"
  return error instanceof Error ? error.message : String(error);
}

async function download(url: string, target: string, file: string, options: FetchModelOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), timeoutMs);
  const part = `${target}.part`;
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      throw new ModelFetchError(`cannot reach ${new URL(url).origin} (${describeFailure(error)})`, { cause: error });
    }
    if (!response.ok || !response.body) {
      throw new ModelFetchError(`${url} answered HTTP ${response.status}${response.status === 401 ? ' (private or gated model?)' : ''}`);
    }
    const total = Number(response.headers.get('content-length')) || undefined;
    await mkdir(path.dirname(target), { recursive: true });
    const handle = await open(part, 'w');
    let received = 0;
    try {
      for await (const chunk of response.body) {
        clearTimeout(timer); // a stalled transfer times out too, not only a silent server
        timer = setTimeout(() => controller.abort(), timeoutMs);
        await handle.write(chunk);
        received += chunk.length;
        options.onProgress?.({ file, received, total, done: false });
      }
    } catch (error) {
      throw new ModelFetchError(`download of ${url} failed (${describeFailure(error)})`, { cause: error });
    } finally {
      await handle.close();
    }
    // Renamed only when complete, so the embedder never loads a half-written file.
    await rename(part, target);
    options.onProgress?.({ file, received, total, done: true });
  } finally {
    clearTimeout(timer);
    await rm(part, { force: true });
  }
}

export async function fetchModel(options: FetchModelOptions): Promise<{ dir: string; downloaded: string[]; skipped: string[] }> {
  const { model, modelsDir, endpoint = 'https://huggingface.co', revision = 'main' } = options;
  const dir = path.join(modelsDir, model);
  const downloaded: string[] = [];
  const skipped: string[] = [];
  for (const file of MODEL_FILES) {
    const target = path.join(dir, file);
    const present = await stat(target).then((s) => s.size > 0, () => false);
    if (present && !options.force) {
      skipped.push(file);
      continue;
    }
    const url = `${endpoint.replace(/\/+$/, '')}/${model}/resolve/${encodeURIComponent(revision)}/${file}`;
    await download(url, target, file, options);
    downloaded.push(file);
  }
  return { dir, downloaded, skipped };
}

function progressPrinter(): (p: FetchProgress) => void {
  const mb = (n: number): string => (n / 1_048_576).toFixed(1);
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (!p.done && now - last < 500) return;
    last = now;
    const share = p.total ? ` ${Math.floor((100 * p.received) / p.total)}%` : '';
    const line = `${p.file} ${mb(p.received)}${p.total ? `/${mb(p.total)}` : ''} MB${share}`;
    // On a terminal, redraw one line per file; in logs, one line per update.
    if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(60)}${p.done ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { endpoint: { type: 'string' }, revision: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const config = loadConfig();
  const model = config.EMBEDDING_MODEL;
  process.stderr.write(`fetching ${model} into ${path.resolve(config.MODELS_DIR, model)}\n`);
  const result = await fetchModel({
    model, modelsDir: config.MODELS_DIR, endpoint: values.endpoint, revision: values.revision, force: values.force,
    onProgress: progressPrinter(),
  });
  const skipped = result.skipped.length > 0 ? ` (${result.skipped.length} already present)` : '';
  process.stdout.write(`model ${model} ready in ${result.dir}${skipped}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof ModelFetchError ? '; copy the model folder from a machine with access, or pass --endpoint <mirror>' : '';
    process.stderr.write(`models:fetch: ${message}${hint}\n`);
    process.exitCode = 1;
  });
}
