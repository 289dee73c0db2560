// BM25 over the passages' jieba tokens, in memory, computing exactly what FTS5's bm25() computes on
// passage_fts (k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)) floored at 1e-6, length in
// tokens against the average): the same scores, summed in the same order. FTS5 answers an OR of a
// query's dozens of tokens by scoring every passage holding any of them — ~3 ms per search at ×8;
// postings in typed arrays do it in a fraction of that. FTS5 stays the index of record: a query this
// index cannot answer as FTS5 would (see `plainTerms`) goes to it.
import { all, type Db } from './open-database.js';

const K1 = 1.2;
const B = 0.75;

/**
 * FTS5's unicode61 with our categories (read-search.ts, base-schema.ts) separates tokens at every
 * character that is not a letter, number, mark, punctuation, symbol or private-use character.
 */
const SEPARATORS = /[^\p{L}\p{N}\p{M}\p{P}\p{S}\p{Co}]+/u;
/** Characters whose folding (case, diacritics) is plain lowercasing: ASCII, CJK, full-width forms. */
const PLAIN = /^[\x21-\x7e\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef\u2000-\u206f]+$/u;
const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]/u;

/** unicode61 folds case, and removes diacritics from Latin letters (remove_diacritics 1). */
function fold(token: string): string {
  const lower = token.toLowerCase();
  return LATIN_WITH_MARKS.test(lower) ? lower.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC') : lower;
}

export interface FulltextIndex {
  pks: Int32Array;
  docIds: string[];
  ordinals: Int32Array;
  lengths: Float64Array;
  averageLength: number;
  /** Term → its postings, rows[offsets[t]..offsets[t + 1]] with their counts: one array for all
   * terms (most occur in a passage or two, and a typed array each would cost more than its data). */
  terms: Map<string, number>;
  offsets: Int32Array;
  rows: Int32Array;
  counts: Uint16Array;
}

/** A row whose every character FTS5 keeps in tokens and folds to itself: split on spaces alone. */
const SIMPLE_ROW = /^[ \p{Ll}\p{Lo}\p{Lm}\p{N}\p{P}\p{S}]*$/u;

export function buildFulltextIndex(db: Db): FulltextIndex {
  const rows = all<{ pk: number; doc_id: string; ordinal: number; tokens: string }>(db, 'SELECT pk, doc_id, ordinal, tokens FROM passages ORDER BY pk');
  const n = rows.length;
  const pks = new Int32Array(n);
  const ordinals = new Int32Array(n);
  const lengths = new Float64Array(n);
  const docIds = new Array<string>(n);
  // Postings grow as flat (row, count) pairs per term id; a row's terms are counted in `seen`.
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  const seen: number[] = [];
  const count: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    pks[i] = r.pk;
    ordinals[i] = r.ordinal;
    docIds[i] = r.doc_id;
    const simple = SIMPLE_ROW.test(r.tokens) && !LATIN_WITH_MARKS.test(r.tokens);
    const first = seen.length;
    let length = 0;
    for (const raw of simple ? r.tokens.split(' ') : r.tokens.split(SEPARATORS)) {
      if (!raw) continue;
      const token = simple ? raw : fold(raw);
      let id = ids.get(token);
      if (id === undefined) {
        ids.set(token, (id = postings.length));
        postings.push([]);
        count.push(0);
      }
      if (count[id] === 0) seen.push(id);
      count[id]!++;
      length++;
    }
    for (let s = first; s < seen.length; s++) {
      const id = seen[s]!;
      postings[id]!.push(i, Math.min(count[id]!, 0xffff));
      count[id] = 0;
    }
    seen.length = first;
    lengths[i] = length;
    total += length;
  }
  const offsets = new Int32Array(postings.length + 1);
  for (let t = 0; t < postings.length; t++) offsets[t + 1] = offsets[t]! + postings[t]!.length / 2;
  const flatRows = new Int32Array(offsets[postings.length]!);
  const flatCounts = new Uint16Array(offsets[postings.length]!);
  for (let t = 0; t < postings.length; t++) {
    const flat = postings[t]!;
    for (let j = 0, at = offsets[t]!; j < flat.length; j += 2, at++) {
      flatRows[at] = flat[j]!;
      flatCounts[at] = flat[j + 1]!;
    }
  }
  return { pks, docIds, ordinals, lengths, averageLength: n ? total / n : 0, terms: ids, offsets, rows: flatRows, counts: flatCounts };
}

/**
 * The query's terms when each of its phrases (ftsQuery quotes every token) is one plain token that
 * this index folds as FTS5 does; undefined sends the query to FTS5.
 */
export function plainTerms(phrases: readonly string[]): string[] | undefined {
  const terms: string[] = [];
  for (const phrase of phrases) {
    if (!PLAIN.test(phrase)) return undefined;
    const parts = phrase.split(SEPARATORS).filter(Boolean);
    if (parts.length !== 1) return undefined;
    terms.push(fold(parts[0]!));
  }
  return terms;
}

/** The k best passages as (pk, bm25 score), best first; ties by document id, then ordinal. */
export function bm25Passages(index: FulltextIndex, terms: readonly string[], k: number): Array<{ pk: number; score: number }> {
  const n = index.pks.length;
  if (!n || k <= 0) return [];
  const scores = new Float64Array(n);
  const hit = new Uint8Array(n);
  const matched: number[] = [];
  for (const term of terms) {
    const t = index.terms.get(term);
    if (t === undefined) continue;
    const from = index.offsets[t]!;
    const to = index.offsets[t + 1]!;
    const found = to - from;
    let idf = Math.log((n - found + 0.5) / (found + 0.5));
    if (idf <= 0) idf = 1e-6;
    for (let j = from; j < to; j++) {
      const row = index.rows[j]!;
      const f = index.counts[j]!;
      scores[row]! += idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * index.lengths[row]!) / index.averageLength)));
      if (!hit[row]) {
        hit[row] = 1;
        matched.push(row);
      }
    }
  }
  const before = (a: number, b: number) =>
    scores[b]! - scores[a]! || (index.docIds[a]! < index.docIds[b]! ? -1 : index.docIds[a]! > index.docIds[b]! ? 1 : index.ordinals[a]! - index.ordinals[b]!);
  // The best k kept sorted: a common token matches thousands of passages, of which few beat the
  // k-th best, so most are one comparison.
  const best: number[] = [];
  for (const row of matched) {
    if (best.length === k && before(row, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(best[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, row);
    if (best.length > k) best.pop();
  }
  return best.map((row) => ({ pk: index.pks[row]!, score: scores[row]! }));
}
