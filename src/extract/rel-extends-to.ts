// Rule rel.extends-to: "由A向B、C等领域拓展/延伸/升级" — the sentence's industry extends to every
// industry named after 向. The subject is the sentence's first industry outside the 由-part
// (新一代信息技术产业…加快由印刷线路板向集成电路零部件…拓展), else the 由-part's industry.
import type { PassageView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import { RULES } from './rule-ids.js';

const TOWARDS = /向([^，。；;,：:]{2,60}?)(?:等)?(?:领域|方向|产业|行业|环节)?(?:拓展|延伸|升级|迈进|转型|转变|进军|攀升)/g;

export function extendsTo(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  for (const s of view.sentences) {
    const industries = s.mentions.filter((m) => m.type === 'Industry');
    if (industries.length < 2) continue;
    TOWARDS.lastIndex = 0;
    for (let m = TOWARDS.exec(s.text); m; m = TOWARDS.exec(s.text)) {
      const bStart = s.start + m.index + 1;
      const bEnd = bStart + m[1]!.length;
      const targets = industries.filter((i) => i.start >= bStart && i.end <= bEnd);
      if (targets.length === 0) continue;
      const you = s.text.lastIndexOf('由', m.index);
      const fromStart = you >= 0 ? s.start + you : bStart;
      const source = industries.find((i) => i.end <= fromStart) ?? industries.find((i) => i.start >= fromStart && i.end <= bStart);
      if (!source) continue;
      const evidence = [evidenceOf(view, { start: s.start, end: s.end }, RULES.relExtendsTo)];
      for (const t of targets) out.push({ type: 'EXTENDS_TO', from: source.entityId, to: t.entityId, evidence });
    }
  }
  return out;
}
