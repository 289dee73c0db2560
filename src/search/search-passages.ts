// searchPassages: the search use case shared by the HTTP API and the CLI. Validates the request,
// retrieves by mode (fulltext, vector, or hybrid = both plus graph expansion fused by RRF), and
// returns the top k passages with their channels' ranks, the entities they mention and highlights.
import { validate } from '../errors.js';
import { moduleLogger } from '../log.js';
import { highlightOffsets } from './highlight-offsets.js';
import { passageEntities } from './passage-entities.js';
import { entityRef } from './recognise-query-entities.js';
import { retrievePassages } from './retrieve-passages.js';
import { describeScope } from './scope-for-query.js';
import { searchRequestSchema, type SearchRequest, type SearchRequestInput, type SearchResponse } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';

const log = moduleLogger('search');

/** Validates a search request; a bad one is VALIDATION_FAILED listing each field's problem. */
export function parseSearchRequest(input: unknown): SearchRequest {
  return validate(searchRequestSchema, input);
}

export async function searchPassages(deps: SearchDeps, request: SearchRequestInput): Promise<SearchResponse> {
  const started = performance.now();
  const { q, k, mode } = parseSearchRequest(request);
  const { tokens, entities, ranked, scope } = await retrievePassages(deps, q, mode, k);
  const top = ranked.slice(0, k);
  const mentioned = await passageEntities(
    deps,
    top.map((r) => r.item),
  );
  const tookMs = performance.now() - started;
  log.debug({ mode, k, queryChars: q.length, tokens: tokens.terms.length, entities: entities.length, results: top.length, ms: Math.round(tookMs) }, 'search');
  return {
    query: q,
    mode,
    k,
    tokens: tokens.terms,
    queryEntities: entities.map(entityRef),
    scope: describeScope(scope),
    embedder: { name: deps.embedderInfo.name, fallback: deps.embedderInfo.fallback },
    results: top.map((r, i) => ({
      rank: i + 1,
      score: r.score,
      passage: { ...r.item.passage },
      docTitle: r.item.docTitle,
      channels: r.ranks,
      entities: mentioned.get(r.item.passage.id) ?? [],
      highlights: highlightOffsets(r.item.passage.text, tokens.highlight),
    })),
    tookMs,
  };
}
