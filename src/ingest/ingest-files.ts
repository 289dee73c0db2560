// Ingests files and folders, reporting per file: an undecodable file is named and skipped; the store
// going away ends the run (later files would fail the same way). Bulk loading: documents are
// prepared concurrently (the CPU stages on the worker pool, when the deps have one) within a bounded
// window, and written in file order, several per transaction; a batch that fails is retried one
// document at a time, so one bad document fails alone and no document is half-written.
import path from 'node:path';
import { AppError, isAppError, type ErrorCode } from '../errors.js';
import type { DocumentToWrite } from '../store/port.js';
import { AnalysePool, defaultWorkers } from './analyse-pool.js';
import { prepareDocument, writtenResult, type IngestDeps, type IngestResult, type PreparedDocument } from './ingest-document.js';
import { expandPaths, loadFile } from './load-files.js';

export interface FileOutcome {
  path: string;
  result?: IngestResult;
  error?: { code: ErrorCode; message: string };
}

export interface IngestFilesOptions {
  replace?: boolean;
  /**
   * Worker threads for the CPU stages when `deps` has no pool of its own: 0 runs them inline;
   * default: one per core when there are several files.
   */
  workers?: number;
  onFile?: (outcome: FileOutcome, done: number, total: number, chars: number) => void;
}

/**
 * A transaction holds at most this many documents, or this many passages (memory and lock time).
 * Batches start at one document and double: the first documents show up (and an unreachable store
 * shows) at once, and a long run soon writes full batches.
 */
const BATCH_DOCUMENTS = 16;
const BATCH_PASSAGES = 4_000;

type ToWrite = Extract<PreparedDocument, { write: DocumentToWrite }>;
type Prepared = { file: string; chars: number; prepared?: PreparedDocument; error?: FileOutcome['error'] };

function failure(error: unknown): NonNullable<FileOutcome['error']> {
  const code: ErrorCode = isAppError(error) ? error.code : 'INTERNAL';
  let message = error instanceof Error ? error.message : String(error);
  // A commit can succeed while its reply is lost with the connection: say so, since re-running
  // is safe (identical text is "unchanged").
  if (code === 'STORE_UNAVAILABLE') message += '; the document may or may not be stored: re-run ingest once the store is back';
  return { code, message };
}

export async function ingestFiles(deps: IngestDeps, paths: string[], opts: IngestFilesOptions = {}): Promise<FileOutcome[]> {
  const files = await expandPaths(paths);
  if (!files.length) throw new AppError('NOT_FOUND', `no .txt or .md files under ${paths.join(', ')}`);
  const workers = opts.workers ?? (files.length > 1 ? defaultWorkers() : 0);
  const pool = !deps.analyse && workers > 0 ? AnalysePool.open(workers, deps.segmenter.lexiconDir) : undefined;
  try {
    return await ingestInBatches(pool ? { ...deps, analyse: (input) => pool.analyse(input) } : deps, files, opts, pool?.size ?? 1);
  } finally {
    await pool?.close();
  }
}

async function ingestInBatches(deps: IngestDeps, files: string[], opts: IngestFilesOptions, parallel: number): Promise<FileOutcome[]> {
  const prepare = async (file: string): Promise<Prepared> => {
    let chars = 0;
    try {
      const loaded = await loadFile(file);
      chars = loaded.text.length;
      // The absolute path is the source, so ./a.txt and a.txt are versions of one document.
      const prepared = await prepareDocument({ title: loaded.title, text: loaded.text, source: path.resolve(file) }, deps, { replace: opts.replace === true });
      return { file, chars, prepared };
    } catch (error) {
      return { file, chars, error: failure(error) };
    }
  };
  // Preparing runs ahead of writing by a bounded window: enough to keep every worker busy while a
  // batch is written, few enough that prepared documents (with their vectors) stay small in memory.
  const window = parallel * 2 + BATCH_DOCUMENTS;
  const preparing: Array<Promise<Prepared>> = [];
  const startUpTo = (end: number) => {
    for (let i = preparing.length; i < Math.min(end, files.length); i++) preparing.push(prepare(files[i]!));
  };

  const outcomes: FileOutcome[] = [];
  const report = (outcome: FileOutcome, chars: number) => {
    outcomes.push(outcome);
    opts.onFile?.(outcome, outcomes.length, files.length, chars);
  };
  // Two files of one text in one run: the second is unchanged, as it would be in a later run.
  const written = new Map<string, IngestResult['document']>();
  let batch: Array<{ file: string; chars: number; prepared: ToWrite }> = [];
  let batchLimit = 1;
  let unavailable = false;

  const flush = async () => {
    const items = batch;
    batch = [];
    if (!items.length) return;
    batchLimit = Math.min(BATCH_DOCUMENTS, batchLimit * 2);
    try {
      await deps.store.writeDocuments(items.map(({ prepared }) => ({ doc: prepared.write, replaces: prepared.replaces })));
      for (const item of items) report({ path: item.file, result: writtenResult(item.prepared) }, item.chars);
    } catch (error) {
      if (isAppError(error) && error.code === 'STORE_UNAVAILABLE') {
        for (const item of items) report({ path: item.file, error: failure(error) }, item.chars);
        unavailable = true;
        return;
      }
      for (const item of items) {
        try {
          await deps.store.writeDocument(item.prepared.write, item.prepared.replaces);
          report({ path: item.file, result: writtenResult(item.prepared) }, item.chars);
        } catch (single) {
          report({ path: item.file, error: failure(single) }, item.chars);
          if (isAppError(single) && single.code === 'STORE_UNAVAILABLE') {
            unavailable = true;
            return;
          }
        }
      }
    }
  };

  startUpTo(window);
  for (let i = 0; i < files.length && !unavailable; i++) {
    const { file, chars, prepared, error } = await preparing[i]!;
    startUpTo(i + 1 + window);
    if (error || !prepared) {
      report({ path: file, error: error ?? failure(new Error('not prepared')) }, chars);
      if (error?.code === 'STORE_UNAVAILABLE') unavailable = true;
    } else if (prepared.status === 'unchanged') {
      report({ path: file, result: prepared.result }, chars);
    } else {
      const twin = written.get(prepared.write.meta.sha256);
      if (twin) {
        const zero = { passages: 0, entities: 0, mentions: 0, targets: 0, relations: 0 };
        report({ path: file, result: { status: 'unchanged', document: twin, replaced: [], counts: zero, ms: performance.now() - prepared.started } }, chars);
        continue;
      }
      written.set(prepared.write.meta.sha256, prepared.write.meta);
      batch.push({ file, chars, prepared });
      const passages = batch.reduce((n, b) => n + b.prepared.write.passages.length, 0);
      if (batch.length >= batchLimit || passages >= BATCH_PASSAGES) await flush();
    }
  }
  if (!unavailable) await flush();
  // Documents still being prepared are let finish (their errors are already caught) but not written.
  await Promise.all(preparing);
  const reported = new Set(outcomes.map((o) => o.path));
  for (const file of files.filter((f) => !reported.has(f))) {
    outcomes.push({ path: file, error: { code: 'STORE_UNAVAILABLE', message: 'not attempted: the store became unavailable' } });
  }
  // Outcomes in file order, whatever order the batches completed in.
  const order = new Map(files.map((f, i) => [f, i]));
  return outcomes.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
}
