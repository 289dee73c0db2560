// Terms for full-text search (BM25): jieba's search mode (long words plus their sub-words), lowercased,
// punctuation and whitespace dropped. Numbers with units ("2025年", "26.95%") and Latin/digit codes
// ("PM2.5", "5G") stay whole — search mode would otherwise index "2", "0", "2", "5".
import { findNumberSpans, type NumberSpan } from './number-spans.js';

const SKIP = /^[\p{P}\p{S}\s]*$/u;
const BARE_NUMBER = /^-?\d+(?:,\d{3})*(?:\.\d+)?/;
const CODE = /[A-Za-z0-9][A-Za-z0-9.+\-]*/g;

/** Number spans, plus Latin/digit runs they do not cover, in text order. */
function wholeSpans(text: string): NumberSpan[] {
  const numbers = findNumberSpans(text);
  const out: NumberSpan[] = [];
  let n = 0;
  CODE.lastIndex = 0;
  for (let m = CODE.exec(text); m; m = CODE.exec(text)) {
    const start = m.index;
    const end = start + m[0].replace(/[.+\-]+$/, '').length;
    while (n < numbers.length && numbers[n]!.end <= start) out.push(numbers[n++]!);
    const inside = n < numbers.length && numbers[n]!.start <= start && numbers[n]!.end >= end;
    // A code that starts a number span (the "5" of "5G" is not one) keeps its whole run.
    if (!inside && (n >= numbers.length || numbers[n]!.start >= end)) out.push({ start, end });
    else if (!inside) {
      out.push({ start, end: Math.max(end, numbers[n]!.end) });
      CODE.lastIndex = Math.max(CODE.lastIndex, numbers[n]!.end);
      n++;
    }
  }
  while (n < numbers.length) out.push(numbers[n++]!);
  return out;
}

function isTerm(word: string): boolean {
  return !SKIP.test(word);
}

/**
 * Walks the text's pieces between whole spans: `cutPiece` adds a piece's terms to `out`; whole spans
 * are kept whole (and their bare number beside them, so a query for "500" finds "500家").
 */
function termsAround(text: string, cutPiece: (start: number, end: number, out: string[]) => void): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const span of wholeSpans(text)) {
    if (span.start < pos) continue;
    if (span.start > pos) cutPiece(pos, span.start, out);
    const whole = text.slice(span.start, span.end);
    out.push(whole.toLowerCase());
    const bare = BARE_NUMBER.exec(whole)?.[0];
    if (bare && bare !== whole && !/[A-Za-z]/.test(whole.slice(bare.length))) out.push(bare);
    pos = span.end;
  }
  if (pos < text.length) cutPiece(pos, text.length, out);
  return out;
}

/** Search-mode terms of one piece of text: `cut`'s words, lowercased, punctuation and spaces dropped. */
export function termsOfPiece(piece: string, cut: (piece: string) => string[]): string[] {
  return cut(piece)
    .filter(isTerm)
    .map((w) => w.toLowerCase());
}

/** `cut` is jieba's cutForSearch; passed in so this stays a pure function of its inputs. */
export function searchTokensOf(text: string, cut: (piece: string) => string[]): string[] {
  return termsAround(text, (start, end, out) => {
    out.push(...termsOfPiece(text.slice(start, end), cut));
  });
}

/**
 * The same terms from words the text was already cut into (a passage's tagged tokens, in order,
 * covering it): `termsOfWord` is termsOfPiece on one word (the word and its dictionary sub-words).
 * Ingest tags every passage anyway; terming its words, whose terms repeat from passage to passage and
 * can be cached, saves cutting the text a second time (same terms on the corpus, 2–3× faster).
 */
export function searchTokensOfWords(
  text: string,
  words: ReadonlyArray<{ word: string; start: number; end: number }>,
  termsOfWord: (word: string) => readonly string[],
): string[] {
  let i = 0;
  return termsAround(text, (start, end, out) => {
    while (i < words.length && words[i]!.end <= start) i++;
    for (let j = i; j < words.length && words[j]!.start < end; j++) {
      const w = words[j]!;
      // a word cut by a number span's edge is termed by the part inside the piece
      const word = w.start >= start && w.end <= end ? w.word : text.slice(Math.max(w.start, start), Math.min(w.end, end));
      for (const term of termsOfWord(word)) out.push(term);
    }
  });
}
