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

/** FNV-1a over UTF-16 code units, then murmur3's finaliser: FNV's low bits alone mix poorly. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function features(text: string, tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  for (const token of tokens) {
    if (HAS_WORD_CHAR.test(token)) add(`w:${token.toLowerCase()}`);
  }
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) add(`c:${chars[0]}`);
    for (let i = 0; i + 1 < chars.length; i++) add(`b:${chars[i]}${chars[i + 1]}`);
  }
  return counts;
}

function hashedVector(counts: Map<string, number>, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  for (const [feature, tf] of counts) {
    const h = hashFeature(feature);
    // The sign bit keeps colliding features from adding up into a spurious shared dimension.
    vector[h % dimension]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(tf));
  }
  return vector;
}

/**
 * The vector of a text whose search tokens are known: the ingest pipeline has them already (and
 * computes this on its worker threads), so they are not cut twice. Same result as `embed`.
 */
export function hashingVector(text: string, tokens: readonly string[], dimension: number): number[] {
  let vector = hashedVector(features(text, tokens), dimension);
  let norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
  if (norm === 0) {
    vector = hashedVector(new Map([[EMPTY_FEATURE, 1]]), dimension);
    norm = 1;
  }
  return vector.map((v) => v / norm);
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
