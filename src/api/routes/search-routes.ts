// Search and ask: the same use cases as the CLI, with the search stage's own schemas. The explorer's
// scope (docs, region) narrows results to a set of documents after the search: the widest result
// list is searched and filtered, so a scoped search sees at most MAX_K candidates.
import { answerQuestion, askRequestSchema, askResponseSchema, MAX_K, NOTHING_FOUND, searchPassages, searchRequestSchema, searchResponseSchema } from '../../search/index.js';
import { defineRoute } from '../route.js';
import { scopeDocIds, scopeQuerySchema } from './document-scope.js';

export const searchRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/search',
    tag: 'search',
    summary: 'Hybrid search: BM25 over jieba tokens, embeddings and graph expansion, fused by reciprocal rank fusion',
    query: searchRequestSchema.extend(scopeQuerySchema.shape),
    response: searchResponseSchema,
    errors: [503],
    handler: async ({ query }, { services }) => {
      const { docs: _docs, region: _region, ...request } = query;
      const docIds = await scopeDocIds(services, query);
      if (!docIds) return searchPassages(services, request);
      const wide = await searchPassages(services, { ...request, k: MAX_K });
      const results = wide.results.filter((r) => docIds.includes(r.passage.docId)).slice(0, request.k).map((r, i) => ({ ...r, rank: i + 1 }));
      return { ...wide, k: request.k, results };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/ask',
    tag: 'search',
    summary: 'Answer a question from target facts, the graph or the best passage, with citations',
    query: askRequestSchema.extend(scopeQuerySchema.shape),
    response: askResponseSchema,
    errors: [503],
    handler: async ({ query }, { services }) => {
      const answer = await answerQuestion(services, query.q);
      const docIds = await scopeDocIds(services, query);
      if (!docIds || answer.citations.every((c) => docIds.includes(c.docId))) return answer;
      // An answer that rests on documents outside the scope is not an answer within it.
      return { ...answer, kind: 'none' as const, answer: NOTHING_FOUND, span: undefined, confidence: 0, citations: [], targets: [], items: [] };
    },
  }),
];
