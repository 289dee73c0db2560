// Rule rel.integrates-with: "推动A与B、C等新兴产业深度融合", "A和B协同发展" — A integrates with each
// industry between the connector and the verb, within one clause.
import type { PassageView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import { RULES } from './rule-ids.js';

const FUSE = /(?:深度|加速|加快|全面|融合|协同|联动|互动)?(?:融合|协同发展|联动发展|互动发展|融合发展)/g;
const CONNECTOR = /[与和同]/;

export function integratesWith(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  for (const s of view.sentences) {
    const industries = s.mentions.filter((m) => m.type === 'Industry');
    if (industries.length < 2) continue;
    FUSE.lastIndex = 0;
    for (let m = FUSE.exec(s.text); m; m = FUSE.exec(s.text)) {
      const verb = s.start + m.index;
      // the clause holding the verb: back to the last ，/, before it
      const clauseStart = s.start + Math.max(s.text.lastIndexOf('，', m.index), s.text.lastIndexOf(',', m.index)) + 1;
      const inClause = industries.filter((i) => i.start >= clauseStart && i.end <= verb);
      const a = inClause[0];
      if (!a) continue;
      const between = view.passage.text.slice(a.end, a.end + 1);
      if (!CONNECTOR.test(between)) continue;
      const evidence = [evidenceOf(view, { start: clauseStart, end: verb + m[0].length }, RULES.relIntegratesWith)];
      for (const b of inClause.slice(1)) out.push({ type: 'INTEGRATES_WITH', from: a.entityId, to: b.entityId, evidence });
    }
  }
  return out;
}
