// Rule rel.part-of: the items of a list closed by 等 and an industry that is itself an entity belong
// to it ("现代物流、科技服务、商务服务、信息服务等生产性服务业": each PART_OF 生产性服务业).
import type { PassageView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import { RULES } from './rule-ids.js';

export function partOfList(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  const ms = view.mentions;
  for (let h = 1; h < ms.length; h++) {
    const head = ms[h]!;
    if (head.type !== 'Industry' || text.slice(head.start - 1, head.start) !== '等') continue;
    const items = [];
    let edge = head.start - 1;
    for (let i = h - 1; i >= 0; i--) {
      const m = ms[i]!;
      if (m.type !== 'Industry' || m.end !== edge) break;
      items.push(m);
      if (text[m.start - 1] !== '、') break;
      edge = m.start - 1;
    }
    if (items.length < 2) continue;
    const evidence = [evidenceOf(view, { start: items[items.length - 1]!.start, end: head.end }, RULES.relPartOf)];
    for (const it of items) out.push({ type: 'PART_OF', from: it.entityId, to: head.entityId, evidence });
  }
  return out;
}
