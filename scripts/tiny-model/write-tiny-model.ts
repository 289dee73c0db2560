// Writes a tiny but real transformers.js model folder (config.json, tokenizer files, onnx/model.onnx
// and onnx/model_quantized.onnx) so tests can exercise the real loading path without the model hub.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeGatherModel } from './encode-gather-model.js';
import { tinyTokenizer, tinyVocabulary } from './tiny-tokenizer.js';

export interface TinyModelOptions {
  /** Width of the embedding table, hence of the vectors (default 32). */
  hiddenSize?: number;
  /** Seed of the table's PRNG; the same seed writes byte-identical files (default 7). */
  seed?: number;
  /** tokenizer_config.json `model_max_length` (default 512). */
  maxLength?: number;
}

export interface TinyModel {
  dir: string;
  vocabSize: number;
  hiddenSize: number;
  /** Paths relative to `dir`. */
  files: string[];
}

/** mulberry32: small, fast and good enough for reproducible random weights. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function embeddingTable(vocabSize: number, hiddenSize: number, seed: number): Float32Array {
  const next = prng(seed);
  const table = new Float32Array(vocabSize * hiddenSize);
  // Row 0 is [PAD]: left at zero, as padding carries no meaning.
  for (let i = hiddenSize; i < table.length; i++) table[i] = next() * 2 - 1;
  return table;
}

/** The same table rounded to 255 levels (int8-like, one scale): close to, but not equal to, the original. */
function quantise(table: Float32Array): Float32Array {
  const scale = table.reduce((m, v) => Math.max(m, Math.abs(v)), 0) / 127 || 1;
  return table.map((v) => Math.round(v / scale) * scale);
}

export async function writeTinyModel(dir: string, options: TinyModelOptions = {}): Promise<TinyModel> {
  const { hiddenSize = 32, seed = 7, maxLength = 512 } = options;
  for (const [name, value, min] of [['hiddenSize', hiddenSize, 1], ['seed', seed, 0], ['maxLength', maxLength, 1]] as const) {
    if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
  const vocab = tinyVocabulary();
  const vocabSize = vocab.length;
  const table = embeddingTable(vocabSize, hiddenSize, seed);
  const { tokenizer, tokenizerConfig } = tinyTokenizer(vocab, maxLength);
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: hiddenSize,
    vocab_size: vocabSize,
    max_position_embeddings: maxLength,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: hiddenSize,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
  const contents: Record<string, string | Uint8Array> = {
    'config.json': JSON.stringify(config, null, 2),
    'tokenizer.json': JSON.stringify(tokenizer),
    'tokenizer_config.json': JSON.stringify(tokenizerConfig, null, 2),
    'onnx/model.onnx': encodeGatherModel({ vocabSize, hiddenSize, table }),
    // transformers.js loads this one unless told `quantized: false`.
    'onnx/model_quantized.onnx': encodeGatherModel({ vocabSize, hiddenSize, table: quantise(table) }),
  };
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  for (const [file, data] of Object.entries(contents)) await writeFile(path.join(dir, file), data);
  return { dir, vocabSize, hiddenSize, files: Object.keys(contents) };
}
