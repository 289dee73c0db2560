import { describe, expect, it } from 'vitest';
import { joinSingles, queryTokens } from '../../src/search/query-tokens.js';

/** A stand-in for jieba's search mode: the words as given. */
const segmenter = (words: string[]) => ({ searchTokens: () => words, tag: () => [] });

describe('query tokens', () => {
  it('drops question words and punctuation, keeps order, lowercases', () => {
    const tokens = queryTokens(segmenter(['通州区', '的', 'GDP', '目标', '是', '多少', '？']), '通州区的GDP目标是多少？');
    expect(tokens.terms).toEqual(['通州区', 'gdp', '目标']);
  });

  it('joins single characters jieba left apart when the query has them together', () => {
    expect(joinSingles(['着力', '打造', '什么', '强', '区'], '着力打造什么强区')).toEqual(['强区']);
    expect(joinSingles(['强', '的', '区'], '强的区')).toEqual([]);
    const tokens = queryTokens(segmenter(['打造', '强', '区']), '打造强区');
    expect(tokens.terms).toEqual(['打造', '强', '区', '强区']);
    expect(tokens.highlight).toEqual(['打造', '强区']);
  });

  it('keeps the stopwords when there is nothing else, and nothing for punctuation only', () => {
    expect(queryTokens(segmenter(['是', '什么']), '是什么').terms).toEqual(['是', '什么']);
    expect(queryTokens(segmenter(['？', '！']), '？！').terms).toEqual([]);
  });
});
