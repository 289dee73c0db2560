// How a passage fits the year a question asks about (2026, or 今年 = its document's year): +1 when
// its heading or text names that year (or the text says 今年), -1 when its heading names only other
// years (last year's review) or its document is too old or too new to speak of the year stated, 0
// otherwise. Shared by passage ranking and sentence ranking.
import type { Passage } from '../model/index.js';
import { askedYears, type ResolvedScope } from './question-scope.js';

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

export function yearFit(passage: Pick<Passage, 'docId' | 'heading'>, text: string, scope: ResolvedScope): -1 | 0 | 1 {
  const years = askedYears(scope, passage.docId).map(String);
  if (!years.length) return 0;
  if (years.some((y) => text.includes(y) || passage.heading.includes(y)) || (scope.relativeYear && text.includes(scope.relativeYear.word))) return 1;
  const named = passage.heading.match(YEAR) ?? [];
  if (named.length && !named.some((y) => years.includes(y))) return -1;
  return outOfReach(scope.documents.get(passage.docId)?.year, scope.years) ? -1 : 0;
}

/** A document speaks of the years from a few before it was issued to its longest plan horizon after. */
const LOOKS_BACK = 5;
const LOOKS_AHEAD = 15;

/** Whether every stated year lies outside what a document of `year` speaks of (a 2001 plan asked about 2022). */
function outOfReach(year: number | undefined, stated: readonly number[]): boolean {
  return year !== undefined && stated.length > 0 && stated.every((y) => y < year - LOOKS_BACK || y > year + LOOKS_AHEAD);
}
