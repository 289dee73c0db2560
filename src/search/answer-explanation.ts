// Explanations come from the passages: the best sentence of the best hybrid results, cited with the
// runner-up sentences that cover nearly as much of the question. The answer span is read from that
// sentence: the amount it states for a number question (when no Target fact answered), the
// enumeration for a list question, else the clause that covers the question best.
import type { Token } from '../model/index.js';
import type { AnswerDraft } from './answer-draft.js';
import { askedKind, kindNameSpan } from './answer-head.js';
import { amountSpans, amountUnit, bestAmountSpan, bestClause, clauseOf, enumerationSpan, type Span } from './answer-span.js';
import { unitFit } from './match-targets.js';
import { bestSentences, coverageOf, passagesToRead, sentenceSpans, termWeights, type ScoredSentence } from './best-sentences.js';
import { citationOf, dedupeCitations } from './cite-evidence.js';
import { yearAdjustment } from './prefer-asked-years.js';
import type { Retrieval } from './retrieve-passages.js';
import type { QuestionType } from './search-schemas.js';
import { ratioBase } from './understand-question.js';

const PASSAGES_READ = 5;
const MAX_CITATIONS = 3;
/** Runner-up sentences are cited when they cover this share of what the best one covers. */
const RUNNER_UP_SHARE = 0.75;

export interface ExplanationOptions {
  /** The question as asked (for the unit it asks for). */
  question?: string;
  type?: QuestionType;
  /** jieba's tagger: "什么系统" questions are answered with the name of the system. */
  tag?: (text: string) => Token[];
}

function spanFor(text: string, retrieval: Retrieval, opts: ExplanationOptions): Span | undefined {
  // "占GDP多少": GDP is what the share is of, not what is asked
  const base = ratioBase(opts.question ?? '');
  const terms = base ? retrieval.tokens.groups.filter((g) => !base.includes(g[0]!)) : retrieval.tokens.groups;
  const clause = bestClause(text, terms);
  if (opts.type === 'number') {
    // A number question may be answered in words ("与经济增长保持基本同步"): when the clause stating an
    // amount covers far less of the question than the best clause, the best clause is the answer.
    const amount = bestAmountSpan(text, terms, opts.question ?? '');
    if (!amount) return clause;
    const weights = termWeights(terms, [text]);
    const share = (s: Span) => coverageOf(text.slice(s.start, s.end), weights);
    const amountClause = clauseOf(text, amount);
    const adjacent = amountClause.start <= clause.end + 1 && clause.start <= amountClause.end + 1;
    // an amount in the unit asked ("最多补多少钱" and 500万元) answers, however few of the question's words its clause repeats
    const asked = unitFit(amountUnit(text.slice(amount.start, amount.end)), opts.question ?? '') > 0;
    return !asked && !adjacent && share(amountClause) * 2 < share(clause) ? clause : amount;
  }
  // "通过什么系统办理？": the name the sentence gives the asked kind
  const kind = opts.tag && opts.type === 'explanation' && opts.question ? askedKind(opts.tag(opts.question)) : undefined;
  const named = kind ? kindNameSpan(opts.tag!(text), kind) : undefined;
  if (named) return named;
  // the list the best clause gives, else the longest list of the sentence
  if (opts.type === 'list') return enumerationSpan(text.slice(clause.start, clause.end), clause.start) ?? enumerationSpan(text);
  return clause.end - clause.start < text.length ? clause : undefined;
}

/**
 * The sentence right after a number question's best sentence, in the same passage, when the best one
 * states no amount and the next one states an amount in the unit asked (元 for "多少钱").
 */
function statedNext(best: ScoredSentence, question: string): ScoredSentence | undefined {
  const text = best.hit.passage.text;
  if (amountSpans(text.slice(best.start, best.end)).length) return undefined;
  const next = sentenceSpans(text).find((s) => s.start >= best.end);
  if (!next || /\n/.test(text.slice(best.end, next.start))) return undefined;
  const sentence = text.slice(next.start, next.end);
  const fits = amountSpans(sentence).some((a) => unitFit(amountUnit(sentence.slice(a.start, a.end)), question) > 0);
  return fits ? { ...best, ...next } : undefined;
}

/** A number question reads the sentences stating a number first, unless one without covers far more. */
const NUMBERED_EDGE = 0.2;

export function answerExplanation(retrieval: Retrieval, opts: ExplanationOptions = {}): AnswerDraft | undefined {
  const { hits, read } = passagesToRead(retrieval.ranked, PASSAGES_READ);
  const sentences = bestSentences(hits, retrieval.tokens.groups, { passageLimit: read });
  const rank = (s: ScoredSentence) => s.score + yearAdjustment(s, retrieval.scope) + (opts.type === 'number' && /\d/.test(s.hit.passage.text.slice(s.start, s.end)) ? NUMBERED_EDGE : 0);
  sentences.sort((a, b) => rank(b) - rank(a) || a.passageRank - b.passageRank || a.start - b.start);
  const best = sentences[0];
  if (!best || best.coverage === 0) return undefined;
  const chosen = sentences.filter((s) => s.coverage >= best.coverage * RUNNER_UP_SHARE).slice(0, MAX_CITATIONS);
  // "让城市基础设施更完善。全年计划投资8.6亿元": a lead sentence without the number, stated by the next one
  const stating = opts.type === 'number' ? statedNext(best, opts.question ?? '') : undefined;
  const citations = dedupeCitations([...(stating ? [stating] : []), ...chosen].map((s) => citationOf(s.hit, s)));
  const quote = citations[0]!.quote;
  const span = spanFor(quote, retrieval, opts);
  const kind = opts.type === 'number' && span && amountSpans(quote.slice(span.start, span.end)).length ? 'number' : 'explanation';
  // a sentence of another year than the one asked (last year's review) is a less certain answer
  const confidence = Math.max(0, Math.min(1, best.coverage + yearAdjustment(best, retrieval.scope)));
  return { kind, answer: quote, ...(span ? { span: quote.slice(span.start, span.end) } : {}), confidence, citations };
}
