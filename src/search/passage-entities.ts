// The entities each passage mentions, as the store recorded them at ingest (exact: it includes the
// names the document-level resolver expanded), in one batched look-up.
import type { PassageHit } from '../store/port.js';
import type { EntityRef } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';

export async function passageEntities(deps: Pick<SearchDeps, 'store'>, hits: readonly PassageHit[]): Promise<Map<string, EntityRef[]>> {
  const byPassage = await deps.store.passageEntities(hits.map((h) => h.passage.id));
  return new Map(
    hits.map((hit) => [hit.passage.id, (byPassage[hit.passage.id] ?? []).map(({ id, name, type }) => ({ id, name, type }))]),
  );
}
