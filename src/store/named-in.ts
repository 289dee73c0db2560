// Whether a text names an entity, as GraphStore.recognitionLookup decides which candidates to detail:
// its name or an alias occurs in the text (case aside), or its name less a generic ending does.
import type { Entity } from '../model/index.js';

export function namedIn(text: string, entity: Pick<Entity, 'name' | 'aliases'>, endings: readonly string[]): boolean {
  const t = text.toLowerCase();
  if ([entity.name, ...entity.aliases].some((s) => s !== '' && t.includes(s.toLowerCase()))) return true;
  return endings.some((end) => entity.name.endsWith(end) && entity.name.length > end.length && t.includes(entity.name.slice(0, -end.length).toLowerCase()));
}
