// Answers read from sentences, over real sentences of the corpus documents with the real segmenter
// and thesaurus: the amount in the unit asked wins over a clause that repeats more of the question,
// a lead sentence hands its number to the sentence after it, two amounts are one only when their
// units agree too, and a Target matched on the topic gives way to the sentence stating what is counted.
import { describe, expect, it } from 'vitest';
import { answerExplanation } from '../../src/search/answer-explanation.js';
import { better, sameAmount } from '../../src/search/answer-question.js';
import type { AnswerDraft } from '../../src/search/answer-draft.js';
import { queryTokens } from '../../src/search/query-tokens.js';
import type { ResolvedScope } from '../../src/search/question-scope.js';
import type { Retrieval } from '../../src/search/retrieve-passages.js';
import { getSegmenter } from '../../src/segment/index.js';

const segmenter = getSegmenter();
const scope: ResolvedScope = { regions: [], national: false, years: [], restricted: false, documentNames: [], documents: new Map() };

function retrieval(question: string, texts: string[]): Retrieval {
  return {
    tokens: queryTokens(segmenter, question),
    entities: [],
    scope,
    ranked: texts.map((text, i) => ({
      key: `p${i}`,
      score: 1 / (i + 1),
      item: { passage: { id: `p${i}`, docId: 'd', ordinal: i, heading: '', text, start: 0, end: text.length }, docTitle: 'doc', score: 1 },
      ranks: { proximity: { rank: i + 1, score: 1 } },
    })),
  };
}

const ask = (question: string, texts: string[]) => answerExplanation(retrieval(question, texts), { question, type: 'number', tag: (t) => segmenter.tag(t) });

describe('number answers read from sentences', () => {
  it('answers a money question with the amount in 元, not the clause naming the work', () => {
    const text = '支持工业企业和平台服务商开展工业互联网网络安全分类分级工作，省级按照不超过项目投资额50%的比例给予一次性奖补，最高100万元。';
    expect(ask('网络安全分类分级工作最高奖补多少？', [text])?.span).toBe('100万元');
  });

  it('reads the number from the sentence after a lead sentence that states none', () => {
    const text = '让城市基础设施更完善。全年计划投资8.6亿元，加快推进市政物业设施设备改造。';
    const answer = ask('打算花多少钱让城市基础设施更完善？', [text]);
    expect(answer?.span).toBe('8.6亿元');
    expect(answer?.citations[0]!.quote).toContain('全年计划投资8.6亿元');
  });

  it('keeps an answer in words when no amount is in the unit asked', () => {
    const text = '居民人均可支配收入增长与经济增长保持基本同步，单位生产总值能耗进一步下降，居民消费价格涨幅2%左右。';
    expect(ask('居民收入增长目标是多少？', [text])?.span).toBe('居民人均可支配收入增长与经济增长保持基本同步');
  });
});

describe('same amount', () => {
  it('is the same value in the same unit, whatever the qualifier', () => {
    expect(sameAmount('80%以上', '80%')).toBe(true);
    expect(sameAmount('120万人', '120万人以上')).toBe(true);
    expect(sameAmount('100家', '100万元')).toBe(false);
    expect(sameAmount(undefined, '5%')).toBe(false);
  });
});

describe('a Target against the best sentence', () => {
  const platforms = '培育100家企业级工业互联网平台。';
  const training = '面向3万名专业技术人才和企业高级管理人员开展工业互联网素质提升培训。';
  const question = '多少技术人才参加工业互联网培训？';
  const cite = (quote: string) => ({ docId: 'd', docTitle: 'doc', passageId: 'p', quote, start: 0, end: quote.length });
  const target: AnswerDraft = {
    kind: 'number',
    answer: '企业级工业互联网平台达100家',
    span: '100家',
    confidence: 0.7,
    citations: [cite(platforms)],
    targets: [{ id: 't', metric: '企业级工业互联网平台', value: 100, unit: '家', comparator: '=', statement: '企业级工业互联网平台达100家' }],
  };
  const sentence: AnswerDraft = { kind: 'number', answer: training, span: '3万名', confidence: 0.6, citations: [cite(training)] };

  it('gives way to a sentence covering far more of the question than its own sentence', () => {
    expect(better(target, sentence, retrieval(question, [platforms, training]))?.span).toBe('3万名');
  });

  it('gives way when its unit contradicts the one asked and the sentence states the asked one', () => {
    const grant = '对跨行业跨领域工业互联网平台省级给予奖补，最高3000万元。';
    const count = { ...target, span: '3家', citations: [cite(grant)], confidence: 0.75 };
    const money: AnswerDraft = { kind: 'number', answer: grant, span: '3000万元', confidence: 0.7, citations: [cite(grant)] };
    expect(better(count, money, retrieval('平台最高奖补多少？', [grant]), '平台最高奖补多少？')?.span).toBe('3000万元');
  });

  it('stays when its own sentence covers the question as well', () => {
    const stated = { ...target, citations: [cite(training)] };
    expect(better(stated, sentence, retrieval(question, [platforms, training]))?.span).toBe('100家');
  });
});
