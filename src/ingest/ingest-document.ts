// The pipeline: the one place that orders the stages (normalise → split → segment → extract → embed →
// write) and decides what happens on error: the document fails as a whole, never half-written.
import { createHash } from 'node:crypto';
import type { Embedder } from '../embed/index.js';
import { AppError } from '../errors.js';
import { extractDocument } from '../extract/index.js';
import { moduleLogger } from '../log.js';
import type { DocumentMeta, SegmentedPassage } from '../model/index.js';
import type { Segmenter } from '../segment/index.js';
import type { GraphStore, StoredPassage } from '../store/port.js';
import type { DocumentInput } from './document-input.js';
import { normaliseText } from './normalise-text.js';
import { splitPassages } from './split-passages.js';

const log = moduleLogger('ingest');
const EMBED_BATCH = 32;

export interface IngestDeps {
  store: GraphStore;
  segmenter: Segmenter;
  embedder: Embedder;
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

/**
 * `replace: true` also rewrites identical text; `keepExisting: true` refuses (CONFLICT) to replace
 * another version of the same source instead of replacing it.
 */
export async function ingestDocument(
  input: DocumentInput,
  deps: IngestDeps,
  opts: { replace?: boolean; keepExisting?: boolean } = {},
): Promise<IngestResult> {
  const started = performance.now();
  if (!input.text.trim()) throw new AppError('EMPTY_DOCUMENT', `${input.title}: the document has no text`);
  const text = normaliseText(input.text);
  const sha256 = createHash('sha256').update(text).digest('hex');
  // Only an explicit source identifies versions of one document: without it, two texts that share a
  // title are two documents.
  const source = input.source ?? `sha256:${sha256}`;
  const zero = { passages: 0, entities: 0, mentions: 0, targets: 0, relations: 0 };

  const same = await deps.store.findDocumentsBy({ sha256 });
  if (same[0] && !opts.replace) {
    return { status: 'unchanged', document: same[0], replaced: [], counts: zero, ms: performance.now() - started };
  }
  // A new version of the same source replaces the old one; --replace also replaces identical text.
  const previous = await deps.store.findDocumentsBy({ source });
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
  const passages: SegmentedPassage[] = splitPassages(meta.id, text).map((p) => ({ ...p, tokens: deps.segmenter.tag(p.text) }));
  const facts = extractDocument({ id: meta.id, title: meta.title }, passages);

  const embeddings: number[][] = [];
  for (let i = 0; i < passages.length; i += EMBED_BATCH) {
    embeddings.push(...(await deps.embedder.embed(passages.slice(i, i + EMBED_BATCH).map((p) => p.text), 'passage')));
  }
  const stored: StoredPassage[] = passages.map(({ tokens: _tokens, ...p }, i) => ({
    ...p,
    tokens: deps.segmenter.searchTokens(p.text).join(' '),
    embedding: embeddings[i]!,
  }));
  const entityTokens = Object.fromEntries(
    facts.entities.map((e) => [e.id, deps.segmenter.searchTokens([e.name, ...e.aliases].join(' ')).join(' ')]),
  );

  await deps.store.writeDocument({ meta, passages: stored, facts, entityTokens }, replaces);
  const result: IngestResult = {
    status: replaces.length ? 'replaced' : 'created',
    document: meta,
    replaced: replaces,
    counts: {
      passages: stored.length,
      entities: facts.entities.length,
      mentions: facts.mentions.length,
      targets: facts.targets.length,
      relations: facts.relations.length,
    },
    ms: performance.now() - started,
  };
  log.info({ docId: meta.id, status: result.status, ...result.counts, ms: Math.round(result.ms) }, 'document ingested');
  return result;
}
