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
 * features are one when their 32-bit hashes are equal — they would share a bucket anyway. An
 * open-addressing table reused across calls (one per thread): ingest counts millions of features, and
 * a Map per passage cost more than the hashing.
 */
class FeatureCounts {
  private keys = new Uint32Array(1024);
  private counts = new Uint32Array(1024);
  /** Slots in first-seen order. */
  private order = new Int32Array(512);
  size = 0;

  add(h: number): void {
    const mask = this.keys.length - 1;
    let slot = h & mask;
    while (this.counts[slot] !== 0) {
      if (this.keys[slot] === h) {
        this.counts[slot]!++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = h;
    this.counts[slot] = 1;
    this.order[this.size++] = slot;
    if (this.size * 2 > this.keys.length) this.grow();
  }

  hashAt(i: number): number {
    return this.keys[this.order[i]!]!;
  }
  countAt(i: number): number {
    return this.counts[this.order[i]!]!;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.counts[this.order[i]!] = 0;
    this.size = 0;
  }

  private grow(): void {
    const hashes = Array.from({ length: this.size }, (_, i) => this.hashAt(i));
    const tallies = Array.from({ length: this.size }, (_, i) => this.countAt(i));
    const capacity = this.keys.length * 2;
    this.keys = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.order = new Int32Array(capacity / 2);
    this.size = 0;
    hashes.forEach((h, i) => {
      this.add(h);
      this.counts[this.order[i]!] = tallies[i]!;
    });
  }
}

const featureCounts = new FeatureCounts();

function countFeatures(counts: FeatureCounts, text: string, tokens: readonly string[]): void {
  counts.clear();
  for (const token of tokens) {
    if (HAS_WORD_CHAR.test(token)) counts.add(finalise(fnv(WORD, token.toLowerCase())));
  }
  HAN_RUN.lastIndex = 0;
  for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    // Characters are code points: a Han character outside the BMP is two code units.
    let w = text.codePointAt(from)! > 0xffff ? 2 : 1;
    if (from + w === to) counts.add(finalise(fnv(CHAR, text, from, to)));
    for (let at = from; at + w < to; ) {
      const next = text.codePointAt(at + w)! > 0xffff ? 2 : 1;
      counts.add(finalise(fnv(BIGRAM, text, at, at + w + next)));
      at += w;
      w = next;
    }
  }
}

function hashedVector(counts: FeatureCounts, dimension: number): Float64Array {
  const vector = new Float64Array(dimension);
  for (let i = 0; i < counts.size; i++) {
    const h = counts.hashAt(i);
    // The sign bit keeps colliding features from adding up into a spurious shared dimension.
    vector[h % dimension]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(counts.countAt(i)));
  }
  return vector;
}

/** The normalised vector of a text whose search tokens are known, written into `out`. */
export function hashingVectorInto(out: Float32Array | number[], text: string, tokens: readonly string[]): void {
  const dimension = out.length;
  countFeatures(featureCounts, text, tokens);
  let vector = hashedVector(featureCounts, dimension);
  let sum = 0;
  for (let i = 0; i < dimension; i++) sum += vector[i]! * vector[i]!;
  let norm = Math.sqrt(sum);
  if (norm === 0) {
    featureCounts.clear();
    featureCounts.add(hashFeature(EMPTY_FEATURE));
    vector = hashedVector(featureCounts, dimension);
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
