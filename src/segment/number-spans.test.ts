import { describe, expect, it } from 'vitest';
import { findNumberSpans } from './number-spans.js';

const spans = (text: string): string[] => findNumberSpans(text).map((s) => text.slice(s.start, s.end));

describe('findNumberSpans', () => {
  it.each([
    ['经济总量增长26.95%，', ['26.95%']],
    ['利润-3480.83万元', ['-3480.83万元']],
    ['到2025年地区生产总值跨越2000亿元大关', ['2025年', '2000亿元']],
    ['高新技术企业达500家', ['500家']],
    ['增长5%-6%', ['5%-6%']],
    ['新建5-6个', ['5-6个']],
    ['粮食产量1.37万亿斤', ['1.37万亿斤']],
    ['下降0.5个百分点', ['0.5个百分点']],
    ['行动计划（2021-2023年）', ['2021-2023年']],
    ['新增1,269万人', ['1,269万人']],
  ])('keeps a number with its unit whole: %s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([['建设5G基站'], ['PM2.5浓度'], ['3A级企业']])('a number glued to Latin letters is a code, not a number: %s', (text) => {
    expect(spans(text)).toEqual([]);
  });
});
