// How a passage fits the year a question asks about (2026, or 今年 = its document's year): +1 when
// its heading or text names that year (or the text says 今年), -1 when its heading names only other
// years (last year's review), 0 otherwise. Shared by passage ranking and sentence ranking.
import type { Passage } from '../model/index.js';
import { askedYears, type ResolvedScope } from './question-scope.js';

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

export function yearFit(passage: Pick<Passage, 'docId' | 'heading'>, text: string, scope: ResolvedScope): -1 | 0 | 1 {
  const years = askedYears(scope, passage.docId).map(String);
  if (!years.length) return 0;
  if (years.some((y) => text.includes(y) || passage.heading.includes(y)) || (scope.relativeYear && text.includes(scope.relativeYear.word))) return 1;
  const named = passage.heading.match(YEAR) ?? [];
  return named.length && !named.some((y) => years.includes(y)) ? -1 : 0;
}
