// Reads the lexicon's token tags: the entity type, optionally `=canonical name` for an alias
// ("Region=江苏省"). jieba's own part-of-speech tags (n, ns, v …) are not entity tags.
import { ENTITY_TYPES, type EntityType } from '../model/index.js';

export interface EntityTag {
  type: EntityType;
  canonical?: string;
}

const TYPES = new Set<string>(ENTITY_TYPES);
const cache = new Map<string, EntityTag | null>();

export function parseEntityTag(tag: string): EntityTag | undefined {
  // jieba's own tags are lowercase; entity types start with a capital (a hot path: every token)
  const first = tag.charCodeAt(0);
  if (first < 65 || first > 90) return undefined;
  const hit = cache.get(tag);
  if (hit !== undefined) return hit ?? undefined;
  const eq = tag.indexOf('=');
  const type = eq < 0 ? tag : tag.slice(0, eq);
  let parsed: EntityTag | null = null;
  if (TYPES.has(type)) {
    parsed = { type: type as EntityType };
    if (eq >= 0 && eq + 1 < tag.length) parsed.canonical = tag.slice(eq + 1);
  }
  cache.set(tag, parsed);
  return parsed ?? undefined;
}
