// Merges the tokens jieba cut out of a number span back into one token tagged `m`, so "26.95%" and
// "-3480.83万元" reach the extractors whole. Linear: one pass over tokens and spans together.
import type { Token } from '../model/index.js';
import type { NumberSpan } from './number-spans.js';

/** jieba's tag for numerals; we give it to every protected number-with-unit token. */
export const NUMBER_TAG = 'm';

/**
 * Returns tokens where every run overlapping a number span is one token. A token straddling the span
 * edge is cut there ("550个省" → "550个" + "省", "达2400亿元" → "达" + "2400亿元"): its outside part
 * keeps the token's tag, so the tokens still cover the text exactly.
 */
export function mergeNumberTokens(text: string, tokens: Token[], spans: NumberSpan[]): Token[] {
  if (spans.length === 0) return tokens;
  const out: Token[] = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    while (s < spans.length && spans[s]!.end <= token.start) s++;
    const span = spans[s];
    if (!span || span.start >= token.end) {
      out.push(token);
      continue;
    }
    // token overlaps span: absorb every following token that still overlaps it
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.start < span.end) j++;
    const last = tokens[j]!;
    if (j === i && token.start === span.start && token.end === span.end) {
      out.push(token.tag === NUMBER_TAG ? token : { ...token, tag: NUMBER_TAG });
    } else {
      if (token.start < span.start) out.push(piece(text, token.start, span.start, token.tag));
      out.push(piece(text, Math.max(token.start, span.start), Math.min(last.end, span.end), NUMBER_TAG));
      if (last.end > span.end) out.push(piece(text, span.end, last.end, last.tag));
    }
    i = j;
    s++;
  }
  return out;
}

function piece(text: string, start: number, end: number, tag: string): Token {
  return { word: text.slice(start, end), tag, start, end };
}
