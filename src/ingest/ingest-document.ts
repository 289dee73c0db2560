// The pipeline: the one place that orders the stages (normalise → split → segment → extract → embed →
// write) and decides what happens on error: the document fails as a whole, never half-written.
import { createHash } from 'node:crypto';
import type { Embedder } from '../embed/index.js';
// Directly, not through embed/index: the worker threads import this module and need no model loader.
import { hashingVectorInto, searchTokenHashingDimension } from '../embed/hashing-embedder.js';
import { AppError } from '../errors.js';
import { extractDocument, type DocumentRef } from '../extract/index.js';
import { moduleLogger } from '../log.js';
import type { DocumentMeta, Passage } from '../model/index.js';
import type { Segmenter } from '../segment/index.js';
import type { DocumentToWrite, GraphStore, StoredPassage } from '../store/port.js';
import { hasVisibleText, type DocumentInput } from './document-input.js';
import { normaliseText } from './normalise-text.js';
import { splitPassages } from './split-passages.js';

const log = moduleLogger('ingest');
const EMBED_BATCH = 32;

export interface IngestDeps {
  store: GraphStore;
  segmenter: Segmenter;
  embedder: Embedder;
  /** Runs analyseDocument elsewhere (the worker pool), keeping this thread free; inline when absent. */
  analyse?: (input: AnalyseInput) => Promise<AnalysedDocument>;
}

/** What the CPU stages need: the document's reference for extraction and its normalised text. */
export interface AnalyseInput {
  ref: DocumentRef;
  text: string;
  /**
   * Set when the embedder is the hashing fallback over search tokens: pure CPU too, so the stages
   * compute its vectors from the tokens they already cut (on a worker, off the serving thread).
   */
  hashingDimension?: number;
}

/** The CPU stages' output: passages with their search tokens, the extracted facts, entity name tokens. */
export interface AnalysedDocument {
  passages: Passage[];
  /** Per passage: jieba search tokens, space-joined (what full-text indexes). */
  searchTokens: string[];
  facts: ReturnType<typeof extractDocument>;
  /** Search tokens of each entity's name and aliases, by entity id. */
  entityTokens: Record<string, string>;
  /**
   * Passage vectors, when `hashingDimension` asked for them: views on one buffer, which crosses from
   * a worker thread as one copy of bytes (nested number arrays cost more to clone than to compute).
   */
  embeddings?: Float32Array[];
}

/**
 * The pure CPU stages, in order: split → segment → extract → search tokens. No I/O, so the worker
 * pool runs it unchanged (src/ingest/analyse-task.ts).
 */
export function analyseDocument(input: AnalyseInput, segmenter: Segmenter): AnalysedDocument {
  const passages = splitPassages(input.ref.id, input.text);
  const segmented = passages.map((p) => segmenter.segment(p));
  const facts = extractDocument(input.ref, segmented);
  const tokens = segmented.map((p) => segmenter.searchTokensOfSegmented(p));
  const dimension = input.hashingDimension;
  return {
    passages,
    searchTokens: tokens.map((t) => t.join(' ')),
    facts,
    entityTokens: Object.fromEntries(facts.entities.map((e) => [e.id, nameTokens(segmenter, [e.name, ...e.aliases].join(' '))])),
    ...(dimension ? { embeddings: hashingVectors(passages, tokens, dimension) } : {}),
  };
}

function hashingVectors(passages: readonly Passage[], tokens: readonly string[][], dimension: number): Float32Array[] {
  const buffer = new Float32Array(passages.length * dimension);
  return passages.map((p, i) => {
    const vector = buffer.subarray(i * dimension, (i + 1) * dimension);
    hashingVectorInto(vector, p.text, tokens[i]!);
    return vector;
  });
}

/**
 * Entity names recur in document after document (通州区, 新一代信息技术产业): their search tokens
 * are kept per thread rather than cut again. Bounded: cleared when full.
 */
const nameTokenCache = new Map<string, string>();
const NAME_TOKEN_CACHE_SIZE = 50_000;

function nameTokens(segmenter: Segmenter, names: string): string {
  let tokens = nameTokenCache.get(names);
  if (tokens === undefined) {
    if (nameTokenCache.size >= NAME_TOKEN_CACHE_SIZE) nameTokenCache.clear();
    tokens = segmenter.searchTokens(names).join(' ');
    nameTokenCache.set(names, tokens);
  }
  return tokens;
}

export interface IngestResult {
  status: 'created' | 'unchanged' | 'replaced';
  document: DocumentMeta;
  replaced: string[];
  counts: { passages: number; entities: number; mentions: number; targets: number; relations: number };
  ms: number;
}

export function documentId(sha256: string): string {
  return `doc_${sha256.slice(0, 16)}`;
}

export interface IngestOptions {
  replace?: boolean;
  keepExisting?: boolean;
}

/** A document ready to write (or found unchanged): every stage done but the write. */
export type PreparedDocument =
  | { status: 'unchanged'; result: IngestResult }
  | { status: 'created' | 'replaced'; write: DocumentToWrite; replaces: string[]; started: number };

/**
 * `replace: true` also rewrites identical text; `keepExisting: true` refuses (CONFLICT) to replace
 * another version of the same source instead of replacing it.
 */
export async function ingestDocument(input: DocumentInput, deps: IngestDeps, opts: IngestOptions = {}): Promise<IngestResult> {
  const prepared = await prepareDocument(input, deps, opts);
  if (prepared.status === 'unchanged') return prepared.result;
  await deps.store.writeDocument(prepared.write, prepared.replaces);
  return writtenResult(prepared);
}

/** Every stage up to the write; bulk loading (ingestFiles) writes several prepared documents at once. */
export async function prepareDocument(input: DocumentInput, deps: IngestDeps, opts: IngestOptions = {}): Promise<PreparedDocument> {
  const started = performance.now();
  if (!hasVisibleText(input.text)) throw new AppError('EMPTY_DOCUMENT', `${input.title}: the document has no visible text`);
  const text = normaliseText(input.text);
  const sha256 = createHash('sha256').update(text).digest('hex');
  // Only an explicit source identifies versions of one document: without it, two texts that share a
  // title are two documents.
  const source = input.source ?? `sha256:${sha256}`;
  const zero = { passages: 0, entities: 0, mentions: 0, targets: 0, relations: 0 };

  // One lookup for both keys: a concurrent writer of the same text cannot slip in between two, which
  // would make its document look like an older version to replace.
  const found = await deps.store.findDocumentsBy({ sha256, source });
  const same = found.filter((d) => d.sha256 === sha256);
  if (same[0] && !opts.replace) {
    return { status: 'unchanged', result: { status: 'unchanged', document: same[0], replaced: [], counts: zero, ms: performance.now() - started } };
  }
  // A new version of the same source replaces the old one; --replace also replaces identical text.
  const previous = found.filter((d) => d.source === source);
  if (opts.keepExisting && previous.length) {
    throw new AppError('CONFLICT', `source ${source} already holds document ${previous[0]!.id}; send replace=true to replace it`);
  }
  const replaces = [...new Set([...previous, ...(opts.replace ? same : [])].map((d) => d.id))];

  const meta: DocumentMeta = {
    id: documentId(sha256),
    title: input.title,
    source,
    sha256,
    chars: text.length,
    ingestedAt: new Date().toISOString(),
    embedder: deps.embedder.name,
    ...(input.region ? { region: input.region } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  };
  const hashingDimension = searchTokenHashingDimension(deps.embedder);
  const analyseInput: AnalyseInput = { ref: { id: meta.id, title: meta.title }, text, ...(hashingDimension ? { hashingDimension } : {}) };
  const { passages, searchTokens, facts, entityTokens, embeddings: computed } = deps.analyse
    ? await deps.analyse(analyseInput)
    : analyseDocument(analyseInput, deps.segmenter);

  const embeddings: Array<number[] | Float32Array> = computed ?? [];
  for (let i = embeddings.length; i < passages.length; i += EMBED_BATCH) {
    embeddings.push(...(await deps.embedder.embed(passages.slice(i, i + EMBED_BATCH).map((p) => p.text), 'passage')));
    // The fallback embedder computes synchronously: yield between batches so requests (/health, search)
    // are served while a large document is embedded.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const stored: StoredPassage[] = passages.map((p, i) => ({ ...p, tokens: searchTokens[i]!, embedding: embeddings[i]! }));

  // What the text says the document is fills what the caller did not give (an explicit value wins).
  const described: DocumentMeta = { ...facts.profile, ...meta };
  return { status: replaces.length ? 'replaced' : 'created', write: { meta: described, passages: stored, facts, entityTokens }, replaces, started };
}

/** The result of a prepared document once written. */
export function writtenResult(prepared: Extract<PreparedDocument, { write: DocumentToWrite }>): IngestResult {
  const { meta, passages, facts } = prepared.write;
  const result: IngestResult = {
    status: prepared.status,
    document: meta,
    replaced: prepared.replaces,
    counts: {
      passages: passages.length,
      entities: facts.entities.length,
      mentions: facts.mentions.length,
      targets: facts.targets.length,
      relations: facts.relations.length,
    },
    ms: performance.now() - prepared.started,
  };
  log.info({ docId: meta.id, status: result.status, ...result.counts, ms: Math.round(result.ms) }, 'document ingested');
  return result;
}
