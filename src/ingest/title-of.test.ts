import { describe, expect, it } from 'vitest';
import { hasVisibleText } from './document-input.js';
import { titleOf } from './load-files.js';

describe('titles and text read from files', () => {
  it('a title keeps no control, zero-width or bidi character', () => {
    expect(titleOf('\u001b[31m通州区\u202e规划\u200b\n到2025年，全区高新技术企业达500家。', 'plan.txt')).toBe('[31m通州区规划');
    expect(titleOf('# 南通高新区\u0000产业规划\n正文', 'plan.md')).toBe('南通高新区产业规划');
    expect(titleOf('\u200b\u200c\u200d\u2060\n到2025年，全区高新技术企业达500家。', 'plan.txt')).toBe('plan');
  });

  it('a long official title on the first line is the title; a first sentence is not', () => {
    const title = '某省人民政府办公厅关于印发支持数字经济发展若干政策和某省数字经济创新发展行动计划（2024-2026年）的通知';
    expect(titleOf(`${title}\n各市人民政府：`, 'notice.txt')).toBe(title);
    expect(titleOf('到2025年，全区高新技术企业达500家，规上工业总产值突破千亿元。\n', 'plan.txt')).toBe('plan');
  });

  it('text of only invisible characters and whitespace has nothing to read', () => {
    expect(hasVisibleText('\u200b\ufeff\u202e \u3000\n\t\u0001')).toBe(false);
    expect(hasVisibleText('\u200b通')).toBe(true);
  });
});
