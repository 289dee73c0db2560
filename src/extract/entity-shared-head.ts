// Rule entity.zone-list, shared head: "争取建设甲地、乙地边境贸易区" — places listed before one zone
// name that opens with a place share its zone word, so each listed place names a zone of its own.
import type { Token } from '../model/index.js';
import type { EntityCandidate } from './entity-candidate.js';
import { parseEntityTag } from './entity-tag.js';
import { RULES } from './rule-ids.js';

const isPlace = (t: Token | undefined): boolean => !!t && (t.tag === 'ns' || parseEntityTag(t.tag)?.type === 'Region');
/** A bare place word, or a word jieba does not know, standing alone as a list item. */
const isPlaceItem = (t: Token | undefined): boolean => !!t && t.word.length >= 2 && t.word.length <= 4 && (isPlace(t) || t.tag === 'x') && /^\p{Script=Han}+$/u.test(t.word);

export function sharedHeadParks(tokens: Token[], parks: EntityCandidate[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const park of parks) {
    const i = tokens.findIndex((t) => t.start === park.start);
    if (i < 2 || !isPlace(tokens[i])) continue;
    for (let k = i - 1; tokens[k]?.word === '、' && isPlaceItem(tokens[k - 1]); k -= 2) {
      const item = tokens[k - 1]!;
      out.push({ type: 'Park', name: item.word, start: item.start, end: item.end, rule: RULES.entityZoneList });
    }
  }
  return out;
}
