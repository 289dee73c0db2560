// Retrieval and answer quality over a question set: hit@1, hit@5 and MRR for each search mode and for
// ask. A search hit is a returned passage containing the expected answer; an ask hit is the answer
// text or a citation containing it (rank 1 = the answer text or the first citation).
import { z } from 'zod';
import { answerQuestion } from './answer-question.js';
import { searchPassages } from './search-passages.js';
import { SEARCH_MODES, type AskResponse, type SearchMode } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';

export const evalQuestionSchema = z.object({
  question: z.string().min(1),
  answer: z.string().min(1),
  /** Free label for per-kind breakdowns (targets, parks, industries, policies, relations). */
  kind: z.string().optional(),
  /** Whether the question reuses the text's words or says it in a user's own words. */
  wording: z.enum(['verbatim', 'paraphrase']).optional(),
  /** For target questions: the source text a citation must contain. */
  quote: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export type EvalSystem = SearchMode | 'ask';
export const EVAL_SYSTEMS: readonly EvalSystem[] = [...SEARCH_MODES, 'ask'];

export interface EvalScores {
  system: EvalSystem;
  questions: number;
  hit1: number;
  hit5: number;
  mrr: number;
}

export interface QuestionOutcome {
  question: EvalQuestion;
  /** 1-based rank of the first hit per system, undefined when none of the top k hit. */
  ranks: Partial<Record<EvalSystem, number>>;
  ask: AskResponse;
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

/** Matching ignores whitespace, so a line break inside a passage does not hide an answer. */
export function contains(text: string, answer: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return squash(text).includes(squash(answer));
}

/** What ask returns, in rank order: the answer text with the first citation, then each further citation. */
export function askCandidates(response: AskResponse): string[] {
  const [first, ...rest] = response.citations;
  return [`${response.answer}\n${first?.quote ?? ''}`, ...rest.map((c) => c.quote)];
}

export function firstHit(candidates: readonly string[], answer: string): number | undefined {
  const i = candidates.findIndex((c) => contains(c, answer));
  return i < 0 ? undefined : i + 1;
}

export function scoreRanks(system: EvalSystem, ranks: ReadonlyArray<number | undefined>): EvalScores {
  const n = ranks.length || 1;
  return {
    system,
    questions: ranks.length,
    hit1: ranks.filter((r) => r === 1).length / n,
    hit5: ranks.filter((r) => r !== undefined && r <= 5).length / n,
    mrr: ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / n,
  };
}

export async function evaluateQuestions(
  deps: SearchDeps,
  questions: readonly EvalQuestion[],
  opts: { k?: number } = {},
): Promise<{ scores: EvalScores[]; outcomes: QuestionOutcome[] }> {
  const k = opts.k ?? 10;
  const outcomes: QuestionOutcome[] = [];
  for (const question of questions) {
    const ranks: QuestionOutcome['ranks'] = {};
    for (const mode of SEARCH_MODES) {
      const response = await searchPassages(deps, { q: question.question, k, mode });
      const rank = firstHit(response.results.map((r) => r.passage.text), question.answer);
      if (rank !== undefined) ranks[mode] = rank;
    }
    const ask = await answerQuestion(deps, question.question);
    const rank = firstHit(askCandidates(ask), question.answer);
    if (rank !== undefined) ranks.ask = rank;
    outcomes.push({ question, ranks, ask });
  }
  const scores = EVAL_SYSTEMS.map((system) => scoreRanks(system, outcomes.map((o) => o.ranks[system])));
  return { scores, outcomes };
}

/** Scores per group of questions, e.g. by kind (questions without the label count as "other"). */
export function scoresBy(outcomes: readonly QuestionOutcome[], label: (q: EvalQuestion) => string | undefined): Map<string, EvalScores[]> {
  const groups = new Map<string, QuestionOutcome[]>();
  for (const o of outcomes) {
    const key = label(o.question) ?? 'other';
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return new Map(
    [...groups].map(([key, list]) => [key, EVAL_SYSTEMS.map((system) => scoreRanks(system, list.map((o) => o.ranks[system])))]),
  );
}
