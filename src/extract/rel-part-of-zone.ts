// Rule rel.part-of-zone: a sub-zone is part of the zone written right before it (GUIDELINES 'PART_OF'
// Park → Park): "X自贸试验区Y片区", "X高新区的Y园" — or whose name opens its own (X自贸试验区Y片区
// as one name holds X自贸试验区).
import type { Entity } from '../model/index.js';
import type { PassageView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import type { DocumentNames } from './rel-names.js';
import { CUES } from './relation-cues.js';
import { RULES } from './rule-ids.js';

export function partOfZoneInSentence(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    for (let i = 0; i + 1 < s.top.length; i++) {
      const zone = s.top[i]!;
      const sub = s.top[i + 1]!;
      if (zone.type !== 'Park' || sub.type !== 'Park' || !/^的?$/.test(text.slice(zone.end, sub.start))) continue;
      if (!CUES.subZone.test(sub.name)) continue;
      out.push({ type: 'PART_OF', from: sub.entityId, to: zone.entityId, evidence: [evidenceOf(view, { start: zone.start, end: sub.end }, RULES.relPartOfZone)] });
    }
  }
  return out;
}

export function partOfZoneNamed(entities: Entity[], names: DocumentNames): RelationFact[] {
  const out: RelationFact[] = [];
  for (const e of entities) {
    if (e.type !== 'Park' || !CUES.subZone.test(e.name)) continue;
    const m = names.firstMention(e.id);
    const zone = names.inside(e.name.slice(0, -2), ['Park']).find((x) => x.start === 0 && x.id !== e.id);
    if (!m || !zone) continue;
    out.push({ type: 'PART_OF', from: e.id, to: zone.id, evidence: [{ ...m.evidence, rule: RULES.relPartOfZone }] });
  }
  return out;
}
