// The query as search tokens: jieba search mode (the same segmentation as the indexed passages), with
// question words and particles dropped so they neither dilute BM25 nor count as evidence of relevance.
import type { SearchDeps } from './search-deps.js';
import { loadThesaurus, type Thesaurus } from './thesaurus.js';

/** Lucene's clause limit is far above this; more distinct terms add nothing to ranking. */
export const MAX_QUERY_TOKENS = 64;

/** Function words and question cues: present in questions, uninformative about the answer. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  '的', '了', '是', '在', '和', '与', '及', '以及', '或', '等', '对', '将', '把', '被', '有', '为', '中', '上',
  '下', '到', '要', '会', '能', '吗', '呢', '吧', '啊', '么', '呀', '也', '都', '就', '还', '又', '其', '之',
  '这', '那', '这些', '那些', '个', '哪', '谁', '几', '请', '问', '请问', '一下', '什么', '多少', '哪些', '哪个',
  '哪里', '哪几', '如何', '怎么', '怎样', '怎么样', '为什么', '是否', '有没有', '有何', '何', '关于', '方面',
  '情况', '分别', '主要', '具体', '一些', '所', '从', '向', '由', '以', '于', '并', '而', '给', '让',
  // how people phrase a question, never what it is about
  '打算', '准备', '想', '想要', '多长', '多久', '多大', '多高', '水平', '什么样', '哪种', '怎么办', '会', '被',
]);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

export interface QueryTokens {
  /** Distinct informative tokens, in query order (lowercase), capped. */
  terms: string[];
  /** The terms worth highlighting: two characters or more (single characters light up everything). */
  highlight: string[];
  /**
   * The terms for sentence coverage: a phrase the thesaurus knows counts as one term with its other
   * wordings ("找到工作" | 就业 …); the terms inside that phrase are not counted again.
   */
  groups: string[][];
  /** Search tokens of the other wordings, for the full-text channel (not among `terms`). */
  expansions: string[];
}

/** More expansion tokens than this would drown the question's own words in BM25. */
const MAX_EXPANSIONS = 24;

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Runs of single characters that jieba left unjoined ("强", "区" for 强区), joined again when the query
 * has them side by side: a rare two-character word weighs more than two common characters.
 */
export function joinSingles(tokens: readonly string[], text: string): string[] {
  const lower = text.toLowerCase();
  const single = (t: string) => codePointLength(t) === 1 && !STOPWORDS.has(t) && HAN.test(t);
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (run && single(t) && lower.includes(run + t)) {
      run += t;
      continue;
    }
    if (codePointLength(run) >= 2) out.push(run);
    run = single(t) ? t : '';
  }
  if (codePointLength(run) >= 2) out.push(run);
  return out;
}

/** Informative tokens of a query; when every token is a stopword, the stopwords themselves. */
export function queryTokens(segmenter: SearchDeps['segmenter'], text: string, thesaurus: Thesaurus = loadThesaurus()): QueryTokens {
  const tokens = segmenter.searchTokens(text).map((t) => t.trim().toLowerCase());
  const raw = [...new Set([...tokens, ...joinSingles(tokens, text)])].filter((t) => WORD_CHAR.test(t));
  const informative = raw.filter((t) => !STOPWORDS.has(t));
  const terms = (informative.length ? informative : raw).slice(0, MAX_QUERY_TOKENS);
  const long = terms.filter((t) => codePointLength(t) >= 2);
  const matches = thesaurus.expansionsIn(text);
  const surfaces = matches.map((m) => m.surface.toLowerCase());
  const groups = [
    ...matches.map((m) => [m.surface.toLowerCase(), ...m.alternatives.map((a) => a.toLowerCase())]),
    ...terms.filter((t) => !surfaces.some((s) => s.includes(t))).map((t) => [t]),
  ];
  const known = new Set(terms);
  const expansions = [
    ...new Set(matches.flatMap((m) => m.alternatives.flatMap((a) => [a.toLowerCase(), ...segmenter.searchTokens(a).map((t) => t.trim().toLowerCase())]))),
  ].filter((t) => WORD_CHAR.test(t) && !STOPWORDS.has(t) && !known.has(t) && codePointLength(t) >= 2);
  return { terms, highlight: long.length ? long : terms, groups, expansions: expansions.slice(0, MAX_EXPANSIONS) };
}
