// Copies every document from one store to another through the store port: each document with its
// metadata (whatever fields it has), passages with their tokens and embeddings, and the facts it
// gave, written as one transaction, batch after batch. Vectors move with the embedder that made them
// (nothing is re-embedded); documents the target already holds are left alone, so a rerun changes
// nothing and an interrupted run resumes where it stopped.
import { AppError } from '../errors.js';
import { moduleLogger } from '../log.js';
import type { DocumentMeta } from '../model/index.js';
import type { DocumentToWrite, GraphStore } from '../store/port.js';

const log = moduleLogger('migrate');
/** Passages one write transaction carries at most (a batch is cut short when its documents reach it). */
const MAX_PASSAGES_PER_WRITE = 2_000;

export interface MigrationProgress {
  /** Documents looked at so far, of `total`. */
  done: number;
  total: number;
  /** Written into the target. */
  copied: number;
  /** Already in the target (same id, hence the same text), left alone. */
  present: number;
  /** Passages written (with their embeddings). */
  passages: number;
  seconds: number;
}

export interface MigrationReport extends MigrationProgress {
  /** The embedder whose vectors moved, when the source holds any. */
  embedder?: string;
  /** The vector index dimension applied to the target. */
  dimension?: number;
  documentsPerSecond: number;
}

export interface MigrateOptions {
  /** Documents per batch: one page read from the source, written in one transaction. */
  batch: number;
  onBatch?: (progress: MigrationProgress) => void;
}

/** Every document of the source, a page at a time (the source is not written while it migrates). */
async function* pages(store: GraphStore, size: number): AsyncGenerator<DocumentMeta[]> {
  for (let offset = 0; ; offset += size) {
    const page = await store.listDocuments({ offset, limit: size });
    if (page.items.length) yield page.items;
    if (page.items.length < size) return;
  }
}

/** The one embedder the source's vectors come from; several mean an unfinished reindex. */
async function sourceEmbedder(from: GraphStore, to: GraphStore): Promise<string | undefined> {
  const used = await from.embeddersInUse();
  if (used.length > 1) {
    throw new AppError('SCHEMA_MISMATCH', `the ${from.kind} store holds vectors of several embedders (${used.join(', ')}); run "policygraph reindex" on it first`);
  }
  const embedder = used[0];
  const others = embedder ? (await to.embeddersInUse()).filter((name) => name !== embedder) : [];
  if (others.length) {
    throw new AppError(
      'SCHEMA_MISMATCH',
      `the ${to.kind} store holds vectors of ${others.join(', ')} but the ${from.kind} store's come from ${embedder}; vectors of two embedders do not mix`,
    );
  }
  return embedder;
}

/** Target documents of the same source that the source store no longer has: older versions, replaced as ingest would. */
async function replacedVersions(from: GraphStore, to: GraphStore, doc: DocumentToWrite): Promise<string[]> {
  const sameSource = (await to.findDocumentsBy({ source: doc.meta.source })).filter((d) => d.id !== doc.meta.id);
  const stale: string[] = [];
  for (const d of sameSource) if (!(await from.getDocument(d.id))) stale.push(d.id);
  return stale;
}

export async function migrateStore(from: GraphStore, to: GraphStore, opts: MigrateOptions): Promise<MigrationReport> {
  if (!Number.isInteger(opts.batch) || opts.batch < 1) throw new AppError('VALIDATION_FAILED', `batch must be a positive integer, got ${opts.batch}`);
  const started = performance.now();
  const embedder = await sourceEmbedder(from, to);

  // The target's schema (constraints, full-text and vector indexes) for the source's vector dimension;
  // a target index of another dimension is refused before anything is written.
  let dimension = (await from.schemaState()).vectorDimension;
  let schemaApplied = false;
  const applySchema = async (dim: number) => {
    await to.migrate(dim);
    dimension = dim;
    schemaApplied = true;
  };
  if (dimension !== undefined) await applySchema(dimension);

  const { total } = await from.listDocuments({ offset: 0, limit: 0 });
  const progress: MigrationProgress = { done: 0, total, copied: 0, present: 0, passages: 0, seconds: 0 };
  // Documents are written a batch per transaction (all or none), cut short of a page when the
  // passages add up, so that one transaction stays well inside the store's timeout.
  let pending: Array<{ doc: DocumentToWrite; replaces: string[] }> = [];
  let pendingPassages = 0;
  const flush = async () => {
    if (!pending.length) return;
    await to.writeDocuments(pending);
    progress.copied += pending.length;
    progress.passages += pendingPassages;
    pending = [];
    pendingPassages = 0;
  };
  for await (const page of pages(from, opts.batch)) {
    for (const listed of page) {
      progress.done++;
      if (await to.getDocument(listed.id)) {
        progress.present++;
        continue;
      }
      const doc = await from.readDocument(listed.id);
      if (!doc) continue; // deleted since the page was read
      if (!schemaApplied) {
        const dim = doc.passages.find((p) => p.embedding.length)?.embedding.length;
        if (dim) await applySchema(dim);
      }
      // Metadata is copied as read, whatever fields it has; the embedder record goes with the vectors.
      const meta = doc.meta.embedder || !embedder ? doc.meta : { ...doc.meta, embedder };
      pending.push({ doc: { ...doc, meta }, replaces: await replacedVersions(from, to, doc) });
      pendingPassages += doc.passages.length;
      if (pendingPassages >= MAX_PASSAGES_PER_WRITE) await flush();
    }
    await flush();
    progress.seconds = (performance.now() - started) / 1000;
    opts.onBatch?.({ ...progress });
  }
  progress.seconds = (performance.now() - started) / 1000;
  const report: MigrationReport = {
    ...progress,
    ...(embedder ? { embedder } : {}),
    ...(dimension !== undefined ? { dimension } : {}),
    documentsPerSecond: progress.copied / Math.max(progress.seconds, 1e-3),
  };
  log.info({ from: from.kind, to: to.kind, ...report }, 'migration finished');
  return report;
}
