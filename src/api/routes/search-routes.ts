// Search and ask: the same use cases as the CLI, with the search stage's own schemas.
import { answerQuestion, askRequestSchema, askResponseSchema, searchPassages, searchRequestSchema, searchResponseSchema } from '../../search/index.js';
import { defineRoute } from '../route.js';

export const searchRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/search',
    tag: 'search',
    summary: 'Hybrid search: BM25 over jieba tokens, embeddings and graph expansion, fused by reciprocal rank fusion',
    query: searchRequestSchema,
    response: searchResponseSchema,
    errors: [503],
    handler: async ({ query }, { services }) => searchPassages(services, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ask',
    tag: 'search',
    summary: 'Answer a question from target facts, the graph or the best passage, with citations',
    query: askRequestSchema,
    response: askResponseSchema,
    errors: [503],
    handler: async ({ query }, { services }) => answerQuestion(services, query.q),
  }),
];
