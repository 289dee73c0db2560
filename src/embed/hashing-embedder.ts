// The fallback Embedder: feature hashing of search tokens plus character bigrams of the Han text, with
// signed buckets, sublinear term frequency and L2 normalisation. No model, deterministic, fast — it
// keeps vector search meaningful (lexical overlap) when no transformers model can be loaded.
import { DEFAULT_EMBEDDING_DIMENSION, type Embedder, type Tokenize } from './embedder.js';

export interface HashingEmbedderOptions {
  /** Vector width (default 512, the default model's, so the same vector index fits both). */
  dimension?: number;
  /** Search tokens of a text; the pipeline passes jieba's. Default: split on non-letters/digits. */
  tokenize?: Tokenize;
  /** `tokenize` is the segmenter's searchTokens, so ingest may compute vectors from the tokens it has. */
  searchTokenized?: boolean;
}

const simpleTokenize: Tokenize = (text) => text.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN_RUN = /\p{Script=Han}+/gu;
// Texts with no features (empty, punctuation only) still need a unit vector for cosine to be defined.
const EMPTY_FEATURE = '\u0000empty';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, continuing from state `h`. */
function fnv(h: number, text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** murmur3's finaliser: FNV's low bits alone mix poorly. */
function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then murmur3's finaliser. */
export function hashFeature(feature: string): number {
  return finalise(fnv(FNV_OFFSET, feature));
}

// The hash state after each feature kind's prefix ("w:" word, "c:" lone Han character, "b:" Han
// bigram): features are hashed from the text in place, never built as strings (ingest hashes
// millions of them).
const WORD = fnv(FNV_OFFSET, 'w:');
const CHAR = fnv(FNV_OFFSET, 'c:');
const BIGRAM = fnv(FNV_OFFSET, 'b:');

/**
 * Feature hashes with their counts, in first-seen order (the order the sums below run in). Two
 * features are one when their 32-bit hashes are equal — they would share a bucket anyway.
 */
function features(text: string, tokens: readonly string[]): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (h: number): void => {
    counts.set(h, (counts.get(h) ?? 0) + 1);
  };
  for (const token of tokens) {
    if (HAS_WORD_CHAR.test(token)) add(finalise(fnv(WORD, token.toLowerCase())));
  }
  for (const run of text.match(HAN_RUN) ?? []) {
    // Characters are code points: a Han character outside the BMP is two code units.
    const width = (at: number) => (run.codePointAt(at)! > 0xffff ? 2 : 1);
    const first = width(0);
    if (first === run.length) add(finalise(fnv(CHAR, run)));
    for (let at = 0, w = first; at + w < run.length; ) {
      const next = width(at + w);
      add(finalise(fnv(BIGRAM, run, at, at + w + next)));
      at += w;
      w = next;
    }
  }
  return counts;
}

function hashedVector(counts: Map<number, number>, dimension: number): Float64Array {
  const vector = new Float64Array(dimension);
  for (const [h, tf] of counts) {
    // The sign bit keeps colliding features from adding up into a spurious shared dimension.
    vector[h % dimension]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(tf));
  }
  return vector;
}

/** The normalised vector of a text whose search tokens are known, written into `out`. */
export function hashingVectorInto(out: Float32Array | number[], text: string, tokens: readonly string[]): void {
  const dimension = out.length;
  let vector = hashedVector(features(text, tokens), dimension);
  let sum = 0;
  for (let i = 0; i < dimension; i++) sum += vector[i]! * vector[i]!;
  let norm = Math.sqrt(sum);
  if (norm === 0) {
    vector = hashedVector(new Map([[hashFeature(EMPTY_FEATURE), 1]]), dimension);
    norm = 1;
  }
  for (let i = 0; i < dimension; i++) out[i] = vector[i]! / norm;
}

/**
 * The vector of a text whose search tokens are known: the ingest pipeline has them already (and
 * computes this on its worker threads), so they are not cut twice. Same result as `embed`.
 */
export function hashingVector(text: string, tokens: readonly string[], dimension: number): number[] {
  const out = new Array<number>(dimension).fill(0);
  hashingVectorInto(out, text, tokens);
  return out;
}

/** Hashing embedders whose tokens are the pipeline's search tokens, so `hashingVector` reproduces them. */
const withSearchTokens = new WeakSet<Embedder>();

/** The dimension when `embedder` is a hashing embedder over search tokens (see `searchTokenized`). */
export function searchTokenHashingDimension(embedder: Embedder): number | undefined {
  return withSearchTokens.has(embedder) ? embedder.dimension : undefined;
}

export function createHashingEmbedder(options: HashingEmbedderOptions = {}): Embedder {
  const { dimension = DEFAULT_EMBEDDING_DIMENSION, tokenize = simpleTokenize } = options;
  if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`dimension must be a positive integer, got ${dimension}`);
  const embedder: Embedder = {
    name: `hashing-fallback-${dimension}`,
    dimension,
    embed: async (texts) => texts.map((text) => hashingVector(text, tokenize(text), dimension)),
  };
  if (options.searchTokenized) withSearchTokens.add(embedder);
  return embedder;
}
