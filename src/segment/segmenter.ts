// The segmenter: nodejieba with the policy-domain lexicons, loaded once per process (its dictionaries
// take 1–3 s to load, and nodejieba keeps one global dictionary anyway).
import nodejieba from 'nodejieba';
import type { Passage, SegmentedPassage, Token } from '../model/index.js';
import { AppError } from '../errors.js';
import { lexiconPaths, DEFAULT_LEXICON_DIR } from './lexicon-files.js';
import { findNumberSpans } from './number-spans.js';
import { mergeNumberTokens } from './merge-number-tokens.js';
import { splitGluedCloser } from './split-glued-closer.js';
import { searchTokensOf, searchTokensOfWords, termsOfPiece } from './search-tokens.js';

export interface Segmenter {
  /** Tokens with part-of-speech (or entity-type) tags and offsets relative to `text`, covering it exactly. */
  tag(text: string): Token[];
  /** Fine-grained lowercase terms for full-text indexing (jieba search mode), numbers kept whole. */
  searchTokens(text: string): string[];
  /** The same terms from a passage already segmented (ingest), without cutting its text again. */
  searchTokensOfSegmented(passage: SegmentedPassage): string[];
  /** A passage with its tokens. */
  segment(passage: Passage): SegmentedPassage;
  /** The lexicon directory this process loaded. */
  readonly lexiconDir: string;
}

export interface SegmenterOptions {
  /** Folder holding the per-type user dictionaries; defaults to the repository's graph/lexicon/. */
  lexiconDir?: string;
}

let instance: Segmenter | undefined;

/** The process-wide segmenter, created on first call. Asking for another lexicon folder later is an error. */
export function getSegmenter(options: SegmenterOptions = {}): Segmenter {
  const dir = options.lexiconDir ?? DEFAULT_LEXICON_DIR;
  if (instance) {
    if (instance.lexiconDir !== dir) {
      throw new AppError('CONFIG_INVALID', `segmenter already loaded with ${instance.lexiconDir}; cannot reload with ${dir}`);
    }
    return instance;
  }
  nodejieba.load({ userDict: lexiconPaths(dir).join('|') });
  instance = { tag, searchTokens, searchTokensOfSegmented, segment, lexiconDir: dir };
  return instance;
}

function tag(text: string): Token[] {
  const raw = nodejieba.tag(text);
  const tokens: Token[] = new Array(raw.length);
  let pos = 0;
  for (let i = 0; i < raw.length; i++) {
    const { word, tag: t } = raw[i]!;
    // jieba returns the text cut into consecutive pieces; indexOf only guards against a surprise.
    const start = text.startsWith(word, pos) ? pos : text.indexOf(word, pos);
    if (start < 0) return retagFallback(text);
    pos = start + word.length;
    tokens[i] = { word, tag: t, start, end: pos };
  }
  return splitGluedCloser(mergeNumberTokens(text, fillGaps(text, tokens), findNumberSpans(text)));
}

/** Tokens must cover the text exactly: any character jieba skipped becomes its own `x` token. */
function fillGaps(text: string, tokens: Token[]): Token[] {
  let pos = 0;
  let gaps = false;
  for (const t of tokens) {
    if (t.start !== pos) gaps = true;
    pos = t.end;
  }
  if (!gaps && pos === text.length) return tokens;
  const out: Token[] = [];
  pos = 0;
  for (const t of tokens) {
    if (t.start > pos) out.push({ word: text.slice(pos, t.start), tag: 'x', start: pos, end: t.start });
    out.push(t);
    pos = t.end;
  }
  if (pos < text.length) out.push({ word: text.slice(pos), tag: 'x', start: pos, end: text.length });
  return out;
}

/** Last resort when jieba's words do not line up with the text: one token per character. */
function retagFallback(text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < text.length; i++) out.push({ word: text[i]!, tag: 'x', start: i, end: i + 1 });
  return out;
}

function searchTokens(text: string): string[] {
  return searchTokensOf(text, (piece) => nodejieba.cutForSearch(piece));
}

/**
 * Search terms per word: a corpus reuses a small vocabulary, so most words are cut once per
 * thread. Bounded: cleared when full.
 */
const wordTerms = new Map<string, readonly string[]>();
const WORD_TERMS_SIZE = 200_000;

function termsOfWord(word: string): readonly string[] {
  let terms = wordTerms.get(word);
  if (terms === undefined) {
    if (wordTerms.size >= WORD_TERMS_SIZE) wordTerms.clear();
    terms = termsOfPiece(word, (w) => nodejieba.cutForSearch(w));
    wordTerms.set(word, terms);
  }
  return terms;
}

function searchTokensOfSegmented(passage: SegmentedPassage): string[] {
  return searchTokensOfWords(passage.text, passage.tokens, termsOfWord);
}

function segment(passage: Passage): SegmentedPassage {
  return { ...passage, tokens: tag(passage.text) };
}
