// Ingests files and folders, each file its own transaction, reporting per file: an undecodable file
// is named and skipped; the store going away ends the run (later files would fail the same way).
import path from 'node:path';
import { AppError, isAppError, type ErrorCode } from '../errors.js';
import { ingestDocument, type IngestDeps, type IngestResult } from './ingest-document.js';
import { expandPaths, loadFile } from './load-files.js';

export interface FileOutcome {
  path: string;
  result?: IngestResult;
  error?: { code: ErrorCode; message: string };
}

export async function ingestFiles(
  deps: IngestDeps,
  paths: string[],
  opts: { replace?: boolean; onFile?: (outcome: FileOutcome, done: number, total: number, chars: number) => void } = {},
): Promise<FileOutcome[]> {
  const files = await expandPaths(paths);
  if (!files.length) throw new AppError('NOT_FOUND', `no .txt or .md files under ${paths.join(', ')}`);
  const outcomes: FileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    let outcome: FileOutcome;
    let chars = 0;
    try {
      const loaded = await loadFile(file);
      chars = loaded.text.length;
      // The absolute path is the source, so ./a.txt and a.txt are versions of one document.
      const result = await ingestDocument({ title: loaded.title, text: loaded.text, source: path.resolve(file) }, deps, { replace: opts.replace === true });
      outcome = { path: file, result };
    } catch (error) {
      const code: ErrorCode = isAppError(error) ? error.code : 'INTERNAL';
      let message = error instanceof Error ? error.message : String(error);
      // A commit can succeed while its reply is lost with the connection: say so, since re-running
      // is safe (identical text is "unchanged").
      if (code === 'STORE_UNAVAILABLE') message += '; the document may or may not be stored: re-run ingest once the store is back';
      outcome = { path: file, error: { code, message } };
    }
    outcomes.push(outcome);
    opts.onFile?.(outcome, i + 1, files.length, chars);
    if (outcome.error?.code === 'STORE_UNAVAILABLE') break;
  }
  for (const file of files.slice(outcomes.length)) {
    outcomes.push({ path: file, error: { code: 'STORE_UNAVAILABLE', message: 'not attempted: the store became unavailable' } });
  }
  return outcomes;
}
