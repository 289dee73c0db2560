// The search and ask acceptance suite, run against every store: ingests the seed article with the
// hashing fallback embedder (no model here), then checks the question set's scores, every target
// answer and its citation, hostile queries, validation, "nothing found", and the response shapes.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../src/embed/index.js';
import { AppError } from '../../src/errors.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { answerQuestion, askResponseSchema, NOTHING_FOUND, SEARCH_MODES, searchPassages, searchResponseSchema, type SearchDeps } from '../../src/search/index.js';
import { evaluateQuestions, parseQuestionsJsonl, scoresBy, type EvalScores, type QuestionOutcome } from '../../src/search/evaluate-questions.js';
import { getSegmenter } from '../../src/segment/index.js';
import type { GraphStore } from '../../src/store/port.js';
import { migrateForTests } from '../support/migrate-for-tests.js';

const SEED_PATHS = ['../../seeds/2021-tongzhou-district-plan-article.txt', '../../../shared/corpus/2021-tongzhou-district-plan-article.txt'];
const QUESTIONS = parseQuestionsJsonl(readFileSync(new URL('../fixtures/seed-questions.jsonl', import.meta.url), 'utf8'));

export function seedText(): string {
  for (const p of SEED_PATHS) {
    const url = new URL(p, import.meta.url);
    if (existsSync(url)) return readFileSync(url, 'utf8');
  }
  throw new Error('seed article not found in seeds/ or ../shared/corpus/');
}

/** Queries that must never throw: Lucene and FTS syntax, quotes, backslashes, emoji, control characters, 2000 characters, punctuation. */
export const HOSTILE_QUERIES = [
  'title:(a OR b)~2 AND *',
  '"unclosed quote',
  '"" \\" \\\\ "\\',
  'C:\\path\\to\\file \\',
  '😀🚀 通州 👍🏽',
  '?*~^[]{}()!:+-&&||/',
  'NEAR(a b) AND NOT c OR "d"*',
  '\u0000\u0007\u001b[31m',
  '\uD800 lone surrogate',
  '高新技术企业'.repeat(333) + '企企',
  'x'.repeat(2000),
  '？！。，、；：“”‘’（）《》【】…—',
  '...',
  "') DETACH DELETE n //",
  '%27%20OR%201=1',
];

export function describeSearchAcceptance(name: string, openStore: () => Promise<GraphStore & { resetForTests?: () => Promise<void> }>): void {
  describe(`search and ask on the seed article (${name})`, () => {
    let store: GraphStore;
    let deps: SearchDeps;
    let scores: EvalScores[];
    let outcomes: QuestionOutcome[];

    beforeAll(async () => {
      const opened = await openStore();
      store = opened;
      await opened.resetForTests?.();
      const segmenter = getSegmenter();
      const embedder = createHashingEmbedder({ tokenize: (text) => segmenter.searchTokens(text) });
      await migrateForTests(store, embedder.dimension);
      deps = { store, segmenter, embedder, embedderInfo: { name: embedder.name, dimension: embedder.dimension, fallback: true } };
      const seed = { title: '切实扛起建设硬核区的使命担当', text: seedText(), source: 'seeds/2021-tongzhou-district-plan-article.txt' };
      await ingestDocument(seed, { store, segmenter, embedder });
      ({ scores, outcomes } = await evaluateQuestions(deps, QUESTIONS, { k: 10 }));
    }, 300_000);

    afterAll(async () => {
      await store?.close();
    });

    const score = (system: string) => scores.find((s) => s.system === system)!;

    it('the question set has at least 20 questions of every kind', () => {
      const kinds = new Map<string, number>();
      for (const q of QUESTIONS) kinds.set(q.kind ?? 'other', (kinds.get(q.kind ?? 'other') ?? 0) + 1);
      for (const kind of ['targets', 'parks', 'industries', 'policies', 'relations']) expect(kinds.get(kind), kind).toBeGreaterThanOrEqual(20);
    });

    it('hybrid finds the answer in the top 5 for at least 90% of the questions', () => {
      expect(score('hybrid').hit5).toBeGreaterThanOrEqual(0.9);
    });

    // On this one document full-text alone nearly reaches the ceiling (MRR ≈ 0.98), so hybrid must not
    // lose answers here; that it ranks better is checked over eight documents in corpus-evaluation.test.ts.
    it('hybrid finds in its top 5 at least as many answers as each single channel', () => {
      for (const single of ['fulltext', 'vector']) {
        expect(score('hybrid').hit5, `hybrid ${JSON.stringify(score('hybrid'))} vs ${JSON.stringify(score(single))}`).toBeGreaterThanOrEqual(score(single).hit5);
      }
    });

    it('hybrid beats each single channel on MRR for the questions worded as the text words them', () => {
      const verbatim = scoresBy(outcomes, (q) => q.wording).get('verbatim')!;
      const of = (system: string) => verbatim.find((s) => s.system === system)!;
      for (const single of ['fulltext', 'vector']) expect(of('hybrid').mrr, single).toBeGreaterThan(of(single).mrr);
    });

    it('answers every target question with the right number and cites the sentence that states it', () => {
      const targets = outcomes.filter((o) => o.question.kind === 'targets');
      expect(targets.length).toBeGreaterThanOrEqual(20);
      for (const { question, ask } of targets) {
        expect(ask.kind, question.question).toBe('number');
        expect(ask.answer, question.question).toContain(question.answer);
        expect(ask.targets?.length, question.question).toBeGreaterThan(0);
        expect(
          ask.citations.some((c) => c.quote.includes(question.quote!)),
          `${question.question}: ${JSON.stringify(ask.citations.map((c) => c.quote))}`,
        ).toBe(true);
      }
    });

    it('quotes every citation verbatim at its document offsets', async () => {
      const citations = outcomes.flatMap((o) => o.ask.citations);
      expect(citations.length).toBeGreaterThan(100);
      const passages = new Map((await store.getPassages([...new Set(citations.map((c) => c.passageId))])).map((h) => [h.passage.id, h.passage]));
      for (const c of citations) {
        const p = passages.get(c.passageId)!;
        expect(p.text.slice(c.start - p.start, c.end - p.start)).toBe(c.quote);
        expect(c.docTitle).toBe('切实扛起建设硬核区的使命担当');
      }
    });

    it('answers a list question from the graph, each item with its evidence', async () => {
      const ask = await answerQuestion(deps, '新一代信息技术产业向哪些领域拓展？');
      expect(ask.kind).toBe('list');
      expect(ask.items?.map((i) => i.entity.name)).toEqual(expect.arrayContaining(['集成电路零部件产业', '半导体光电产业']));
      for (const item of ask.items!) expect(item.citations.length, item.entity.name).toBeGreaterThan(0);
    });

    it('lists every park for a bare "which parks" question', async () => {
      const ask = await answerQuestion(deps, '通州区有哪些园区？');
      expect(ask.kind).toBe('list');
      // A park may be named officially (南通高新技术产业开发区) with the text's short form as an alias.
      const named = await Promise.all((ask.items ?? []).map(async (i) => [i.entity.name, ...((await store.getEntity(i.entity.id))?.aliases ?? [])]));
      for (const park of ['南通高新区', '海智汇园', '江海圆梦谷', '金沙湾新区']) expect(named.some((names) => names.includes(park)), park).toBe(true);
    });

    it('says it found nothing, without citations, when nothing relevant is in the store', async () => {
      for (const q of ['火星上的天气怎么样？', '量子计算机的冷却温度是多少？', 'What is the capital of France?']) {
        const ask = await answerQuestion(deps, q);
        expect(ask.kind, q).toBe('none');
        expect(ask.answer).toBe(NOTHING_FOUND);
        expect(ask.citations).toEqual([]);
        expect(ask.confidence).toBeLessThan(0.35);
      }
    });

    it.each(HOSTILE_QUERIES.map((q) => [q.length > 40 ? `${q.slice(0, 40)}… (${q.length})` : q, q]))(
      'never throws on the hostile query %j, in any mode or in ask',
      async (_label, q) => {
        for (const mode of SEARCH_MODES) {
          const response = await searchPassages(deps, { q, k: 5, mode });
          expect(searchResponseSchema.safeParse(response).success).toBe(true);
        }
        const ask = await answerQuestion(deps, q);
        expect(askResponseSchema.safeParse(ask).success).toBe(true);
      },
    );

    it('rejects an empty or over-long query with a validation error naming q', async () => {
      for (const q of ['', '   ', 'x'.repeat(2001)]) {
        for (const call of [() => searchPassages(deps, { q }), () => answerQuestion(deps, q)]) {
          const error = await call().catch((e: unknown) => e);
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('VALIDATION_FAILED');
          expect((error as AppError).fields?.[0]?.path).toBe('q');
        }
      }
    });

    it('returns the documented search response: channels, entities, highlights and the embedder', async () => {
      const response = await searchPassages(deps, { q: '南通高新区 高新技术企业', k: 5 });
      expect(searchResponseSchema.parse(response)).toEqual(response);
      expect(response.embedder).toEqual({ name: deps.embedderInfo.name, fallback: true });
      const park = response.queryEntities.find((e) => e.type === 'Park')!;
      expect([park.name, ...((await store.getEntity(park.id))?.aliases ?? [])]).toContain('南通高新区');
      const top = response.results[0]!;
      expect(Object.keys(top.channels).length).toBeGreaterThan(1);
      expect(response.results.some((r) => r.entities.some((e) => e.id === park.id))).toBe(true);
      for (const r of response.results) {
        for (const h of r.highlights) {
          const text = r.passage.text.slice(h.start, h.end).toLowerCase();
          expect(response.tokens.some((t) => text.includes(t)), text).toBe(true);
        }
      }
    });

    it('runs each mode with only its own channels', async () => {
      for (const mode of ['fulltext', 'vector'] as const) {
        const response = await searchPassages(deps, { q: '集成电路零部件', k: 3, mode });
        expect(response.results.length).toBeGreaterThan(0);
        for (const r of response.results) expect(Object.keys(r.channels)).toEqual([mode]);
      }
    });
  });
}
