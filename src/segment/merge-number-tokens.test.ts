import { describe, expect, it } from 'vitest';
import type { Token } from '../model/index.js';
import { mergeNumberTokens } from './merge-number-tokens.js';
import { findNumberSpans } from './number-spans.js';

/** Tokens from words, with offsets. */
function tokensOf(words: Array<[string, string]>): Token[] {
  let start = 0;
  return words.map(([word, tag]) => {
    const t = { word, tag, start, end: start + word.length };
    start = t.end;
    return t;
  });
}

const merged = (words: Array<[string, string]>): string[] => {
  const text = words.map(([w]) => w).join('');
  return mergeNumberTokens(text, tokensOf(words), findNumberSpans(text)).map((t) => `${t.word}/${t.tag}`);
};

describe('mergeNumberTokens', () => {
  it('joins the pieces of a number with its unit into one numeral token', () => {
    expect(merged([['增长', 'v'], ['26', 'm'], ['.', 'x'], ['95', 'm'], ['%', 'x']])).toEqual(['增长/v', '26.95%/m']);
  });

  it('cuts a word that straddles the number’s end, keeping the rest as a word', () => {
    expect(merged([['抓好', 'v'], ['550', 'm'], ['个省', 'n'], ['重大项目', 'n']])).toEqual(['抓好/v', '550个/m', '省/n', '重大项目/n']);
  });

  it('cuts a word that straddles the number’s start', () => {
    expect(merged([['投资额', 'n'], ['达2', 'x'], ['400', 'm'], ['亿元', 'q']])).toEqual(['投资额/n', '达/x', '2400亿元/m']);
  });

  it('keeps covering the text exactly', () => {
    const words: Array<[string, string]> = [['建成', 'v'], ['10', 'm'], ['个省', 'n'], ['级', 'q'], ['园区', 'n']];
    const text = words.map(([w]) => w).join('');
    expect(mergeNumberTokens(text, tokensOf(words), findNumberSpans(text)).map((t) => t.word).join('')).toBe(text);
  });
});
