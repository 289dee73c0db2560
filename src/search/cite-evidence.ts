// Citations from evidence: loads the cited passages in one call and quotes the span verbatim from the
// passage text, so every quote is checkable against the store. Offsets are document offsets, as in
// every Evidence.
import type { Evidence } from '../model/index.js';
import type { GraphStore, PassageHit } from '../store/port.js';
import type { Citation } from './search-schemas.js';

/** A span of evidence, optionally with the text it should quote (lets us check which offsets it uses). */
export interface CitedSpan {
  docId: string;
  passageId: string;
  start: number;
  end: number;
  quote?: string;
}

/** Clause ends: a target's clause carries its year and subject ("力争到2025年高新技术企业达500家"). */
const CLAUSE_END = /[，。；！？,;!?\n]/;
const EDGE = /[\s、：:]/;
const QUOTE_PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['（', '）'],
  ['(', ')'],
];

/** Offsets of `span` relative to the passage text: its document offsets, else where its quote is. */
export function locateInPassage(passage: PassageHit['passage'], span: CitedSpan): { start: number; end: number } | undefined {
  const length = span.end - span.start;
  const rel = span.start - passage.start;
  if (rel >= 0 && length > 0 && rel + length <= passage.text.length) {
    if (span.quote === undefined || passage.text.slice(rel, rel + length) === span.quote) return { start: rel, end: rel + length };
  }
  if (span.quote) {
    const at = passage.text.indexOf(span.quote);
    if (at >= 0) return { start: at, end: at + span.quote.length };
  }
  return undefined;
}

/** Widens [start, end) of `text` to the clause around it, without spaces or unpaired quotation marks at its edges. */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to]!)) to++;
  while (from < to && EDGE.test(text[from]!)) from++;
  while (to > from && EDGE.test(text[to - 1]!)) to--;
  // a quotation mark at an edge goes unless it pairs with one inside ("“大项目突破年”活动")
  for (const [open, close] of QUOTE_PAIRS) {
    if (text[from] === open && !text.slice(from + 1, to).includes(close)) from++;
    if (text[to - 1] === close && !text.slice(from, to - 1).includes(open)) to--;
  }
  return { start: from, end: to };
}

export function citationOf(hit: PassageHit, rel: { start: number; end: number }): Citation {
  return {
    docId: hit.passage.docId,
    docTitle: hit.docTitle,
    passageId: hit.passage.id,
    quote: hit.passage.text.slice(rel.start, rel.end),
    start: hit.passage.start + rel.start,
    end: hit.passage.start + rel.end,
  };
}

/** A citation for each span, aligned with `spans` (undefined where the passage is gone or the span is off). `widen` quotes the clause around it. */
export async function citeEach(store: GraphStore, spans: readonly CitedSpan[], opts: { widen?: boolean } = {}): Promise<Array<Citation | undefined>> {
  if (!spans.length) return [];
  const ids = [...new Set(spans.map((s) => s.passageId))];
  const passages = new Map((await store.getPassages(ids)).map((hit) => [hit.passage.id, hit]));
  return spans.map((span) => {
    const hit = passages.get(span.passageId);
    const located = hit && locateInPassage(hit.passage, span);
    if (!hit || !located) return undefined;
    return citationOf(hit, opts.widen ? clauseAround(hit.passage.text, located.start, located.end) : located);
  });
}

/** Citations of the spans, in order, without duplicates or unresolvable spans. */
export async function citeSpans(store: GraphStore, spans: readonly CitedSpan[], opts: { widen?: boolean } = {}): Promise<Citation[]> {
  return dedupeCitations((await citeEach(store, spans, opts)).filter((c): c is Citation => c !== undefined));
}

export function dedupeCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.passageId}:${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function evidenceSpan(e: Evidence): CitedSpan {
  return { docId: e.docId, passageId: e.passageId, start: e.start, end: e.end };
}
