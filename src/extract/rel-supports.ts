// Rules rel.supports and rel.supports-named: a policy supports an industry or a park when
// - its name carries the industry ("支持工业互联网发展若干政策", "工业互联网平台培育工程");
// - a sentence says so: the policy, then a verb of support, then the industry or park
//   ("实施X行动计划，支持/推动/培育Y产业").
import type { Entity, Mention } from '../model/index.js';
import type { PassageView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import { industryKey } from './canonical-name.js';
import { RULES } from './rule-ids.js';

const SUPPORT_VERB = /支持|扶持|促进|推动|助力|赋能|带动|培育|壮大|服务|引导|发展/;
const MAX_GAP = 40;

export function supportsInSentence(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    const ms = s.mentions;
    for (let i = 0; i < ms.length; i++) {
      const p = ms[i]!;
      if (p.type !== 'Policy') continue;
      for (const x of ms.slice(i + 1)) {
        if (x.type === 'Policy' || x.start - p.end > MAX_GAP) break;
        if (x.type !== 'Industry' && x.type !== 'Park') continue;
        if (!SUPPORT_VERB.test(text.slice(p.end, x.start))) continue;
        out.push({ type: 'SUPPORTS', from: p.entityId, to: x.entityId, evidence: [evidenceOf(view, { start: s.start, end: s.end }, RULES.relSupports)] });
      }
    }
  }
  return out;
}

/** A policy whose name holds an industry's name supports that industry; evidence is the policy's first mention. */
export function supportsNamed(entities: Entity[], mentions: Mention[]): RelationFact[] {
  const industries = entities
    .filter((e) => e.type === 'Industry')
    .flatMap((e) => [e.name, ...e.aliases, industryKey(e.name)].filter((n) => n.length >= 3).map((n) => ({ id: e.id, n })));
  const firstMention = new Map<string, Mention>();
  for (const m of mentions) if (!firstMention.has(m.entityId)) firstMention.set(m.entityId, m);
  const out: RelationFact[] = [];
  for (const p of entities) {
    if (p.type !== 'Policy') continue;
    const m = firstMention.get(p.id);
    if (!m) continue;
    const found = industries.filter((i) => p.name.includes(i.n));
    // the longest match wins: 工业互联网 in a name is not also 互联网
    const hits = new Set(found.filter((i) => !found.some((o) => o.n.length > i.n.length && o.n.includes(i.n))).map((i) => i.id));
    for (const id of hits) out.push({ type: 'SUPPORTS', from: p.id, to: id, evidence: [{ ...m.evidence, rule: RULES.relSupportsNamed }] });
  }
  return out;
}

