import { describe, expect, it } from 'vitest';
import { splitGluedCloser } from './split-glued-closer.js';

describe('splitGluedCloser', () => {
  it('splits an unknown word glued to 等 into the word and the closer', () => {
    const out = splitGluedCloser([{ word: '清等', tag: 'x', start: 5, end: 7 }]);
    expect(out).toEqual([
      { word: '清', tag: 'x', start: 5, end: 6 },
      { word: '等', tag: 'u', start: 6, end: 7 },
    ]);
  });

  it('leaves words jieba knows alone (平等/a)', () => {
    const tokens = [{ word: '平等', tag: 'a', start: 0, end: 2 }];
    expect(splitGluedCloser(tokens)).toBe(tokens);
  });
});
