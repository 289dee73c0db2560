// The entities each passage mentions: the extractor's recogniser over the passage text, kept when
// the store knows the entity. (A store method listing a passage's MENTIONS would be exact, including
// names the document-level resolver expanded, and save the look-ups.)
import type { PassageHit } from '../store/port.js';
import { knownEntities, recogniseMentions } from './recognise-query-entities.js';
import type { EntityRef } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';

export async function passageEntities(deps: Pick<SearchDeps, 'store' | 'segmenter'>, hits: readonly PassageHit[]): Promise<Map<string, EntityRef[]>> {
  const mentions = hits.map((hit) => recogniseMentions(deps.segmenter, hit.passage.text));
  const known = await knownEntities(deps.store, mentions.flat().map((m) => m.id));
  const out = new Map<string, EntityRef[]>();
  hits.forEach((hit, i) => {
    const ids = [...new Set(mentions[i]!.map((m) => m.id))].filter((id) => known.has(id));
    out.set(
      hit.passage.id,
      ids.map((id) => {
        const e = known.get(id)!;
        return { id: e.id, name: e.name, type: e.type };
      }),
    );
  });
  return out;
}
