// The naive baseline the evaluation compares against: BM25 (k1 1.2, b 0.75) over jieba search tokens
// of fixed 300-character passages, with no stopwords, no graph, no vectors and no query
// understanding. What a user gets from the obvious first attempt; pure and in memory.

export interface BaselinePassage {
  /** Which document the passage comes from (the evaluation's document key). */
  doc: string;
  text: string;
}

export interface Bm25Baseline {
  search(query: string, k: number): BaselinePassage[];
}

export const BASELINE_PASSAGE_CHARS = 300;
const K1 = 1.2;
const B = 0.75;
const WORD = /[\p{L}\p{N}]/u;

/** A document cut into consecutive windows of `size` UTF-16 units, regardless of sentences. */
export function fixedPassages(doc: string, text: string, size = BASELINE_PASSAGE_CHARS): BaselinePassage[] {
  const out: BaselinePassage[] = [];
  for (let at = 0; at < text.length; at += size) out.push({ doc, text: text.slice(at, at + size) });
  return out;
}

export function createBm25Baseline(passages: readonly BaselinePassage[], tokenize: (text: string) => string[]): Bm25Baseline {
  const terms = (text: string) => tokenize(text).map((t) => t.trim().toLowerCase()).filter((t) => WORD.test(t));
  const docs = passages.map((p) => {
    const tf = new Map<string, number>();
    const tokens = terms(p.text);
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { passage: p, tf, length: tokens.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / (n || 1);
  const idf = (t: string) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));

  return {
    search(query, k) {
      const q = [...new Set(terms(query))];
      return docs
        .map((d, i) => {
          let score = 0;
          for (const t of q) {
            const f = d.tf.get(t);
            if (f) score += (idf(t) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avgLength));
          }
          return { i, score };
        })
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || a.i - b.i)
        .slice(0, k)
        .map((s) => docs[s.i]!.passage);
    },
  };
}
