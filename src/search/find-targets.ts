// Target facts a question (or query) is about: candidates from the store by its metric words (with
// everyday synonyms) and by the specific entities it names, ranked by match strength. Shared by
// number answers and the graph channel.
import type { Target } from '../model/index.js';
import { expandMetricWords, rankTargets, type TargetMatch } from './match-targets.js';
import { codePointLength } from './query-tokens.js';
import { passageFit } from './question-scope.js';
import { loadScopeRules } from './scope-rules.js';
import type { TargetsForAnyQuery } from '../store/port.js';
import type { SearchDeps } from './search-deps.js';
import type { QuestionAnalysis } from './understand-question.js';

/** Below this a target does not answer the question. */
export const TARGET_MIN_SCORE = 0.5;
const MAX_LOOKUPS = 12;
const PER_LOOKUP = 50;

/** The store look-ups for a question's candidate targets, or undefined when it names no metric and no specific entity. */
export function targetLookups(question: string, analysis: QuestionAnalysis): TargetsForAnyQuery | undefined {
  if (!analysis.metricWords.length && !analysis.entities.some((e) => e.type !== 'Region')) return undefined;
  const words = expandMetricWords(analysis.metricWords, question)
    .filter((w) => codePointLength(w) >= 2)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_LOOKUPS);
  const specific = analysis.entities.filter((e) => e.type !== 'Region');
  return { metrics: words, entityIds: specific.map((e) => e.id), perLookup: PER_LOOKUP };
}

/** Of the candidates the look-ups found, those in scope scoring at least TARGET_MIN_SCORE, best first. */
export function rankFoundTargets(found: readonly Target[], question: string, analysis: QuestionAnalysis): TargetMatch[] {
  const scope = analysis.docScope;
  const inScope = (t: Target) => !scope || passageFit(scope, t.evidence.docId, t.quote, loadScopeRules()) !== 'out';
  return rankTargets(found.filter(inScope), question, analysis).filter((m) => m.score >= TARGET_MIN_SCORE);
}

/** Targets scoring at least TARGET_MIN_SCORE, best first. */
export async function findTargets(deps: Pick<SearchDeps, 'store'>, question: string, analysis: QuestionAnalysis): Promise<TargetMatch[]> {
  const lookups = targetLookups(question, analysis);
  if (!lookups) return [];
  // One round trip for every look-up (each still capped at PER_LOOKUP).
  return rankFoundTargets(await deps.store.targetsForAny(lookups), question, analysis);
}
