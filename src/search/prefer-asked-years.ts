// Sentences re-ranked by the year the question asks about (2026, or 今年 = the document's year): a
// sentence under a heading or in a passage naming that year moves up; one under a heading naming only
// another year (a review of last year) moves down. "上海要新建多少个…" then finds this year's task,
// not last year's achievement.
import type { ScoredSentence } from './best-sentences.js';
import type { ResolvedScope } from './question-scope.js';
import { yearFit } from './year-fit.js';

const BONUS = 0.1;

export function yearAdjustment(sentence: ScoredSentence, scope: ResolvedScope): number {
  return BONUS * yearFit(sentence.hit.passage, sentence.hit.passage.text.slice(sentence.start, sentence.end), scope);
}

export function preferAskedYears(sentences: readonly ScoredSentence[], scope: ResolvedScope): ScoredSentence[] {
  return sentences
    .map((s) => ({ s, score: s.score + yearAdjustment(s, scope) }))
    .sort((a, b) => b.score - a.score || a.s.passageRank - b.s.passageRank || a.s.start - b.s.start)
    .map(({ s }) => s);
}
