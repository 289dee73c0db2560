// "什么系统/哪个平台" questions: the kind asked for, and the name a real sentence gives that kind.
import { describe, expect, it } from 'vitest';
import { askedKind, kindNameSpan } from '../../src/search/answer-head.js';
import { getSegmenter } from '../../src/segment/index.js';

const segmenter = getSegmenter();
const kindOf = (q: string) => askedKind(segmenter.tag(q));
const nameIn = (text: string, kind: string) => {
  const span = kindNameSpan(segmenter.tag(text), kind);
  return span && text.slice(span.start, span.end);
};

describe('the kind a question asks for', () => {
  it.each([
    ['数据共享要通过什么系统办理？', '系统'],
    ['专区建设依托哪个平台？', '平台'],
    ['由哪个部门负责？', undefined],
    ['物价控制在什么水平？', undefined],
    ['原始数据能拿去卖钱吗？', undefined],
  ])('%s → %s', (q, kind) => {
    expect(kindOf(q)).toBe(kind);
  });
});

describe('the name a sentence gives the kind', () => {
  it('takes the nouns that modify it, up to the verb before them', () => {
    expect(nameIn('数据专区所需政务数据共享行为纳入目录区块链系统进行统一管理。', '系统')).toBe('目录区块链系统');
    expect(nameIn('政务数据的申请、授权和共享实施依托市大数据平台目录区块链系统开展。', '系统')).toContain('目录区块链系统');
  });

  it('gives none for the kind named bare', () => {
    expect(nameIn('建立健全管理系统', '平台')).toBeUndefined();
    expect(nameIn('完善系统，加强管理。', '系统')).toBeUndefined();
  });
});
