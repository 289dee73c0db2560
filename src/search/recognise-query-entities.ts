// Entities a query is about: what the extractor's recogniser finds in it (when the store knows the
// entity), and candidates the store finds by the query's tokens, kept when the query names them —
// their name or an alias appears in it, or their name without its generic ending does ("汽车零部件"
// for 汽车零部件产业). A name inside a longer recognised name is dropped ("南通" in "南通高新区").
import { recogniseEntities } from '../extract/index.js';
import type { EntityDetail } from '../store/port.js';
import type { EntityRef } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';
import { cachePerOwner } from './lru-cache.js';
import { codePointLength } from './query-tokens.js';

/** Candidates by the query's tokens (entities whose name tokens match, best first). */
const CANDIDATES = 50;
const MAX_ENTITIES = 8;
/** Endings that only say what kind of thing a name is; a name may be written without them. */
const GENERIC_ENDINGS = ['产业', '行业', '计划', '政策', '制度', '工程', '行动', '活动'];
const GENERIC_ENDING = new RegExp(`(${GENERIC_ENDINGS.join('|')})$`);
const MIN_STEM = 3;
const STEM_STRENGTH = 0.9;

export interface RecognisedEntity extends EntityRef {
  /** 0..1: 1 when the query contains the name or an alias. */
  strength: number;
  /** Where the query names it (UTF-16 offsets), when it does verbatim. */
  span?: { start: number; end: number };
  mentions: number;
  docIds: string[];
}

/** How strongly `query` names `entity`, or undefined when it does not. */
export function nameMatch(query: string, entity: Pick<EntityDetail, 'name' | 'aliases'>): Omit<RecognisedEntity, keyof EntityRef | 'mentions' | 'docIds'> | undefined {
  const q = query.toLowerCase();
  let best: { strength: number; span?: { start: number; end: number } } | undefined;
  for (const surface of [entity.name, ...entity.aliases]) {
    if (!surface) continue;
    const at = q.indexOf(surface.toLowerCase());
    if (at >= 0 && (!best?.span || surface.length > best.span.end - best.span.start)) {
      best = { strength: 1, span: { start: at, end: at + surface.length } };
    }
  }
  if (best) return best;
  // A name written without its generic ending ("汽车零部件" for 汽车零部件产业) names it too.
  const stem = entity.name.replace(GENERIC_ENDING, '');
  if (stem !== entity.name && codePointLength(stem) >= MIN_STEM) {
    const at = q.indexOf(stem.toLowerCase());
    if (at >= 0) return { strength: STEM_STRENGTH, span: { start: at, end: at + stem.length } };
  }
  return undefined;
}

function inside(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
}

/** Mentions the extractor's recogniser finds in a text, as entity ids with where the text names them. */
export function recogniseMentions(segmenter: SearchDeps['segmenter'], text: string): ReadonlyArray<{ id: string; start: number; end: number }> {
  // Pure (text and lexicon only), so a repeated query string skips tagging and recognition.
  const cache = mentionsCache(segmenter);
  let mentions = cache.get(text);
  if (!mentions) {
    mentions = recogniseEntities(text, segmenter.tag(text)).map((m) => ({ id: `${m.type}:${m.name}`, start: m.start, end: m.end }));
    cache.set(text, mentions);
  }
  return mentions;
}

const mentionsCache = cachePerOwner<SearchDeps['segmenter'], string, ReadonlyArray<{ id: string; start: number; end: number }>>(1_000);

/** The entities among `ids` that the store knows, by id (one look-up for all of them). */
export async function knownEntities(store: SearchDeps['store'], ids: Iterable<string>): Promise<Map<string, EntityDetail>> {
  const distinct = [...new Set(ids)];
  const found = distinct.length ? await store.getEntities(distinct) : [];
  return new Map(found.map((e) => [e.id, e]));
}

/** Recognised entities, strongest and most mentioned first. */
export async function recogniseQueryEntities(
  deps: Pick<SearchDeps, 'store' | 'segmenter'>,
  query: string,
  terms: readonly string[],
): Promise<RecognisedEntity[]> {
  const lookup = terms.filter((t) => codePointLength(t) >= 2);
  const mentions = recogniseMentions(deps.segmenter, query);
  // One look-up: the candidates, with the details of the recogniser's entities and of the candidates
  // the query names (a superset of what nameMatch keeps below).
  const { candidates: found, details } = await deps.store.recognitionLookup({
    tokens: lookup,
    limit: CANDIDATES,
    ids: [...new Set(mentions.map((m) => m.id))],
    text: query,
    endings: GENERIC_ENDINGS,
  });
  const known = new Map(details.map((e) => [e.id, e]));
  const matched = new Map<string, RecognisedEntity>();
  const detail = (e: EntityDetail) => ({ id: e.id, name: e.name, type: e.type, mentions: e.mentions, docIds: e.docIds });
  for (const m of mentions) {
    const entity = known.get(m.id);
    // a later mention of the same entity wins, as it always did
    if (entity) matched.set(entity.id, { ...detail(entity), strength: 1, span: { start: m.start, end: m.end } });
  }
  const named = found.flatMap((e) => {
    const m = matched.has(e.id) ? undefined : nameMatch(query, e);
    return m ? [{ id: e.id, match: m }] : [];
  });
  // Should the store's idea of "named" ever miss one nameMatch keeps, its details are asked for.
  const missing = named.filter((n) => !known.has(n.id)).map((n) => n.id);
  for (const [id, e] of await knownEntities(deps.store, missing)) known.set(id, e);
  for (const { id, match } of named) {
    const e = known.get(id);
    if (e) matched.set(id, { ...detail(e), ...match });
  }
  const all = [...matched.values()];
  const kept = all.filter((e) => !all.some((o) => o !== e && e.span && o.span && o.strength >= e.strength && inside(e.span, o.span)));
  return kept
    .sort((a, b) => b.strength - a.strength || b.mentions - a.mentions || a.id.localeCompare(b.id))
    .slice(0, MAX_ENTITIES);
}

export function entityRef(e: EntityRef): EntityRef {
  return { id: e.id, name: e.name, type: e.type };
}
