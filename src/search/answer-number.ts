// Number answers come from Target facts: candidates by the question's metric words (and the entities
// it names), ranked by match strength; the answer states the best target(s) as a sentence and cites
// the clause that states each one.
import type { Target } from '../model/index.js';
import type { AnswerDraft } from './answer-draft.js';
import { targetValueSpan } from './answer-span.js';
import { citeEach, dedupeCitations } from './cite-evidence.js';
import { findTargets } from './find-targets.js';
import type { TargetFact } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';
import { formatValue, stateTarget } from './state-target.js';
import type { QuestionAnalysis } from './understand-question.js';

/** Other targets are stated too when they score nearly as well ("A和B分别是多少"). */
const RUNNER_UP_SHARE = 0.85;
const MAX_TARGETS = 3;

export function targetFact(t: Target): TargetFact {
  return {
    id: t.id,
    metric: t.metric,
    value: t.value,
    ...(t.valueMax !== undefined ? { valueMax: t.valueMax } : {}),
    unit: t.unit,
    comparator: t.comparator,
    ...(t.year !== undefined ? { year: t.year } : {}),
    ...(t.period ? { period: t.period } : {}),
    statement: stateTarget(t),
  };
}

/** The best target's number as its quote writes it ("5%左右"), else as the fact states it. */
function valueAsWritten(t: Target): string {
  const at = targetValueSpan(t.quote, t.value);
  return at ? t.quote.slice(at.start, at.end) : `${formatValue(t.value)}${t.unit}`;
}

export async function answerNumber(deps: Pick<SearchDeps, 'store'>, question: string, analysis: QuestionAnalysis): Promise<AnswerDraft | undefined> {
  const ranked = await findTargets(deps, question, analysis);
  const best = ranked[0];
  if (!best) return undefined;
  const chosen = ranked
    .filter((m) => m.strength >= best.strength * RUNNER_UP_SHARE)
    .slice(0, MAX_TARGETS)
    // the best first (its sentence is the first citation), the others in the order the text states them
    .sort((a, b) => Number(b === best) - Number(a === best) || a.target.evidence.docId.localeCompare(b.target.evidence.docId) || a.target.evidence.start - b.target.evidence.start);
  const cited = await citeEach(
    deps.store,
    chosen.map(({ target: t }) => ({ docId: t.evidence.docId, passageId: t.evidence.passageId, start: t.evidence.start, end: t.evidence.end, quote: t.quote })),
    { widen: true },
  );
  // A number is only stated with the sentence that states it.
  const stated = chosen.flatMap((m, i) => (cited[i] ? [{ match: m, citation: cited[i] }] : []));
  if (!stated.length) return undefined;
  const citations = dedupeCitations(stated.map((s) => s.citation));
  const targets = stated.map((s) => targetFact(s.match.target));
  return {
    kind: 'number',
    answer: targets.map((t) => t.statement).join('；'),
    span: valueAsWritten(best.target),
    confidence: best.score,
    citations,
    targets,
  };
}
