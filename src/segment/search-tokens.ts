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

/** `cut` is jieba's cutForSearch; passed in so this stays a pure function of its inputs. */
export function searchTokensOf(text: string, cut: (piece: string) => string[]): string[] {
  const out: string[] = [];
  const push = (word: string): void => {
    if (!SKIP.test(word)) out.push(word.toLowerCase());
  };
  let pos = 0;
  for (const span of wholeSpans(text)) {
    if (span.start < pos) continue;
    if (span.start > pos) for (const w of cut(text.slice(pos, span.start))) push(w);
    const whole = text.slice(span.start, span.end);
    push(whole);
    // also the bare number, so a query for "500" finds "500家"
    const bare = BARE_NUMBER.exec(whole)?.[0];
    if (bare && bare !== whole && !/[A-Za-z]/.test(whole.slice(bare.length))) push(bare);
    pos = span.end;
  }
  if (pos < text.length) for (const w of cut(text.slice(pos))) push(w);
  return out;
}
