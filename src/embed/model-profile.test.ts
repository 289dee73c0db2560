import { describe, expect, it } from 'vitest';
import { BGE_EN_QUERY_INSTRUCTION, BGE_ZH_QUERY_INSTRUCTION, modelProfile, type ModelProfile } from './model-profile.js';

describe('modelProfile', () => {
  const cases: Array<[string, string, ModelProfile]> = [
    ['a Chinese BGE model pools CLS and instructs queries', 'Xenova/bge-small-zh-v1.5', { pooling: 'cls', queryPrefix: BGE_ZH_QUERY_INSTRUCTION, passagePrefix: '' }],
    ['an English BGE model gets the English instruction', 'BAAI/bge-base-en-v1.5', { pooling: 'cls', queryPrefix: BGE_EN_QUERY_INSTRUCTION, passagePrefix: '' }],
    ['bge-m3 pools CLS without an instruction', 'Xenova/bge-m3', { pooling: 'cls', queryPrefix: '', passagePrefix: '' }],
    ['E5 prefixes both sides', 'Xenova/multilingual-e5-small', { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' }],
    ['a sentence-transformers model mean-pools', 'Xenova/all-MiniLM-L6-v2', { pooling: 'mean', queryPrefix: '', passagePrefix: '' }],
    ['a local folder name is judged by its last part', 'tiny/gather-bert', { pooling: 'mean', queryPrefix: '', passagePrefix: '' }],
  ];
  it.each(cases)('%s', (_, model, expected) => {
    expect(modelProfile(model)).toEqual(expected);
  });
});
