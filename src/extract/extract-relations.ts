// All relation rules over a document's passages; CO_OCCURS last, only for pairs nothing else relates.
import type { Entity, Mention, Relation } from '../model/index.js';
import type { PassageView } from './passage-view.js';
import { collectRelations, relatedPairs, type RelationFact } from './relation-set.js';
import { extendsTo } from './rel-extends-to.js';
import { integratesWith } from './rel-integrates-with.js';
import { hostsInSentence, hostsLead } from './rel-hosts.js';
import { supportsInSentence, supportsNamed } from './rel-supports.js';
import { containsInPassage } from './rel-contains.js';
import { partOfList } from './rel-part-of.js';
import { coOccurrences } from './rel-co-occurs.js';

const PASSAGE_RULES: Array<(v: PassageView) => RelationFact[]> = [
  extendsTo,
  integratesWith,
  hostsInSentence,
  supportsInSentence,
  containsInPassage,
  partOfList,
];

export function extractRelations(views: PassageView[], entities: Entity[], mentions: Mention[]): Relation[] {
  const facts: RelationFact[] = [];
  for (const v of views) for (const rule of PASSAGE_RULES) facts.push(...rule(v));
  facts.push(...hostsLead(views), ...supportsNamed(entities, mentions));
  const semantic = collectRelations(facts);
  const co = collectRelations(coOccurrences(views, relatedPairs(semantic)));
  return [...semantic, ...co];
}
