// Retrieval and answer quality over a question set: hit@1, hit@5 and MRR for each search mode, for ask
// and for a naive BM25 baseline, and ask-exact (the answer span itself is right). A search hit is a
// returned passage of the expected document containing the expected answer (and the quote, when the
// question gives one); an ask hit is the answer text or a citation containing it (rank 1 = the answer
// text with the first citation).
import { z } from 'zod';
import { answerQuestion } from './answer-question.js';
import type { Bm25Baseline } from './bm25-baseline.js';
import { searchPassages } from './search-passages.js';
import { SEARCH_MODES, type AskResponse, type SearchMode } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';

export const evalQuestionSchema = z.object({
  question: z.string().min(1),
  answer: z.string().min(1),
  /** Free label for per-kind breakdowns (number, list, organisation, explanation; the seed set uses its own). */
  kind: z.string().optional(),
  /** Whether the question reuses the text's words or says it in a user's own words. */
  wording: z.enum(['verbatim', 'paraphrase']).optional(),
  /** The source text that states the answer: a hit must contain it (tells apart two sentences with the same number). */
  quote: z.string().optional(),
  /** The document (file name) that answers it: a hit from another document is no hit. */
  doc: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export type EvalSystem = SearchMode | 'ask' | 'bm25';
export const EVAL_SYSTEMS: readonly EvalSystem[] = [...SEARCH_MODES, 'ask', 'bm25'];

export interface EvalScores {
  system: EvalSystem;
  questions: number;
  hit1: number;
  hit5: number;
  mrr: number;
  /** Ask only: share of questions whose answer span itself is right. */
  exact?: number;
}

export interface QuestionOutcome {
  question: EvalQuestion;
  /** 1-based rank of the first hit per system, undefined when none of the top k hit. */
  ranks: Partial<Record<EvalSystem, number>>;
  /** Whether ask's answer span is right (see askExact). */
  exact: boolean;
  ask: AskResponse;
}

export interface EvalOptions {
  k?: number;
  /** The document key (file name) of a stored document id; without it documents are not checked. */
  docKeyOf?: (docId: string) => string | undefined;
  /** Scored beside the system on the same questions when given. */
  baseline?: Bm25Baseline;
}

/** One question per non-empty line; a bad line is an error naming its line number. */
export function parseQuestionsJsonl(text: string): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`line ${i + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = evalQuestionSchema.safeParse(json);
    if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; ')}`);
    out.push(parsed.data);
  });
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Matching ignores whitespace, so a line break inside a passage does not hide an answer. */
export function contains(text: string, answer: string): boolean {
  return squash(text).includes(squash(answer));
}

/** A retrieved text with the document it comes from (undefined when unknown). */
export interface Candidate {
  text: string;
  doc?: string;
}

/** Whether a candidate answers the question: the answer (and quote) in it, from the expected document. */
export function answers(candidate: Candidate, q: Pick<EvalQuestion, 'answer' | 'quote' | 'doc'>): boolean {
  if (q.doc && candidate.doc !== undefined && candidate.doc !== q.doc) return false;
  return contains(candidate.text, q.answer) && (!q.quote || contains(candidate.text, q.quote));
}

/** What ask returns, in rank order: the answer text with the first citation, then each further citation. */
export function askCandidates(response: AskResponse, docKeyOf?: (docId: string) => string | undefined): Candidate[] {
  const doc = (id: string | undefined) => (id && docKeyOf ? docKeyOf(id) : undefined);
  const [first, ...rest] = response.citations;
  // The quote must be in the cited sentence, not only in the answer's restatement.
  const head = { text: `${response.answer}\n${first?.quote ?? ''}`, doc: doc(first?.docId) };
  return [head, ...rest.map((c) => ({ text: c.quote, doc: doc(c.docId) }))];
}

export function firstHit(candidates: ReadonlyArray<string | Candidate>, q: string | Pick<EvalQuestion, 'answer' | 'quote' | 'doc'>): number | undefined {
  const question = typeof q === 'string' ? { answer: q } : q;
  const i = candidates.findIndex((c) => answers(typeof c === 'string' ? { text: c } : c, question));
  return i < 0 ? undefined : i + 1;
}

/** How long an exact answer span may be: a short phrase, not a paragraph that happens to contain it. */
export function exactSpanLimit(answer: string): number {
  return Math.max(24, 3 * squash(answer).length);
}

/**
 * Ask is exact when its answer span (the span it reports, else the answer text) contains the expected
 * answer and is short, and its first citation comes from the expected document and holds the quote.
 */
export function askExact(response: AskResponse, q: EvalQuestion, docKeyOf?: (docId: string) => string | undefined): boolean {
  if (response.kind === 'none') return false;
  const span = response.span ?? response.answer;
  if (!contains(span, q.answer) || squash(span).length > exactSpanLimit(q.answer)) return false;
  const first = response.citations[0];
  if (!first) return false;
  if (q.doc && docKeyOf && docKeyOf(first.docId) !== q.doc) return false;
  return !q.quote || contains(first.quote, q.quote);
}

export function scoreRanks(system: EvalSystem, ranks: ReadonlyArray<number | undefined>, exact?: readonly boolean[]): EvalScores {
  const n = ranks.length || 1;
  return {
    system,
    questions: ranks.length,
    hit1: ranks.filter((r) => r === 1).length / n,
    hit5: ranks.filter((r) => r !== undefined && r <= 5).length / n,
    mrr: ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / n,
    ...(exact ? { exact: exact.filter(Boolean).length / n } : {}),
  };
}

function scoreOutcomes(outcomes: readonly QuestionOutcome[], systems: readonly EvalSystem[]): EvalScores[] {
  return systems.map((system) =>
    scoreRanks(
      system,
      outcomes.map((o) => o.ranks[system]),
      system === 'ask' ? outcomes.map((o) => o.exact) : undefined,
    ),
  );
}

export async function evaluateQuestions(
  deps: SearchDeps,
  questions: readonly EvalQuestion[],
  opts: EvalOptions = {},
): Promise<{ scores: EvalScores[]; outcomes: QuestionOutcome[]; systems: EvalSystem[] }> {
  const k = opts.k ?? 10;
  const docKey = (id: string) => opts.docKeyOf?.(id);
  const systems = EVAL_SYSTEMS.filter((s) => s !== 'bm25' || opts.baseline);
  const outcomes: QuestionOutcome[] = [];
  for (const question of questions) {
    const ranks: QuestionOutcome['ranks'] = {};
    for (const mode of SEARCH_MODES) {
      const response = await searchPassages(deps, { q: question.question, k, mode });
      const rank = firstHit(response.results.map((r) => ({ text: r.passage.text, doc: docKey(r.passage.docId) })), question);
      if (rank !== undefined) ranks[mode] = rank;
    }
    const ask = await answerQuestion(deps, question.question);
    const rank = firstHit(askCandidates(ask, opts.docKeyOf), question);
    if (rank !== undefined) ranks.ask = rank;
    if (opts.baseline) {
      const base = firstHit(opts.baseline.search(question.question, k).map((p) => ({ text: p.text, doc: p.doc })), question);
      if (base !== undefined) ranks.bm25 = base;
    }
    outcomes.push({ question, ranks, exact: askExact(ask, question, opts.docKeyOf), ask });
  }
  return { scores: scoreOutcomes(outcomes, systems), outcomes, systems };
}

/** Scores per group of questions, e.g. by kind (questions without the label count as "other"). */
export function scoresBy(
  outcomes: readonly QuestionOutcome[],
  label: (q: EvalQuestion) => string | undefined,
  systems: readonly EvalSystem[] = EVAL_SYSTEMS,
): Map<string, EvalScores[]> {
  const groups = new Map<string, QuestionOutcome[]>();
  for (const o of outcomes) {
    const key = label(o.question) ?? 'other';
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return new Map([...groups].map(([key, list]) => [key, scoreOutcomes(list, systems)]));
}
