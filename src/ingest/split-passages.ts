// Splits a normalised document into passages of about 100–400 characters: a heading always starts
// a passage, paragraphs are grouped while short, and a sentence is only cut when it alone is too long.
import type { Passage } from '../model/index.js';

export const PASSAGE_MIN = 100;
export const PASSAGE_MAX = 400;

const CN_NUM = '一二三四五六七八九十百零〇两';
/** Heading markers with their nesting level (lower = outer). */
const HEADING_MARKERS: Array<[RegExp, number]> = [
  [new RegExp(`^第[${CN_NUM}\\d]+[篇章部]`), 0],
  [new RegExp(`^第[${CN_NUM}\\d]+节`), 1],
  [new RegExp(`^[${CN_NUM}]+[、.．]`), 2],
  [new RegExp(`^[（(][${CN_NUM}]+[）)]`), 3],
  [new RegExp(`^第[${CN_NUM}\\d]+条`), 4],
  [/^\d{1,2}[.．、](?!\d)/, 5],
  [/^[（(]\d{1,2}[）)]/, 6],
];
/** A short line with no sentence punctuation is a title even without a marker. */
const UNMARKED_TITLE_LEVEL = 7;
const TITLE_MAX = 40;
const SENTENCE_END = /[。！？；!?;]+[”"’'）)]*/g;

interface Span {
  start: number;
  end: number;
}

interface Heading {
  level: number;
  text: string;
}

function headingLevel(line: string): number | undefined {
  for (const [re, level] of HEADING_MARKERS) if (re.test(line)) return level;
  if (line.length <= TITLE_MAX && !/[。！？；，,!?;：:]/.test(line)) return UNMARKED_TITLE_LEVEL;
  return undefined;
}

/** Trimmed non-empty lines of the text, as spans. */
function lines(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** Sentences of a span (each keeps its terminator and closing quote). */
function sentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span.start, span.end);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(slice); m; m = SENTENCE_END.exec(slice)) {
    const to = m.index + m[0].length;
    out.push({ start: span.start + from, end: span.start + to });
    from = to;
  }
  if (from < slice.length) out.push({ start: span.start + from, end: span.end });
  return out.flatMap((s) => cutLong(text, s));
}

/** A sentence longer than the maximum is cut at commas, or hard as a last resort. */
function cutLong(text: string, s: Span): Span[] {
  if (s.end - s.start <= PASSAGE_MAX) return [s];
  const out: Span[] = [];
  let start = s.start;
  while (s.end - start > PASSAGE_MAX) {
    const window = text.slice(start, start + PASSAGE_MAX);
    const comma = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'));
    const cut = comma > PASSAGE_MIN ? start + comma + 1 : start + PASSAGE_MAX;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: s.end });
  return out;
}

export function splitPassages(docId: string, text: string): Passage[] {
  const passages: Passage[] = [];
  const headings: Heading[] = [];
  let current: Span | undefined;
  let currentHeading = '';
  // A passage holding only heading lines is merged with the body that follows.
  let hasBody = false;

  const flush = (): void => {
    if (!current) return;
    passages.push({
      id: `${docId}:p${passages.length}`,
      docId,
      ordinal: passages.length,
      heading: currentHeading,
      text: text.slice(current.start, current.end),
      start: current.start,
      end: current.end,
    });
    current = undefined;
    hasBody = false;
  };

  for (const line of lines(text)) {
    const lineText = text.slice(line.start, line.end);
    const level = headingLevel(lineText);
    const continues = hasBody && current !== undefined && !/[。！？；!?;”"]$/.test(text.slice(current.start, current.end));
    if (level !== undefined && !continues) {
      if (hasBody) flush();
      while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
      // The heading text is the marker line up to its first sentence end.
      headings.push({ level, text: lineText.split(/[。；;]/)[0]!.slice(0, TITLE_MAX) });
      currentHeading = headings.map((h) => h.text).join(' / ');
    } else if (current && hasBody && !continues && current.end - current.start >= PASSAGE_MIN) {
      flush(); // a new paragraph starts a new passage once the current one is long enough
    }
    for (const s of sentences(text, line)) {
      if (current && s.end - current.start > PASSAGE_MAX) flush();
      current = current ? { start: current.start, end: s.end } : { ...s };
    }
    // A wrapped line (the previous one ended mid-sentence) continues the passage. Set after the
    // sentences, since a flush inside a long paragraph starts a passage that holds body too.
    if (level === undefined || continues) hasBody = true;
  }
  flush();
  return passages;
}
