// Rule rel.integrates-with: "推动A与B、C等深度融合", "A和B融合发展" — A integrates with each
// industry between the connector and the verb, within one clause (GUIDELINES 'INTEGRATES_WITH').
import type { PassageView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import { CUES } from './relation-cues.js';
import { RULES } from './rule-ids.js';

export function integratesWith(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    const industries = s.top.filter((m) => m.type === 'Industry');
    if (industries.length < 2) continue;
    const verb = new RegExp(CUES.integrateVerb.source, 'g');
    for (let m = verb.exec(s.text); m; m = verb.exec(s.text)) {
      const at = s.start + m.index;
      const clause = s.clauses.find((c) => c.start <= at && at < c.end)!;
      const inClause = industries.filter((i) => i.start >= clause.start && i.end <= at);
      const a = inClause[0];
      if (!a) continue;
      const b0 = inClause[1];
      if (!b0 || !CUES.integrateConnector.test(text.slice(a.end, b0.start).replace(/[”"」“「]/g, ''))) continue;
      const evidence = [evidenceOf(view, { start: clause.start, end: at + m[0].length }, RULES.relIntegratesWith)];
      for (const b of inClause.slice(1)) out.push({ type: 'INTEGRATES_WITH', from: a.entityId, to: b.entityId, evidence });
    }
  }
  return out;
}
