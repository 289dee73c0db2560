import { describe, expect, it } from 'vitest';
import { highlightOffsets } from '../../src/search/highlight-offsets.js';

describe('highlightOffsets', () => {
  const text = '力争到2025年高新技术企业达500家、省级民营科技企业800家以上。';

  it('finds every occurrence of each token, relative to the text', () => {
    const spans = highlightOffsets(text, ['企业']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['企业', '企业']);
  });

  it('merges overlapping and nested tokens into one span', () => {
    const spans = highlightOffsets(text, ['高新技术企业', '高新', '技术']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['高新技术企业']);
  });

  it('matches Latin letters case-insensitively', () => {
    expect(highlightOffsets('推动GDP增长', ['gdp'])).toEqual([{ start: 2, end: 5 }]);
  });

  it('returns nothing for tokens that do not occur, and for no tokens', () => {
    expect(highlightOffsets(text, ['火星'])).toEqual([]);
    expect(highlightOffsets(text, [])).toEqual([]);
  });

  it('keeps offsets true next to emoji (UTF-16 code units)', () => {
    const spans = highlightOffsets('😀企业', ['企业']);
    expect(spans).toEqual([{ start: 2, end: 4 }]);
  });
});
