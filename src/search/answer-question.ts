// answerQuestion: the ask use case shared by the HTTP API and the CLI. Understands the question, then
// answers a number from Target facts, a list from the graph, otherwise the best sentence of the best
// passages — each with citations and a confidence. Below the threshold it says it found nothing
// rather than returning a random passage.
import { validate } from '../errors.js';
import { moduleLogger } from '../log.js';
import type { AnswerDraft } from './answer-draft.js';
import { answerExplanation } from './answer-explanation.js';
import { answerList } from './answer-list.js';
import { answerNumber } from './answer-number.js';
import { answerOrganisation } from './answer-organisation.js';
import { amountUnit, amountValue } from './answer-span.js';
import { coverageOf, termWeights } from './best-sentences.js';
import { unitFit } from './match-targets.js';
import { queryTokens } from './query-tokens.js';
import { entityRef, recogniseQueryEntities } from './recognise-query-entities.js';
import { retrievePassages, type Retrieval } from './retrieve-passages.js';
import { describeScope, scopeConfidence, scopeForQuery } from './scope-for-query.js';
import { askRequestSchema, type AskResponse } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';
import { understandQuestion, type QuestionAnalysis } from './understand-question.js';

const log = moduleLogger('ask');

/** Answers below this confidence become kind 'none'. */
export const ANSWER_MIN_CONFIDENCE = 0.35;
export const NOTHING_FOUND = '没有找到相关内容';
/** A Target match this strong is answered without reading the passages. */
const TARGET_SURE = 0.8;
/** Passages read for an explanation. */
const RETRIEVE_K = 10;

export function parseAskRequest(input: unknown): string {
  return validate(askRequestSchema, input).q;
}

/** A typed Target fact is the cleaner answer: a sentence must be clearly more certain to replace it. */
const TARGET_MARGIN = 0.05;

/**
 * A Target's sentence is held to the yardstick of the best sentence: when the sentence stating the best
 * sentence's amount covers this much more of the question than the Target's own sentence, the Target
 * matched on the topic (工业互联网) rather than on what is counted (技术人才).
 */
const COVERAGE_EDGE = 0.3;

export function better(a: AnswerDraft | undefined, b: AnswerDraft | undefined, retrieval?: Retrieval, question = ''): AnswerDraft | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.targets?.length && sameAmount(a.span, b.span)) return a;
  // a count of platforms (家) does not answer "最高奖补多少" when the sentence states an amount in 元
  const fit = (span: string | undefined) => (span === undefined ? 0 : unitFit(amountUnit(span), question));
  if (a.targets?.length && b.kind === 'number' && fit(a.span) < 0 && fit(b.span) > 0) return b;
  if (a.targets?.length && b.kind === 'number' && retrieval) {
    const weights = termWeights(retrieval.tokens.groups, retrieval.ranked.map((r) => r.item.passage.text));
    const quoteCoverage = Math.max(...a.citations.map((c) => coverageOf(c.quote, weights)));
    if (coverageOf(b.citations[0]!.quote, weights) > quoteCoverage + COVERAGE_EDGE) return b;
  }
  return b.confidence > a.confidence + (a.targets?.length ? TARGET_MARGIN : 0) ? b : a;
}

/** Whether two answer spans state the same amount ("80%以上" and "80%"; not "100家" and "100万元"). */
export function sameAmount(x: string | undefined, y: string | undefined): boolean {
  if (x === undefined || y === undefined) return false;
  const unit = (t: string) => amountUnit(t).replace(/(?:左右|以上|以内|以下|上下)$/, '');
  const a = amountValue(x);
  return a !== undefined && a === amountValue(y) && unit(x) === unit(y);
}

/** `question` is the question text, or a request object `{q}` as the API receives it. */
export async function answerQuestion(deps: SearchDeps, question: string | { q: unknown }): Promise<AskResponse> {
  const started = performance.now();
  const q = parseAskRequest(typeof question === 'string' ? { q: question } : question);
  const tokens = queryTokens(deps.segmenter, q);
  const [entities, scope] = await Promise.all([recogniseQueryEntities(deps, q, tokens.terms), scopeForQuery(deps, q)]);
  const analysis: QuestionAnalysis = { ...understandQuestion(q, tokens.terms, entities), docScope: scope };

  let retrieval: Promise<Retrieval> | undefined;
  const retrieve = () => (retrieval ??= retrievePassages(deps, q, 'hybrid', RETRIEVE_K, { tokens, entities, scope }));

  let draft: AnswerDraft | undefined;
  if (analysis.type === 'number') draft = await answerNumber(deps, q, analysis);
  else if (analysis.type === 'list') draft = await answerList(deps, analysis, entities, retrieve);
  else if (analysis.type === 'organisation') draft = answerOrganisation(await retrieve(), q);
  // An uncertain Target match is checked against the best sentence (a count of platforms does not
  // answer "最高奖补多少"; the sentence stating the subsidy does).
  if (!draft || draft.confidence < ANSWER_MIN_CONFIDENCE || (draft.targets?.length && draft.confidence < TARGET_SURE)) {
    const read = await retrieve();
    draft = better(draft, answerExplanation(read, { question: q, type: analysis.type, tag: (text) => deps.segmenter.tag(text) }), read, q);
  }

  // An answer from a document whose region is unknown (or larger than asked) is less certain.
  if (draft) draft = { ...draft, confidence: draft.confidence * scopeConfidence(scope, draft.citations[0]?.docId) };
  const { relations: _relations, period: _period, docScope: _scope, ...understanding } = analysis;
  const base = {
    question: q,
    understanding: { ...understanding, entities: entities.map(entityRef), scope: describeScope(scope) },
    embedder: { name: deps.embedderInfo.name, fallback: deps.embedderInfo.fallback },
  };
  const tookMs = performance.now() - started;
  const found = draft && draft.confidence >= ANSWER_MIN_CONFIDENCE ? draft : undefined;
  log.debug({ type: analysis.type, kind: found?.kind ?? 'none', confidence: round(draft?.confidence ?? 0), citations: found?.citations.length ?? 0, ms: Math.round(tookMs) }, 'ask');
  if (!found) return { ...base, kind: 'none', answer: NOTHING_FOUND, confidence: round(draft?.confidence ?? 0), citations: [], tookMs };
  return { ...base, ...found, confidence: round(found.confidence), tookMs };
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
