import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise-text.js';

describe('normaliseText', () => {
  it('keeps every offset: the result is as long as the input', () => {
    const text = '\ufeff２０２５年ＧＤＰ增长５％，\r\n　全面推进。';
    const out = normaliseText(text);
    expect(out.length).toBe(text.length);
    expect(out).toContain('2025年GDP增长5%');
  });

  it('joins a page break inside a sentence of a long line with spaces', () => {
    const text = '集科技研发、科技金融、成果展示、科技咨询、孵化培育、检验检测、人才培训和创业服务、孵\n\n化加速等功能于一体。';
    const out = normaliseText(text);
    expect(out).toContain('孵  化加速');
    expect(out.length).toBe(text.length);
  });

  it('joins a number cut after its decimal point', () => {
    expect(normaliseText('治理水土流失面积1.\n2万平方公里')).toBe('治理水土流失面积1. 2万平方公里');
  });

  it('keeps the breaks after headings, short lines and sentence ends', () => {
    const text = '二、主要任务\n加快发展先进制造业。\n推进集成电路、生物医药、人工智能、新能源汽车、高端装备等产业集群建设，第四节增进民族团结\n全面贯彻民族政策。';
    expect(normaliseText(text)).toBe(text);
  });
});
