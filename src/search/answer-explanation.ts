// Explanations come from the passages: the best sentence of the best hybrid results, cited with the
// runner-up sentences that cover nearly as much of the question. The answer span is read from that
// sentence: the amount it states for a number question (when no Target fact answered), the
// enumeration for a list question, else the clause that covers the question best.
import type { AnswerDraft } from './answer-draft.js';
import { bestAmountSpan, bestClause, enumerationSpan, type Span } from './answer-span.js';
import { bestSentences } from './best-sentences.js';
import { citationOf, dedupeCitations } from './cite-evidence.js';
import { preferAskedYears } from './prefer-asked-years.js';
import type { Retrieval } from './retrieve-passages.js';
import type { QuestionType } from './search-schemas.js';

const PASSAGES_READ = 5;
const MAX_CITATIONS = 3;
/** Runner-up sentences are cited when they cover this share of what the best one covers. */
const RUNNER_UP_SHARE = 0.75;

export interface ExplanationOptions {
  /** The question as asked (for the unit it asks for). */
  question?: string;
  type?: QuestionType;
}

function spanFor(text: string, retrieval: Retrieval, opts: ExplanationOptions): Span | undefined {
  const terms = retrieval.tokens.groups;
  if (opts.type === 'number') return bestAmountSpan(text, terms, opts.question ?? '');
  const clause = bestClause(text, terms);
  // the list the best clause gives, else the longest list of the sentence
  if (opts.type === 'list') return enumerationSpan(text.slice(clause.start, clause.end), clause.start) ?? enumerationSpan(text);
  return clause.end - clause.start < text.length ? clause : undefined;
}

export function answerExplanation(retrieval: Retrieval, opts: ExplanationOptions = {}): AnswerDraft | undefined {
  const hits = retrieval.ranked.map((r) => r.item);
  const sentences = preferAskedYears(bestSentences(hits, retrieval.tokens.groups, { passageLimit: PASSAGES_READ, preferNumbers: opts.type === 'number' }), retrieval.scope);
  const best = sentences[0];
  if (!best || best.coverage === 0) return undefined;
  const chosen = sentences.filter((s) => s.coverage >= best.coverage * RUNNER_UP_SHARE).slice(0, MAX_CITATIONS);
  const citations = dedupeCitations(chosen.map((s) => citationOf(s.hit, s)));
  const quote = citations[0]!.quote;
  const span = spanFor(quote, retrieval, opts);
  const kind = opts.type === 'number' && span ? 'number' : 'explanation';
  return { kind, answer: quote, ...(span ? { span: quote.slice(span.start, span.end) } : {}), confidence: best.coverage, citations };
}
