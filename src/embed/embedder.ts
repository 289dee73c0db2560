// The embedding port: texts in, L2-normalised vectors out. Vectors are plain number arrays because they
// are stored as LIST<FLOAT> properties and compared by cosine in the vector index.

/** Queries and passages may be embedded differently (BGE prefixes short queries with an instruction). */
export type EmbedKind = 'query' | 'passage';

export interface Embedder {
  /** Says which embedder answered (the model id, or the fallback's name); reported by /health and search. */
  readonly name: string;
  readonly dimension: number;
  /** One vector per text, in input order, each of length `dimension` and norm 1. */
  embed(texts: string[], kind: EmbedKind): Promise<number[][]>;
}

/** Splits a text into search tokens (the pipeline injects jieba's search-mode tokens). */
export type Tokenize = (text: string) => string[];

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/bge-small-zh-v1.5';

/** The default model's output width, for creating the vector index before any model is loaded. */
export const DEFAULT_EMBEDDING_DIMENSION = 512;
