// Encodes the smallest ONNX model transformers.js accepts as a feature extractor: one Gather node that
// looks each input id up in an embedding table, so `last_hidden_state[b, s] = table[input_ids[b, s]]`.
// Field numbers follow onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto).
import { bytesField, concat, messageField, stringField, varintField } from './protobuf-writer.js';

const FLOAT = 1;
const INT64 = 7;
const IR_VERSION = 8;
const OPSET = 13;

export interface GatherModelSpec {
  vocabSize: number;
  hiddenSize: number;
  /** Row-major [vocabSize, hiddenSize]. */
  table: Float32Array;
}

/** A dimension is either fixed (a number) or symbolic (a name such as `batch`). */
type Dim = number | string;

function valueInfo(name: string, elemType: number, dims: readonly Dim[]): Uint8Array {
  const shape = dims.map((d) =>
    messageField(1, [typeof d === 'number' ? varintField(1, d) : stringField(2, d)]),
  );
  const tensorType = messageField(1, [varintField(1, elemType), messageField(2, shape)]);
  return concat([stringField(1, name), messageField(2, [tensorType])]);
}

function floatTensor(name: string, dims: readonly number[], values: Float32Array): Uint8Array {
  // raw_data is little-endian by the ONNX spec, whatever the host's byte order.
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return concat([...dims.map((d) => varintField(1, d)), varintField(2, FLOAT), stringField(8, name), bytesField(9, raw)]);
}

export function encodeGatherModel(spec: GatherModelSpec): Uint8Array {
  const { vocabSize, hiddenSize, table } = spec;
  if (table.length !== vocabSize * hiddenSize) {
    throw new RangeError(`table has ${table.length} values, expected ${vocabSize} x ${hiddenSize}`);
  }
  const node = concat([
    stringField(1, 'embeddings.word_embeddings.weight'),
    stringField(1, 'input_ids'),
    stringField(2, 'last_hidden_state'),
    stringField(3, 'word_embeddings'),
    stringField(4, 'Gather'),
  ]);
  const graph = concat([
    messageField(1, [node]),
    stringField(2, 'tiny-gather-bert'),
    messageField(5, [floatTensor('embeddings.word_embeddings.weight', [vocabSize, hiddenSize], table)]),
    // Only input_ids is declared: transformers.js feeds a model just the inputs its session names.
    messageField(11, [valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])]),
    messageField(12, [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', hiddenSize])]),
  ]);
  return concat([
    varintField(1, IR_VERSION),
    stringField(2, 'policygraph-tiny-model'),
    messageField(7, [graph]),
    messageField(8, [stringField(1, ''), varintField(2, OPSET)]),
  ]);
}
