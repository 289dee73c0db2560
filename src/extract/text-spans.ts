// Sentence and clause spans of a passage. Offsets are local to the text. Three grains:
// statements end at 。！？ or a line break (a year stated once carries over its ；-separated list),
// sentences also end at ；, clauses also end at ，、：.
export interface Span {
  start: number;
  end: number;
}

const codes = (chars: string): Set<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const STATEMENT_END = codes('。！？!?\n');
const SENTENCE_END = codes('。！？!?；;\n');
const CLAUSE_END = codes('。！？!?；;\n，,、：:');

function split(text: string, from: number, to: number, boundary: Set<number>): Span[] {
  const out: Span[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (boundary.has(text.charCodeAt(i))) {
      if (i > start) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (to > start) out.push({ start, end: to });
  // most spans open on a non-space: test those without slicing (a hot path of every rule)
  return out.filter((s) => !SPACE.test(text[s.start]!) || NON_SPACE.test(text.slice(s.start, s.end)));
}

const NON_SPACE = /\S/;
const SPACE = /\s/;

export function statementSpans(text: string): Span[] {
  return split(text, 0, text.length, STATEMENT_END);
}

export function sentenceSpans(text: string, within: Span = { start: 0, end: text.length }): Span[] {
  return split(text, within.start, within.end, SENTENCE_END);
}

export function clauseSpans(text: string, within: Span): Span[] {
  return split(text, within.start, within.end, CLAUSE_END);
}

const EDGE = /[\s，,、；;：:。！？!?]/;

/** The span without edge whitespace and punctuation, nor a quote mark whose partner lies outside it. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && EDGE.test(text[start]!)) start++;
  while (end > start && EDGE.test(text[end - 1]!)) end--;
  const inner = text.slice(start, end);
  if (inner.startsWith('“') && !inner.includes('”')) start++;
  if (inner.endsWith('”') && !inner.includes('“')) end--;
  return { start, end };
}

/** Index of the span containing `pos` (spans sorted, non-overlapping), or -1. */
export function spanIndexAt(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const HARD_BEFORE_BREAK = /[。！？!?；;：:”"’）)]$/;
const HEADING_LINE_MAX = 40;

/**
 * Paragraphs: a line break ends one unless it is a hard wrap inside a sentence — no end punctuation
 * before it, no indent after it, and a line before it too long to be a heading.
 */
export function paragraphSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const line = text.slice(lineStart, i).trimEnd();
    const next = text[i + 1] ?? '';
    const soft = line.trim().length > HEADING_LINE_MAX && !HARD_BEFORE_BREAK.test(line) && next !== '' && !/\s/.test(next);
    if (!soft) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
    lineStart = i + 1;
  }
  if (text.length > start) out.push({ start, end: text.length });
  return out.filter((s) => NON_SPACE.test(text.slice(s.start, s.end)));
}

const FULL_STOP = codes('。！？!?');

/** Statements of a paragraph: they end at 。！？ only (a wrapped line does not end one). */
export function fullStopSpans(text: string, within: Span): Span[] {
  return split(text, within.start, within.end, FULL_STOP);
}
