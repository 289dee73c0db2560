// Rule rel.co-occurs: the fallback link between entities named in one passage that no other rule
// relates. Bounded: the first 12 distinct entities of a passage (66 pairs at most); weight = the
// number of passages they share. Pairs are stored once, smaller id first.
import type { PassageView } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import { RULES } from './rule-ids.js';

const MAX_ENTITIES_PER_PASSAGE = 12;

export function coOccurrences(views: PassageView[], related: Set<string>): RelationFact[] {
  const out: RelationFact[] = [];
  for (const v of views) {
    const ids: string[] = [];
    for (const m of v.mentions) {
      if (!ids.includes(m.entityId)) ids.push(m.entityId);
      if (ids.length === MAX_ENTITIES_PER_PASSAGE) break;
    }
    if (ids.length < 2) continue;
    const p = v.passage;
    const evidence = [{ docId: p.docId, passageId: p.id, start: p.start, end: p.end, rule: RULES.relCoOccurs }];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
        if (related.has(`${a}|${b}`)) continue;
        out.push({ type: 'CO_OCCURS', from: a, to: b, evidence });
      }
    }
  }
  return out;
}
