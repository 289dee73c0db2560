// Rules rel.hosts and rel.hosts-lead: a park hosts an industry when
// - the industry takes the park as its base: "新一代信息技术产业以特色产业园建设为引领";
// - the park is the subject that develops it: "苏州工业园区重点发展生物医药、人工智能产业";
// - (document level) the section makes the park the main base ("以南通高新区为主阵地") and names its
//   leading industries ("“一主一新一智”三大主导产业", then the industries that open the following
//   clauses), or lists them ("A、B、C三大主导产业").
import type { PassageView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import type { ResolvedMention } from './resolve-entities.js';
import { RULES } from './rule-ids.js';

const BASE_ROLE = /^(?:建设)?为(?:引领|依托|载体|重点|平台|抓手|核心|支撑|主阵地|主战场|主平台|主载体)/;
const DEVELOPS = /^(?:要|将|重点|着力|大力|加快|积极)*(?:发展|培育|打造|布局|集聚|壮大|做强|引进|聚焦)/;
const MAIN_BASE = /^为(?:主阵地|主战场|主平台|主载体|核心载体|重要载体|主引擎|核心区|主体|龙头)/;
const LEAD_GROUP = /([二三四五六七八九十两\d])大(?:主导|支柱|特色|优势|战略性新兴|新兴|重点|先导)产业/g;
const CN = '一二三四五六七八九十';

export function hostsInSentence(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    const ms = s.mentions;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      if (m.type === 'Park') {
        // industry 以 park 为引领
        const prev = ms[i - 1];
        if (prev?.type === 'Industry' && text.slice(prev.end, m.start) === '以' && BASE_ROLE.test(text.slice(m.end, m.end + 8))) {
          out.push(fact(view, m, prev, s.start, s.end, RULES.relHostsBase));
        }
        // park (重点)发展 industries…, in the park's clause
        if (DEVELOPS.test(text.slice(m.end, m.end + 8))) {
          const clauseEnd = clauseEndAfter(text, m.end, s.end);
          for (const ind of ms.slice(i + 1).filter((x) => x.type === 'Industry' && x.end <= clauseEnd)) {
            out.push(fact(view, m, ind, s.start, s.end, RULES.relHostsBase));
          }
        }
      }
    }
  }
  return out;
}

/** Document level: main-base parks and leading industries of one section (passages sharing a heading). */
export function hostsLead(views: PassageView[]): RelationFact[] {
  const out: RelationFact[] = [];
  const sections = new Map<string, PassageView[]>();
  for (const v of views) sections.set(v.passage.heading, [...(sections.get(v.passage.heading) ?? []), v]);
  for (const section of sections.values()) {
    const bases = section.flatMap((v) => mainBases(v).map((m) => ({ v, m })));
    if (bases.length === 0) continue;
    for (const lead of section.flatMap((v) => leadIndustries(v).map((l) => ({ v, l })))) {
      for (const { v, m } of bases) {
        const evidence = [evidenceOf(v, { start: m.start, end: m.end + 4 }, RULES.relHostsLead), evidenceOf(lead.v, lead.l.span, RULES.relHostsLead)];
        for (const ind of lead.l.industries) out.push({ type: 'HOSTS', from: m.entityId, to: ind.entityId, evidence });
      }
    }
  }
  return out;
}

function mainBases(v: PassageView): ResolvedMention[] {
  const text = v.passage.text;
  return v.mentions.filter((m) => m.type === 'Park' && text[m.start - 1] === '以' && MAIN_BASE.test(text.slice(m.end, m.end + 6)));
}

interface LeadGroup {
  span: { start: number; end: number };
  industries: ResolvedMention[];
}

/** "N大主导产业": the industries listed right before it, else the next N industries opening a clause. */
function leadIndustries(v: PassageView): LeadGroup[] {
  const text = v.passage.text;
  const out: LeadGroup[] = [];
  LEAD_GROUP.lastIndex = 0;
  for (let g = LEAD_GROUP.exec(text); g; g = LEAD_GROUP.exec(text)) {
    const n = /\d/.test(g[1]!) ? Number(g[1]) : CN.indexOf(g[1]!) + 1 || 2;
    const start = g.index;
    const end = start + g[0].length;
    const listed = listedBefore(v.mentions, text, start);
    const industries = listed.length >= 2 ? listed : clauseOpeners(v.mentions, text, end).slice(0, n);
    if (industries.length > 0) out.push({ span: { start, end }, industries });
  }
  return out;
}

/** Industries in a 、-list ending right at `pos`. */
function listedBefore(mentions: ResolvedMention[], text: string, pos: number): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  let edge = pos;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > edge) continue;
    if (m.type !== 'Industry' || !/^[、和及]?$/.test(text.slice(m.end, edge))) break;
    out.unshift(m);
    edge = m.start - 1;
    if (text[edge] !== '、' && text[edge] !== '和' && text[edge] !== '及') break;
  }
  return out;
}

/** Industries that open a clause after `pos` (the subjects of the sentences that follow). */
function clauseOpeners(mentions: ResolvedMention[], text: string, pos: number): ResolvedMention[] {
  return mentions.filter((m) => {
    if (m.type !== 'Industry' || m.start < pos) return false;
    const before = text.slice(Math.max(0, m.start - 4), m.start);
    return /[，,；;。]$/.test(before) || /[，,；;。](?:推动|推进|加快|促进|支持)$/.test(before);
  });
}

function clauseEndAfter(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (/[，,；;。]/.test(text[i]!)) return i;
  return limit;
}

function fact(view: PassageView, park: ResolvedMention, industry: ResolvedMention, start: number, end: number, rule: typeof RULES.relHostsBase): RelationFact {
  return { type: 'HOSTS', from: park.entityId, to: industry.entityId, evidence: [evidenceOf(view, { start, end }, rule)] };
}
