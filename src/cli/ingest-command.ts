// `policygraph ingest <paths…>`: loads files and folders, ingests each as its own transaction, and
// reports per file; undecodable files are named and skipped, and any failure makes the exit non-zero.
import path from 'node:path';
import { AppError, isAppError } from '../errors.js';
import { ingestDocument, type IngestResult } from '../ingest/ingest-document.js';
import { expandPaths, loadFile } from '../ingest/load-files.js';
import type { Services } from '../services.js';
import { Progress } from './progress.js';

export interface FileOutcome {
  path: string;
  result?: IngestResult;
  error?: { code: string; message: string };
}

export async function ingestPaths(services: Services, paths: string[], opts: { replace?: boolean }): Promise<FileOutcome[]> {
  const files = await expandPaths(paths);
  if (!files.length) throw new AppError('NOT_FOUND', `no .txt or .md files under ${paths.join(', ')}`);
  const progress = new Progress(files.length);
  const outcomes: FileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    try {
      const loaded = await loadFile(file);
      // The absolute path is the source, so ./a.txt and a.txt are versions of one document.
      const result = await ingestDocument({ title: loaded.title, text: loaded.text, source: path.resolve(file) }, services, opts);
      outcomes.push({ path: file, result });
      const facts = result.counts.entities + result.counts.targets + result.counts.relations;
      progress.update(i + 1, file, { bytes: loaded.text.length, passages: result.counts.passages, facts });
    } catch (error) {
      const code = isAppError(error) ? error.code : 'INTERNAL';
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push({ path: file, error: { code, message } });
      progress.update(i + 1, file, { bytes: 0, passages: 0, facts: 0 });
      // The store going away ends the run: later files would fail the same way.
      if (code === 'STORE_UNAVAILABLE') break;
    }
  }
  progress.done();
  const seen = new Set(outcomes.map((o) => o.path));
  for (const file of files) if (!seen.has(file)) outcomes.push({ path: file, error: { code: 'STORE_UNAVAILABLE', message: 'not attempted: the store became unavailable' } });
  return outcomes;
}

export function formatOutcomes(outcomes: FileOutcome[]): string {
  const lines = outcomes.map((o) =>
    o.result
      ? `${o.result.status.padEnd(9)} ${o.result.document.id}  ${o.path}  (${o.result.counts.passages} passages, ${o.result.counts.entities} entities, ${o.result.counts.targets} targets, ${o.result.counts.relations} relations, ${Math.round(o.result.ms)} ms)`
      : `failed    ${o.path}: ${o.error?.message}`,
  );
  const failed = outcomes.filter((o) => o.error).length;
  lines.push(`${outcomes.length - failed} ingested, ${failed} failed`);
  return lines.join('\n');
}
