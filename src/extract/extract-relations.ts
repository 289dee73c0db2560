// All relation rules over a document's passages; CO_OCCURS last, only for pairs nothing else relates.
import type { Entity, Mention, Relation } from '../model/index.js';
import type { PassageView } from './passage-view.js';
import { collectRelations, relatedPairs, type RelationFact } from './relation-set.js';
import { documentNames, type DocumentNames } from './rel-names.js';
import { extendsTo } from './rel-extends-to.js';
import { integratesWith } from './rel-integrates-with.js';
import { hostsInSentence, hostsLead, hostsNamed } from './rel-hosts.js';
import { supportsAdjacent, supportsInSentence, supportsLead, supportsListed, supportsNamed, supportsPurpose } from './rel-supports.js';
import { containsInPassage } from './rel-contains.js';
import { partOfList } from './rel-part-of.js';
import { partOfOpeners } from './rel-lead-group.js';
import { partOfZoneInSentence, partOfZoneNamed } from './rel-part-of-zone.js';
import { coOccurrences } from './rel-co-occurs.js';

const PASSAGE_RULES: Array<(v: PassageView, names: DocumentNames) => RelationFact[]> = [
  extendsTo,
  integratesWith,
  hostsInSentence,
  supportsInSentence,
  supportsLead,
  supportsListed,
  supportsAdjacent,
  supportsPurpose,
  containsInPassage,
  partOfList,
  partOfOpeners,
  partOfZoneInSentence,
];

export function extractRelations(views: PassageView[], entities: Entity[], mentions: Mention[]): Relation[] {
  const names = documentNames(entities, mentions);
  const facts: RelationFact[] = [];
  for (const v of views) for (const rule of PASSAGE_RULES) facts.push(...rule(v, names));
  facts.push(...hostsLead(views), ...hostsNamed(entities, names), ...supportsNamed(entities, names), ...partOfZoneNamed(entities, names));
  const semantic = collectRelations(facts);
  const co = collectRelations(coOccurrences(views, relatedPairs(semantic)));
  return [...semantic, ...co];
}
