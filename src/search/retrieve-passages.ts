// Retrieval shared by search and ask: the query's tokens and entities, each channel's ranked passages,
// and their fusion. Channels run concurrently; a mode only runs the channels it needs. Hybrid fuses
// full-text, vector and graph with one more list over their union — passages ranked by their best
// sentence's share of the query (term proximity, which neither BM25 nor a passage vector sees).
import type { PassageHit } from '../store/port.js';
import { rankBySentenceCoverage } from './best-sentences.js';
import { graphPassages } from './graph-channel.js';
import { cachePerOwner } from './lru-cache.js';
import { queryTokens, STOPWORDS, type QueryTokens } from './query-tokens.js';
import { reciprocalRankFusion, type FusedItem } from './reciprocal-rank-fusion.js';
import { recogniseQueryEntities, type RecognisedEntity } from './recognise-query-entities.js';
import type { ResolvedScope } from './question-scope.js';
import { hitsInScope, scopeForQuery, scopeWords, withoutScopeWords } from './scope-for-query.js';
import { yearFit } from './year-fit.js';
import type { Channel, SearchMode } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';
import { understandQuestion } from './understand-question.js';

export interface Retrieval {
  tokens: QueryTokens;
  entities: RecognisedEntity[];
  /** Best first; `ranks` says where each channel ranked the passage. */
  ranked: Array<FusedItem<PassageHit, Channel>>;
  /** The region/year/document scope the query sets; every ranked passage is inside it. */
  scope: ResolvedScope;
}

/** A scope that drops documents leaves fewer candidates per channel: each looks this much deeper. */
const SCOPED_DEPTH_FACTOR = 3;
const YEAR_NUDGE = 0.15;

type Retriever = Exclude<Channel, 'proximity'>;

/** Query vectors per embedder, by the text embedded (a vector depends on nothing stored). */
const queryVectors = cachePerOwner<SearchDeps['embedder'], string, number[]>(1_000);

const RETRIEVERS_OF: Record<SearchMode, Retriever[]> = {
  fulltext: ['fulltext'],
  vector: ['vector'],
  hybrid: ['fulltext', 'vector', 'graph'],
};

/**
 * Each channel's vote in the fusion. The fallback embedder's vectors are hashed tokens and bigrams:
 * a noisier copy of the full-text evidence, so with it the vector channel counts half. Proximity (the
 * best sentence's share of the question, thesaurus wordings included) counts double: a passage stating
 * the answer in one sentence otherwise loses to one that sits mid-list in every other channel.
 */
export function channelWeights(fallbackEmbedder: boolean): Record<Channel, number> {
  return { fulltext: 1, vector: fallbackEmbedder ? 0.5 : 1, graph: 1, proximity: 2 };
}

/**
 * The query without its question words and punctuation ("通州区的GDP目标是多少？" → "通州区 GDP目标"),
 * for the lexical fallback embedder: its character bigrams would otherwise match "是多", "多少" in
 * any passage that asks or counts. A model reads the whole question better, so it gets it whole.
 */
export function informativeText(segmenter: SearchDeps['segmenter'], q: string): string {
  const kept = segmenter
    .tag(q)
    .map((t) => (STOPWORDS.has(t.word.toLowerCase()) || !/[\p{L}\p{N}]/u.test(t.word) ? ' ' : t.word))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return kept || q;
}

/** How deep each channel looks: fusion needs more than k from each to find agreement. */
export function channelDepth(k: number): number {
  return Math.max(30, k * 3);
}

/** `known` passes tokens and entities the caller already has (ask does). */
export async function retrievePassages(
  deps: SearchDeps,
  q: string,
  mode: SearchMode,
  k: number,
  known?: { tokens: QueryTokens; entities: RecognisedEntity[]; scope?: ResolvedScope },
): Promise<Retrieval> {
  const scope = known?.scope ?? (await scopeForQuery(deps, q));
  const queried = known?.tokens ?? queryTokens(deps.segmenter, q);
  const tokens = { ...queried, groups: withoutScopeWords(queried.groups, scopeWords(q, scope)) };
  const excludes = [...scope.documents.values()].some((d) => d.fit !== 'in');
  const depth = channelDepth(k) * (excludes ? SCOPED_DEPTH_FACTOR : 1);
  const retrievers = RETRIEVERS_OF[mode];
  const entitiesPromise = known ? Promise.resolve(known.entities) : recogniseQueryEntities(deps, q, tokens.terms);
  // the thesaurus' wordings widen the query (物价 also finds 居民消费价格)
  const fulltextTokens = tokens.terms.length ? [...tokens.terms, ...tokens.expansions] : [];
  const queryVector = async (): Promise<number[]> => {
    // The lexical fallback also gets the thesaurus' wordings; a model reads the question as asked.
    const text = deps.embedderInfo.fallback ? [informativeText(deps.segmenter, q), ...tokens.expansions].join(' ') : q;
    // Analysts repeat and page through queries: a model's forward pass is the costliest step.
    return queryVectors(deps.embedder).getOrMake(text, async () => (await deps.embedder.embed([text], 'query'))[0] ?? []);
  };
  // With both index channels, one store look-up answers them (one round trip to Neo4j, not two).
  let both: Promise<{ fulltext: PassageHit[]; vector: PassageHit[] }> | undefined;
  const pair = () => (both ??= queryVector().then((vector) => deps.store.textAndVectorPassages(fulltextTokens, vector, depth)));
  const paired = retrievers.includes('fulltext') && retrievers.includes('vector');
  const run = async (channel: Retriever): Promise<PassageHit[]> => {
    switch (channel) {
      case 'fulltext':
        if (paired) return (await pair()).fulltext;
        return fulltextTokens.length ? deps.store.fulltextPassages(fulltextTokens, depth) : [];
      case 'vector': {
        if (paired) return (await pair()).vector;
        const vector = await queryVector();
        return vector.length ? deps.store.vectorPassages(vector, depth) : [];
      }
      case 'graph':
        return graphPassages(deps, q, understandQuestion(q, tokens.terms, await entitiesPromise), depth);
    }
  };
  const [entities, lists] = await Promise.all([entitiesPromise, Promise.all(retrievers.map(async (channel) => hitsInScope(await run(channel), scope)))]);
  const channels: Array<{ channel: Channel; hits: PassageHit[] }> = retrievers.map((channel, i) => ({ channel, hits: lists[i]! }));
  if (mode === 'hybrid') {
    const pool = new Map<string, PassageHit>();
    for (const hit of lists.flat()) if (!pool.has(hit.passage.id)) pool.set(hit.passage.id, hit);
    channels.push({ channel: 'proximity', hits: rankBySentenceCoverage([...pool.values()], tokens.groups) });
  }
  const weights = channelWeights(deps.embedderInfo.fallback);
  const ranked = reciprocalRankFusion(
    channels.map(({ channel, hits }) => ({
      channel,
      weight: weights[channel],
      items: hits.map((hit) => ({ key: hit.passage.id, score: hit.score, item: hit })),
    })),
  );
  // Hybrid leans to the asked year: this year's tasks over last year's review (a 15% nudge of the fused score).
  if (mode === 'hybrid') {
    for (const r of ranked) r.score *= 1 + YEAR_NUDGE * yearFit(r.item.passage, r.item.passage.text, scope);
    ranked.sort((a, b) => b.score - a.score);
  }
  if (retrievers.length === 1) {
    // A single channel keeps its own order and reports its own score.
    const only = retrievers[0]!;
    for (const r of ranked) r.score = r.ranks[only]?.score ?? 0;
  }
  return { tokens, entities, ranked, scope };
}
