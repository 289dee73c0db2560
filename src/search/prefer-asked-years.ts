// Sentences re-ranked by the year the question asks about (2026, or 今年 = the document's year): a
// sentence under a heading or in a passage naming that year moves up; one under a heading naming only
// another year (a review of last year) moves down. "上海要新建多少个…" then finds this year's task,
// not last year's achievement.
import type { ScoredSentence } from './best-sentences.js';
import { askedYears, type ResolvedScope } from './question-scope.js';

const BONUS = 0.1;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

export function yearAdjustment(sentence: ScoredSentence, scope: ResolvedScope): number {
  const years = askedYears(scope, sentence.hit.passage.docId).map(String);
  if (!years.length) return 0;
  const { heading, text } = sentence.hit.passage;
  const own = text.slice(sentence.start, sentence.end);
  if (years.some((y) => own.includes(y) || heading.includes(y)) || (scope.relativeYear && own.includes(scope.relativeYear.word))) return BONUS;
  const named = heading.match(YEAR) ?? [];
  return named.length && !named.some((y) => years.includes(y)) ? -BONUS : 0;
}

export function preferAskedYears(sentences: readonly ScoredSentence[], scope: ResolvedScope): ScoredSentence[] {
  return sentences
    .map((s) => ({ s, score: s.score + yearAdjustment(s, scope) }))
    .sort((a, b) => b.score - a.score || a.s.passageRank - b.s.passageRank || a.s.start - b.s.start)
    .map(({ s }) => s);
}
