// Rules rel.contains and rel.part-of-region: places nest. A region written at the front of a park's
// name, or right before it, contains the park (南通高新区 ← 南通市); a region written right before
// another region contains it (呼伦贝尔市海拉尔区: 海拉尔区 PART_OF 呼伦贝尔市).
import type { PassageView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import { RULES } from './rule-ids.js';

export function containsInPassage(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const ms = view.mentions;
  const text = view.passage.text;
  for (let i = 0; i < ms.length; i++) {
    const r = ms[i]!;
    if (r.type !== 'Region') continue;
    // mentions are sorted longest first at one start: a park whose name opens with this region comes just before it
    for (let k = i - 1; k >= 0 && ms[k]!.start === r.start; k--) {
      const park = ms[k]!;
      if (park.type === 'Park' && park.end > r.end) out.push(contains(view, r.entityId, park.entityId, park.start, park.end));
    }
    const x = ms.slice(i + 1).find((m) => m.start >= r.end);
    if (!x || !/^的?$/.test(text.slice(r.end, x.start))) continue;
    if (x.type === 'Park') out.push(contains(view, r.entityId, x.entityId, r.start, x.end));
    else if (x.type === 'Region' && x.start === r.end) {
      out.push({ type: 'PART_OF', from: x.entityId, to: r.entityId, evidence: [evidenceOf(view, { start: r.start, end: x.end }, RULES.relPartOfRegion)] });
    }
  }
  return out;
}

function contains(view: PassageView, region: string, park: string, start: number, end: number): RelationFact {
  return { type: 'CONTAINS', from: region, to: park, evidence: [evidenceOf(view, { start, end }, RULES.relContains)] };
}
