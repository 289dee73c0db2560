// Explanations come from the passages: the best sentence of the best hybrid results, cited with the
// runner-up sentences that cover nearly as much of the question.
import type { AnswerDraft } from './answer-draft.js';
import { bestSentences } from './best-sentences.js';
import { citationOf, dedupeCitations } from './cite-evidence.js';
import type { Retrieval } from './retrieve-passages.js';

const PASSAGES_READ = 5;
const MAX_CITATIONS = 3;
/** Runner-up sentences are cited when they cover this share of what the best one covers. */
const RUNNER_UP_SHARE = 0.75;

export function answerExplanation(retrieval: Retrieval, opts: { preferNumbers?: boolean } = {}): AnswerDraft | undefined {
  const hits = retrieval.ranked.map((r) => r.item);
  const sentences = bestSentences(hits, retrieval.tokens.groups, { passageLimit: PASSAGES_READ, ...opts });
  const best = sentences[0];
  if (!best || best.coverage === 0) return undefined;
  const chosen = sentences.filter((s) => s.coverage >= best.coverage * RUNNER_UP_SHARE).slice(0, MAX_CITATIONS);
  const citations = dedupeCitations(chosen.map((s) => citationOf(s.hit, s)));
  return { kind: 'explanation', answer: citations[0]!.quote, confidence: best.coverage, citations };
}
