import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise-text.js';
import { PASSAGE_MAX, splitPassages } from './split-passages.js';

const seed = normaliseText(readFileSync(new URL('../../seeds/2021-tongzhou-district-plan-article.txt', import.meta.url), 'utf8'));

describe('splitPassages', () => {
  it('keeps offsets exact: every passage is the document slice it claims', () => {
    for (const p of splitPassages('d', seed)) expect(seed.slice(p.start, p.end)).toBe(p.text);
  });

  it('never exceeds the maximum and numbers passages in order', () => {
    const passages = splitPassages('d', seed);
    expect(passages.length).toBeGreaterThan(5);
    passages.forEach((p, i) => {
      expect(p.ordinal).toBe(i);
      expect(p.id).toBe(`d:p${i}`);
      expect(p.text.length).toBeLessThanOrEqual(PASSAGE_MAX);
    });
  });

  it('starts a passage at each heading and records the heading path', () => {
    const text = '一、总体要求\n坚持创新驱动。\n（一）发展目标\n到2025年地区生产总值达到2000亿元。\n二、重点任务\n加快建设南通高新区。';
    const passages = splitPassages('d', text);
    expect(passages.map((p) => p.heading)).toEqual(['一、总体要求', '一、总体要求 / （一）发展目标', '二、重点任务']);
    expect(passages[1]!.text).toContain('2000亿元');
  });

  it('does not cut a sentence unless it alone is too long', () => {
    const sentence = '推动汽车零部件产业与新一代信息技术深度融合。';
    const text = Array.from({ length: 40 }, () => sentence).join('');
    for (const p of splitPassages('d', text)) expect(p.text.endsWith('。')).toBe(true);
    const long = `${'加快建设产业园区，'.repeat(80)}。`;
    const pieces = splitPassages('d', long);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => p.text).join('')).toBe(long);
  });

  it('starts a new passage at a heading after a paragraph too long for one passage', () => {
    const passages = splitPassages('d', `第一节甲\n${'推动科技创新，提升产业能级。'.repeat(40)}\n第二节乙\n发展服务业。`);
    const second = passages.find((p) => p.heading === '第二节乙');
    expect(second?.text.startsWith('第二节乙')).toBe(true);
  });

  it('joins a line wrapped mid-sentence to its sentence', () => {
    const passages = splitPassages('d', `${'推动科技创新。'.repeat(20)}打造集研发设计、孵\n化加速等功能于一体的创新综合体。`);
    expect(passages.some((p) => p.text.includes('孵\n化'))).toBe(true);
  });
});

describe('normaliseText', () => {
  it('folds full-width digits, letters and ％ while keeping the length', () => {
    const raw = '增长２６．９５％，ＧＤＰ达到２０００亿元（预计）';
    const out = normaliseText(raw);
    expect(out).toBe('增长26.95%，GDP达到2000亿元（预计）');
    expect(out).toHaveLength(raw.length);
  });

  it('turns ideographic spaces, tabs and CR into plain whitespace of the same length', () => {
    expect(normaliseText('一\u3000二\t三\r\n')).toBe('一 二 三\n\n');
  });
});
