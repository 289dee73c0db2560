import { describe, expect, it } from 'vitest';
import { bestSentences, sentenceSpans } from '../../src/search/best-sentences.js';
import { clauseAround, locateInPassage } from '../../src/search/cite-evidence.js';

const TEXT = '为了壮大创新主体，通州区将实施创新型企培育计划，力争到2025年高新技术企业达500家、省级民营科技企业800家以上。';
const passage = { id: 'd:7', docId: 'd', ordinal: 7, heading: '', text: TEXT, start: 1000, end: 1000 + TEXT.length };

describe('citations', () => {
  const quote = '高新技术企业达500家';
  const rel = TEXT.indexOf(quote);

  it('locates a span given in document offsets, in passage offsets, or by its quote', () => {
    expect(locateInPassage(passage, { docId: 'd', passageId: 'd:7', start: 1000 + rel, end: 1000 + rel + quote.length, quote })).toEqual({ start: rel, end: rel + quote.length });
    expect(locateInPassage(passage, { docId: 'd', passageId: 'd:7', start: rel, end: rel + quote.length, quote })).toEqual({ start: rel, end: rel + quote.length });
    expect(locateInPassage(passage, { docId: 'd', passageId: 'd:7', start: 5, end: 5 + quote.length, quote })).toEqual({ start: rel, end: rel + quote.length });
  });

  it('widens a target quote to its clause, which carries the year', () => {
    const clause = clauseAround(TEXT, rel, rel + quote.length);
    expect(TEXT.slice(clause.start, clause.end)).toBe('力争到2025年高新技术企业达500家、省级民营科技企业800家以上');
  });

  it('keeps a quotation mark that pairs with one inside the clause', () => {
    const text = '常态化开展“大项目突破年”活动,强化专业招商';
    const at = text.indexOf('大项目');
    const clause = clauseAround(text, at, at + 3);
    expect(text.slice(clause.start, clause.end)).toBe('常态化开展“大项目突破年”活动');
  });

  it('drops an unpaired opening quotation mark from a clause', () => {
    const text = '“到2025年地区生产总值跨越2000亿元大关,经济总量力争全市第一;';
    const at = text.indexOf('地区');
    const clause = clauseAround(text, at, at + 4);
    expect(text.slice(clause.start, clause.end)).toBe('到2025年地区生产总值跨越2000亿元大关');
  });
});

describe('best sentences', () => {
  it('cuts a passage into sentences without the quotation marks around them', () => {
    const text = '“蓝图绘就。”目标明确；全区上下奋发有为！';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['蓝图绘就。', '目标明确；', '全区上下奋发有为！']);
  });

  it('keeps a sentence the layout broke across lines whole, but not a heading and its paragraph', () => {
    const text = '坚持创新驱动 增强经济发展内生动力\n\n更高标准、更高水平推进海智汇园、江海圆梦谷建设,打造集技术转移、科技金融、成果展示、科技咨询、孵\n\n化加速等功能于一体的创新综合体。';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      '坚持创新驱动 增强经济发展内生动力',
      '更高标准、更高水平推进海智汇园、江海圆梦谷建设,打造集技术转移、科技金融、成果展示、科技咨询、孵\n\n化加速等功能于一体的创新综合体。',
    ]);
  });

  it('picks the sentence covering the rare query words', () => {
    const hits = [
      { passage: { ...passage, id: 'a', text: '通州区推动发展。通州区以南通高新区为主阵地，统筹产业布局。' }, docTitle: 't', score: 1 },
      { passage: { ...passage, id: 'b', text: '通州区坚持绿色发展。' }, docTitle: 't', score: 1 },
    ];
    const [best] = bestSentences(hits, ['通州区', '主阵地', '南通高新区']);
    expect(hits[0]!.passage.text.slice(best!.start, best!.end)).toBe('通州区以南通高新区为主阵地，统筹产业布局。');
    expect(best!.coverage).toBe(1);
  });

  it('gives no coverage when no query word occurs', () => {
    const hits = [{ passage: { ...passage, text: '通州区坚持绿色发展。' }, docTitle: 't', score: 1 }];
    expect(bestSentences(hits, ['火星', '天气'])[0]!.coverage).toBe(0);
  });
});
