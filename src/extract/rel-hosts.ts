// Rules rel.hosts, rel.hosts-named and rel.hosts-lead: a park hosts an industry when it is where the
// industry is (to be) built, concentrated or led (GUIDELINES 'HOSTS'):
// - the park, then a verb of building or gathering, then the industries of its clause: "在P布局Y",
//   "P重点发展A、B", "支持P拓展A、B等功能"; or the park and the industries its clause gathers
//   ("P A、B、C协同发展");
// - the sentence opens with the industry, the next clause builds the park: "发展Y，建设P";
// - the industry takes the park as its base: "Y以P建设为引领"; or the sentence does: "以P为载体，发展Y";
// - the park's own name holds the industry: "X大数据产业园" → 大数据;
// - (section) the park made the main base ("以P为主阵地") hosts the section's leading group of industries.
import type { PassageView, SentenceView } from './passage-view.js';
import { clauseIndex, evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import type { ResolvedMention } from './resolve-entities.js';
import type { DocumentNames } from './rel-names.js';
import type { Entity } from '../model/index.js';
import { leadGroups } from './rel-lead-group.js';
import { CUES } from './relation-cues.js';
import { RULES } from './rule-ids.js';

export function hostsInSentence(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    const ms = s.top;
    for (let i = 0; i < ms.length; i++) {
      const park = ms[i]!;
      if (park.type !== 'Park') continue;
      const add = (ind: ResolvedMention): void => {
        out.push({ type: 'HOSTS', from: park.entityId, to: ind.entityId, evidence: [evidenceOf(view, { start: s.start, end: s.end }, RULES.relHostsBase)] });
      };
      const clause = s.clauses[clauseIndex(s, park.start)]!;
      const rest = ms.slice(i + 1).filter((x) => x.end <= clause.end);
      const industries = rest.filter((x) => x.type === 'Industry');
      // Y以P(建设)为引领
      const prev = ms[i - 1];
      const role = CUES.baseRoleAfter.exec(text.slice(park.end, park.end + 12));
      if (prev?.type === 'Industry' && text.slice(prev.end, park.start) === '以' && role) add(prev);
      // 以P为载体，(发展)Y: the industries after the role, to the sentence's end
      if (text[park.start - 1] === '以' && role) {
        if (prev?.type !== 'Industry') for (const x of aimedAfterRole(s, text, park.end + role[0].length)) add(x);
        continue;
      }
      // 发展Y，建设P: the sentence opens with the industry, the park's clause only builds the park
      const c = clauseIndex(s, park.start);
      const prevClause = s.clauses[c - 1];
      const before = prevClause ? ms.filter((x) => x.start >= prevClause.start && x.end <= prevClause.end) : [];
      const y = before[0];
      if (
        y?.type === 'Industry' && before.length === 1 && rest.length === 0 &&
        /^[”"」]?(?:发展)?[，,]$/.test(text.slice(y.end, prevClause!.end)) &&
        CUES.supportVerbAfter.test(text.slice(prevClause!.start, y.start)) &&
        CUES.policyVerbBefore.test(text.slice(clause.start, park.start))
      ) {
        add(y);
      }
      if (industries.length === 0 || rest.some((x) => x.type === 'Park' || x.type === 'Policy')) continue;
      // P(重点)发展/布局/打造 Y…
      const verb = CUES.hostVerbAfter.exec(text.slice(park.end, industries[0]!.start));
      // P A、B、C协同发展 / P发展A等新业态
      const gathers = CUES.hostClauseEnd.test(text.slice(park.end, clause.end).replace(/[，,：:。；;]$/, ''));
      if (verb || gathers) for (const x of industries) add(x);
    }
  }
  return out;
}

/** 以P为载体，发展A、B: the industries of the clause after the role, when it opens with a verb of building. */
function aimedAfterRole(s: SentenceView, text: string, pos: number): ResolvedMention[] {
  const next = s.clauses[clauseIndex(s, pos) + 1];
  if (!next || !CUES.hostVerbAfter.test(text.slice(next.start, next.end))) return [];
  return s.top.filter((x) => x.type === 'Industry' && x.start >= next.start && x.end <= next.end);
}

/** A park whose name holds an industry's name hosts it (the longest name; evidence: the park's first mention). */
export function hostsNamed(entities: Entity[], names: DocumentNames): RelationFact[] {
  const out: RelationFact[] = [];
  for (const park of entities) {
    if (park.type !== 'Park') continue;
    const m = names.firstMention(park.id);
    if (!m) continue;
    for (const inner of names.inside(park.name, ['Industry'])) {
      if (!(inner.full && inner.end - inner.start >= 3)) continue;
      out.push({ type: 'HOSTS', from: park.id, to: inner.id, evidence: [{ ...m.evidence, rule: RULES.relHostsNamed }] });
    }
  }
  return out;
}

/** Section level: a park made the main base ("以P为主阵地") hosts the leading groups of its section. */
export function hostsLead(views: PassageView[]): RelationFact[] {
  const out: RelationFact[] = [];
  const sections = new Map<string, PassageView[]>();
  for (const v of views) sections.set(v.passage.heading, [...(sections.get(v.passage.heading) ?? []), v]);
  for (const section of sections.values()) {
    const bases = section.flatMap((v) => mainBases(v).map((m) => ({ v, m })));
    if (bases.length === 0) continue;
    for (const v of section) {
      for (const g of leadGroups(v)) {
        for (const { v: bv, m } of bases) {
          const evidence = [evidenceOf(bv, { start: m.start - 1, end: m.end + 4 }, RULES.relHostsLead), evidenceOf(v, g.span, RULES.relHostsLead)];
          for (const ind of g.members) out.push({ type: 'HOSTS', from: m.entityId, to: ind.entityId, evidence });
        }
      }
    }
  }
  return out;
}

function mainBases(v: PassageView): ResolvedMention[] {
  const text = v.passage.text;
  return v.mentions.filter((m) => m.type === 'Park' && text[m.start - 1] === '以' && CUES.mainBaseAfter.test(text.slice(m.end, m.end + 6)));
}
