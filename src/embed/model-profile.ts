// How a model family wants to be used: which token(s) to pool and what to prefix to queries and
// passages. Decided by model id, since the exported ONNX folders carry no pooling configuration.

export type Pooling = 'cls' | 'mean';

export interface ModelProfile {
  pooling: Pooling;
  queryPrefix: string;
  passagePrefix: string;
}

/** BGE's recommended instruction for short retrieval queries (zh and en v1/v1.5 models). */
export const BGE_ZH_QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';
export const BGE_EN_QUERY_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

export function modelProfile(model: string): ModelProfile {
  const name = model.toLowerCase().split('/').pop() ?? '';
  if (name.startsWith('bge-')) {
    // BGE is trained with CLS pooling; bge-m3 needs no instruction, the zh/en models want one on queries.
    const queryPrefix = name.startsWith('bge-m3') ? '' : name.includes('-zh') ? BGE_ZH_QUERY_INSTRUCTION
      : name.includes('-en') ? BGE_EN_QUERY_INSTRUCTION : '';
    return { pooling: 'cls', queryPrefix, passagePrefix: '' };
  }
  // E5 models are trained with these prefixes on both sides; without them retrieval quality drops.
  if (/(^|-)e5-/.test(name)) return { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' };
  return { pooling: 'mean', queryPrefix: '', passagePrefix: '' };
}
