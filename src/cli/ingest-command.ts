// `policygraph ingest <paths…>`: ingests files and folders with a progress bar, and formats the
// per-file outcome.
import type { FileOutcome } from '../ingest/ingest-files.js';
import { ingestFiles } from '../ingest/ingest-files.js';
import type { Services } from '../services.js';
import { Progress } from './progress.js';

export async function ingestPaths(services: Services, paths: string[], opts: { replace?: boolean; workers?: number }): Promise<FileOutcome[]> {
  let progress: Progress | undefined;
  const outcomes = await ingestFiles(services, paths, {
    ...opts,
    onFile: (o, done, total, chars) => {
      progress ??= new Progress(total);
      const c = o.result?.counts;
      progress.update(done, o.path, { bytes: chars, passages: c?.passages ?? 0, facts: c ? c.entities + c.targets + c.relations : 0 });
    },
  });
  progress?.done();
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
