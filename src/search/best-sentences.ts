// The sentences that best answer a question, pure: each candidate passage is cut into sentences, and
// a sentence scores by the share of the query's weight it contains. A term's weight is its length
// times its inverse frequency among the candidate passages, so a word every passage contains (the
// region's name) counts for little and a word no passage contains makes the question unanswered.
import type { PassageHit } from '../store/port.js';
import { codePointLength } from './query-tokens.js';
import type { FusedItem } from './reciprocal-rank-fusion.js';
import type { Channel } from './search-schemas.js';

export interface ScoredSentence {
  hit: PassageHit;
  /** 0-based rank of the passage among the candidates. */
  passageRank: number;
  /** Offsets relative to the passage text. */
  start: number;
  end: number;
  /** Share of the query's weight the sentence contains, 0..1. */
  coverage: number;
  score: number;
}

const TERMINATOR = /[。！？；!?;]/;
const CLOSING = /[”’"'）)]/;
const EDGE = /[\s“”"‘’']/;
/** A title: a short line without sentence punctuation. Any other line that stops on a letter was cut by the layout. */
const TITLE_MAX = 40;
const IN_SENTENCE = /[，,、：:]/;

/**
 * Sentences of a text, as spans without surrounding spaces and quotation marks. A line break ends a
 * sentence, except inside a long line that stops on a letter ("…科技咨询、孵\n\n化加速…": a page break).
 */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const push = (from: number, to: number): void => {
    while (from < to && EDGE.test(text[from]!)) from++;
    while (to > from && EDGE.test(text[to - 1]!)) to--;
    if (to > from) out.push({ start: from, end: to });
  };
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (TERMINATOR.test(ch)) {
      let j = i + 1;
      while (j < text.length && (TERMINATOR.test(text[j]!) || CLOSING.test(text[j]!))) j++;
      push(start, j);
      start = i = j;
    } else if (ch === '\n') {
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      const line = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
      const isTitle = line.length <= TITLE_MAX && !IN_SENTENCE.test(line);
      const cutByLayout = !isTitle && /[\p{L}\p{N}、，,]/u.test(text[i - 1] ?? '');
      if (!cutByLayout) {
        push(start, i);
        start = j;
      }
      i = j;
    } else {
      i++;
    }
  }
  push(start, text.length);
  return out;
}

/** A query term, or a group of wordings that count as one term (物价 | 居民消费价格). */
export type QueryTerm = string | readonly string[];

export interface TermWeight {
  members: string[];
  weight: number;
}

/** Text as terms are looked for in it: whitespace dropped (a layout line break may fall inside a word, "乡村\n\n振兴"), lowercased. */
function comparable(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** A passage text's comparable form and its sentences', computed once per text. */
interface TextView {
  lower: string;
  sentences: Array<{ start: number; end: number; lower: string }>;
}

/**
 * The same passages come back for query after query (every search ranks the union of its channels'
 * ~100 candidates by sentence): their sentences are cut and normalised once. Bounded: emptied when full.
 */
const views = new Map<string, TextView>();
const VIEWS_SIZE = 20_000;

function viewOf(text: string): TextView {
  let view = views.get(text);
  if (!view) {
    if (views.size >= VIEWS_SIZE) views.clear();
    view = { lower: comparable(text), sentences: sentenceSpans(text).map((s) => ({ ...s, lower: comparable(text.slice(s.start, s.end)) })) };
    views.set(text, view);
  }
  return view;
}

/**
 * Weight of each term: length × inverse frequency among the passages (smoothed). A group weighs as
 * its first wording (the question's own) and occurs where any of its wordings does.
 */
export function termWeights(terms: readonly QueryTerm[], passages: readonly string[]): TermWeight[] {
  const n = passages.length;
  const lowered = passages.map((p) => viewOf(p).lower);
  return terms.map((term) => {
    const members = typeof term === 'string' ? [term] : [...term];
    const df = lowered.filter((p) => members.some((m) => p.includes(m))).length;
    return { members, weight: Math.sqrt(codePointLength(members[0] ?? '')) * Math.log(1 + (n + 1) / (df + 0.5)) };
  });
}

function coverageOfComparable(lower: string, weights: readonly TermWeight[]): number {
  let total = 0;
  let found = 0;
  for (const { members, weight } of weights) {
    total += weight;
    if (members.some((m) => lower.includes(m))) found += weight;
  }
  return total ? found / total : 0;
}

/** Whitespace is ignored: a layout line break may fall inside a word ("乡村\n\n振兴"). */
export function coverageOf(text: string, weights: readonly TermWeight[]): number {
  return coverageOfComparable(comparable(text), weights);
}

/**
 * Sentences of the first `passageLimit` candidates, best first. The passage's rank adds a little, so
 * equal sentences go to the better passage.
 */
export function bestSentences(
  hits: readonly PassageHit[],
  terms: readonly QueryTerm[],
  opts: { passageLimit?: number } = {},
): ScoredSentence[] {
  const weights = termWeights(terms, hits.map((h) => h.passage.text));
  const out: ScoredSentence[] = [];
  hits.slice(0, opts.passageLimit ?? 5).forEach((hit, passageRank) => {
    for (const { start, end, lower } of viewOf(hit.passage.text).sentences) {
      const coverage = coverageOfComparable(lower, weights);
      out.push({ hit, passageRank, start, end, coverage, score: coverage + 0.04 / (passageRank + 1) });
    }
  });
  return out.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank || a.start - b.start);
}

/**
 * Passages ranked by their best sentence's coverage of the query: term proximity, which BM25 (a bag
 * of words over the whole passage) and a passage embedding both blur. Used to re-rank the union of
 * the channels' candidates.
 */
export function rankBySentenceCoverage(hits: readonly PassageHit[], terms: readonly QueryTerm[]): PassageHit[] {
  const weights = termWeights(terms, hits.map((h) => h.passage.text));
  return hits
    .map((hit) => {
      let best = 0;
      for (const sentence of viewOf(hit.passage.text).sentences) best = Math.max(best, coverageOfComparable(sentence.lower, weights));
      return { ...hit, score: best };
    })
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** Passages whose best sentence covers the question best are read even when the fusion ranks them lower. */
const PROXIMITY_READ = 3;

/**
 * The candidates in the order an answer reads them, and how many it reads: the first `limit` of the fusion, then those the proximity channel (best
 * sentence's coverage) ranks at the top — a one-sentence passage stating the answer ("由省经济和信息化厅负责
 * 解释") loses in BM25 to passages repeating the long policy name the question quotes.
 */
export function passagesToRead(ranked: ReadonlyArray<FusedItem<PassageHit, Channel>>, limit: number): { hits: PassageHit[]; read: number } {
  const more = ranked.slice(limit).filter((r) => (r.ranks.proximity?.rank ?? Infinity) <= PROXIMITY_READ);
  const rest = ranked.slice(limit).filter((r) => !more.includes(r));
  // all of them, so a term's weight is still its rarity among every candidate
  return { hits: [...ranked.slice(0, limit), ...more, ...rest].map((r) => r.item), read: Math.min(ranked.length, limit + more.length) };
}
