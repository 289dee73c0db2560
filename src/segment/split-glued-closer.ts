// jieba glues a list's closing 等 to an unknown word before it ("超高/清等/x 文化产业"), which hides the
// list from the enumeration rules: an unknown-word token ending in 等 is split into the word and 等.
import type { Token } from '../model/index.js';

export function splitGluedCloser(tokens: Token[]): Token[] {
  if (!tokens.some(isGlued)) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    if (!isGlued(t)) {
      out.push(t);
      continue;
    }
    out.push({ word: t.word.slice(0, -1), tag: 'x', start: t.start, end: t.end - 1 }, { word: '等', tag: 'u', start: t.end - 1, end: t.end });
  }
  return out;
}

const isGlued = (t: Token): boolean => t.tag === 'x' && t.word.length >= 2 && t.word.endsWith('等') && /^\p{Script=Han}+$/u.test(t.word);
