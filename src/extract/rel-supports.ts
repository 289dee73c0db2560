// Rules rel.supports, rel.supports-named and rel.supports-lead: a policy, programme or plan supports
// the industry or park it is aimed at (GUIDELINES 'SUPPORTS'):
// - its name holds the industry or park ("支持工业互联网发展若干政策", "X产业园专项规划" → the park);
// - its clause aims it: "P，推动Y", "以奖代补促进Y", "扶持Y的P", "对Y实施P", "P对Y的覆盖";
//   or the clause before it is the aim: "发展Y，实施P";
// - a policy right after a list closed by 等 supports its items: "A、B等行业P";
// - a policy written right after its sector: "推行制造业“链长制”", "推进P片区X试点";
// - a statement of purpose names what the policy it makes is for: "为促进Y发展，…制定P";
// - a lead sentence names the sector the next sentence's policies serve: "促进Y发展。…实施P".
import type { Entity, EntityType } from '../model/index.js';
import type { PassageView, SentenceView } from './passage-view.js';
import { clauseIndex, evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import type { ResolvedMention } from './resolve-entities.js';
import { aimedInside, type DocumentNames } from './rel-names.js';
import type { Span } from './text-spans.js';
import { CUES } from './relation-cues.js';
import { isSeparator, listEndingAt } from './rel-lists.js';
import { RULES } from './rule-ids.js';

const TARGETS: readonly EntityType[] = ['Industry', 'Park'];
const isTarget = (m: ResolvedMention): boolean => m.type === 'Industry' || m.type === 'Park';
/** A short industry name right after another Han character is the tail of a longer word (涉外服务业 ≠ 服务业). */
const SHORT = 3;
/** "扶持小微企业和制造业的P": the 扶持 may stand a few words before the first industry. */
const FOR_WINDOW = 10;
/** How many clauses after a policy its aim may stand, when those between name nothing. */
const SPAN_CLAUSES = 2;
/** …and the policy follows as its object: "扶持Y的P", "对Y实施P" (not "扶持Y、P等新业态"). */
const FOR_LINK = /的|实施|给予|开展|落实|执行|实行/;
const HAN = /\p{Script=Han}/u;

export function supportsInSentence(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    const evidence = [evidenceOf(view, s, RULES.relSupports)];
    const add = (p: ResolvedMention, x: ResolvedMention): void => {
      out.push({ type: 'SUPPORTS', from: p.entityId, to: x.entityId, evidence });
    };
    for (const p of s.top) {
      if (p.type !== 'Policy') continue;
      const c = clauseIndex(s, p.start);
      const clause = s.clauses[c]!;
      const inClause = (span: Span): ResolvedMention[] => s.top.filter((x) => x.start >= span.start && x.end <= span.end);
      // after it in its clause, past a verb of support or 对: "P对Y", "P促进Y"
      for (const x of inClause({ start: p.end, end: clause.end })) {
        if (x.type === 'Policy') break;
        const gap = text.slice(p.end, x.start);
        if (isTarget(x) && (CUES.supportVerb.test(gap) || CUES.supportForAfter.test(gap))) add(p, x);
      }
      // before it in its clause, after 扶持/对: "扶持Y的P", "对Y实施P"
      const before = inClause({ start: clause.start, end: p.start }).filter(isTarget);
      if (before.length) {
        const lead = text.slice(Math.max(clause.start, before[0]!.start - FOR_WINDOW), before[0]!.start);
        const link = text.slice(before[before.length - 1]!.end, p.start);
        if (CUES.supportFor.test(lead) && FOR_LINK.test(link)) for (const x of before) add(p, x);
      }
      const led = CUES.policyVerbBefore.test(text.slice(Math.max(clause.start, p.start - 12), p.start)) || precedingPolicies(s, text, p, clause.start);
      if (!led) continue;
      // the next clause opens with a verb of support: "实施P，培育壮大Y"
      // (a clause with its own park or policy has its own subject)
      // "实施P，加强…，推动Y": clauses naming nothing may stand between
      for (let k = c + 1; k < s.clauses.length && k <= c + SPAN_CLAUSES; k++) {
        const next = s.clauses[k]!;
        const nextMentions = inClause(next);
        if (nextMentions.some((x) => x.type !== 'Industry')) break;
        if (opensWith(text, next, CUES.supportVerbAfter) && nextMentions.length) {
          for (const x of nextMentions) if (isAim(s, text, x) && !memberOfHeadedList(s, text, x)) add(p, x);
          break;
        }
        if (nextMentions.length) break;
      }
      // the clause before names the aim: "发展Y，实施P"
      const prev = s.clauses[c - 1];
      const prevTargets = prev ? inClause(prev) : [];
      const y = prevTargets[0];
      const endsPrev = y !== undefined && /^[”"」]?(?:发展)?[，,：:]?$/.test(text.slice(y.end, prev?.end));
      if (prev && prevTargets.length === 1 && y!.type === 'Industry' && endsPrev && opensWith(text, prev, CUES.supportVerbAfter) && onlyPolicies(s, text, clause, p)) {
        add(p, prevTargets[0]!);
      }
    }
  }
  return out;
}

/**
 * The industry is the aim itself: not an example of something else ("推动A等重点工程建设") nor the
 * qualifier of a noun ("支持A机构拓展", "促进A设施升级").
 */
function isAim(s: SentenceView, text: string, x: ResolvedMention): boolean {
  if (CUES.modifierAfter.test(text.slice(x.end, x.end + 6))) return false;
  if (text[x.end] !== '等') return true;
  const next = s.top.find((m) => m.start > x.end);
  return next !== undefined && next.type === 'Industry' && next.start - x.end <= 6;
}

/** "做强A、B等X": A and B are X's members (PART_OF); the action is aimed at X. */
function memberOfHeadedList(s: SentenceView, text: string, x: ResolvedMention): boolean {
  let k = s.top.indexOf(x);
  let last = x;
  while (k + 1 < s.top.length && s.top[k + 1]!.type === 'Industry' && isSeparator(text.slice(last.end, s.top[k + 1]!.start))) last = s.top[++k]!;
  if (text[last.end] !== '等') return false;
  const head = s.top[k + 1];
  return head !== undefined && head.type === 'Industry' && head.start - last.end <= 8 && !/[，,。；;]/.test(text.slice(last.end, head.start));
}

/** The policy's clause is a verb and the policy (or a list of them), nothing else named. */
function onlyPolicies(s: SentenceView, text: string, clause: Span, p: ResolvedMention): boolean {
  const inClause = s.top.filter((x) => x.start >= clause.start && x.end <= clause.end);
  return inClause.every((x) => x.type === 'Policy') && CUES.policyVerbBefore.test(text.slice(clause.start, p.start).trim() || '实施');
}

/** "A、B等行业P", "A、B等行业贴息政策": a policy right after a list closed by 等 supports its items. */
export function supportsListed(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    for (const p of s.top) {
      if (p.type !== 'Policy') continue;
      const at = text.lastIndexOf('等', p.start);
      if (at < s.start || p.start - at > 4 || !CUES.groupMarkers.test(text.slice(at + 1, p.start))) continue;
      const items = listEndingAt(s.top, text, at, 'Industry');
      const evidence = [evidenceOf(view, { start: items[0]?.start ?? at, end: p.end }, RULES.relSupportsListed)];
      for (const x of items) out.push({ type: 'SUPPORTS', from: p.entityId, to: x.entityId, evidence });
    }
  }
  return out;
}

/** "为促进Y发展，…，制定《P》": the policy a statement of purpose leads to supports what the purpose names. */
export function supportsPurpose(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const st of view.statements) {
    if (!CUES.purposeOpen.test(text.slice(st.start, st.start + 4))) continue;
    const inside = view.sentences.filter((s) => s.start >= st.start && s.end <= st.end);
    const made = inside.flatMap((s) => s.top).filter((m) => m.type === 'Policy' && CUES.purposeMakes.test(text.slice(Math.max(st.start, m.start - 8), m.start)));
    if (made.length === 0 || inside.length === 0) continue;
    // the purpose: the clauses before the first one citing a basis or making the policy
    const first = inside[0]!;
    let end = made[0]!.start;
    for (const c of first.clauses) {
      if (c.start > first.start && CUES.purposeBase.test(text.slice(c.start, c.end))) {
        end = Math.min(end, c.start);
        break;
      }
    }
    const aims = first.top.filter((x) => isTarget(x) && x.end <= end && isAim(first, text, x));
    const evidence = [evidenceOf(view, { start: st.start, end: made[made.length - 1]!.end }, RULES.relSupportsPurpose)];
    for (const p of made) for (const x of aims) out.push({ type: 'SUPPORTS', from: p.entityId, to: x.entityId, evidence });
  }
  return out;
}

/** "推行制造业“链长制”", "做好A、B、C“三篇文章”": a policy written right after a sector (or a list of them) is that sector's. */
export function supportsAdjacent(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    for (let i = 1; i < s.top.length; i++) {
      const p = s.top[i]!;
      const x = s.top[i - 1]!;
      if (p.type !== 'Policy' || !isTarget(x) || text.slice(x.end, p.start).replace(/[“”"「」]/g, '') !== '') continue;
      const items = x.type === 'Industry' ? listEndingAt(s.top, text, x.end, 'Industry') : [x];
      const evidence = [evidenceOf(view, { start: items[0]!.start, end: p.end }, RULES.relSupportsAdjacent)];
      for (const y of items) out.push({ type: 'SUPPORTS', from: p.entityId, to: y.entityId, evidence });
    }
  }
  return out;
}

/** "实施A、B、C行动": a policy later in a list led by a policy verb is led too. */
function precedingPolicies(s: SentenceView, text: string, p: ResolvedMention, from: number): boolean {
  const before = s.top.filter((x) => x.end <= p.start && x.start >= from);
  const last = before[before.length - 1];
  return last?.type === 'Policy' && /^[”"」》]?[、和及与]$/.test(text.slice(last.end, p.start).replace(/[“"「《]$/, ''));
}

const opensWith = (text: string, span: Span, verb: RegExp): boolean => verb.test(text.slice(span.start, span.end).replace(/^\s+/, ''));

/** A lead sentence naming a sector ("壮大海洋经济。") and the policies of the sentence under it. */
export function supportsLead(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  const [lead, under] = view.statements;
  if (!lead || !under || lead.end - lead.start > 30 || /[，,；;]/.test(text.slice(lead.start, lead.end))) return out;
  const verb = CUES.leadVerb.exec(text.slice(lead.start, lead.end));
  if (!verb) return out;
  const inLead = view.sentences.find((s) => s.start <= lead.start && s.end >= lead.end);
  const aims = view.mentions.filter((m) => isTarget(m) && m.start >= lead.start + verb.index && m.end <= lead.end && (!inLead || isAim(inLead, text, m)));
  if (aims.length !== 1 || CUES.integrateVerb.test(text.slice(lead.start, lead.end))) return out;
  const evidence = [evidenceOf(view, { start: lead.start, end: under.end }, RULES.relSupportsLead)];
  for (const s of view.sentences) {
    if (s.start < under.start || s.end > under.end) continue;
    for (const p of s.top) if (p.type === 'Policy') out.push({ type: 'SUPPORTS', from: p.entityId, to: aims[0]!.entityId, evidence });
  }
  return out;
}

/** A policy whose name holds an industry's or a park's name supports it; evidence is the policy's first mention. */
export function supportsNamed(entities: Entity[], names: DocumentNames): RelationFact[] {
  const out: RelationFact[] = [];
  for (const p of entities) {
    if (p.type !== 'Policy') continue;
    const m = names.firstMention(p.id);
    if (!m) continue;
    const inner = names.inside(p.name, TARGETS);
    // an industry inside a park's name is the park's (X文旅产业园建设方案 supports the park)
    const parks = inner.filter((x) => x.type === 'Park');
    for (const x of inner) {
      if (x.type === 'Industry' && parks.some((k) => k.start <= x.start && k.end >= x.end)) continue;
      if (x.end - x.start <= SHORT && x.start > 0 && HAN.test(p.name[x.start - 1]!)) continue;
      if (!aimedInside(p.name, x)) continue;
      out.push({ type: 'SUPPORTS', from: p.id, to: x.id, evidence: [{ ...m.evidence, rule: RULES.relSupportsNamed }] });
    }
  }
  return out;
}
