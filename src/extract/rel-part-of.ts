// Rules rel.part-of, rel.part-of-group and rel.part-of-lead: an industry enumerated under a broader
// one is part of it (GUIDELINES 'PART_OF'):
// - a list closed by 等 and the head it qualifies: "会展、咨询等商务服务业", "A、B等领域海洋经济发展
//   规划" (the head may open a longer name), "A等X和Y" (two heads);
// - a numbered group: "A、B、C四大支柱产业";
// - a lead clause and the list under it: "培育X新兴产业，重点发展A、B、C", "X：A、B";
// - a list closed by a bare 等产业 takes the industry its section heading names.
import type { PassageView, SentenceView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import type { ResolvedMention } from './resolve-entities.js';
import type { DocumentNames } from './rel-names.js';
import { listEndingAt, listFrom } from './rel-lists.js';
import { CUES } from './relation-cues.js';
import { RULES, type RuleId } from './rule-ids.js';

const HEAD_WINDOW = 12;
/** "加快A、B等产业的发展", "发展A、B等产业，…": a list closed by a bare 产业 develops the section's industry. */
const BARE_HEAD = /^产业(?:的?发展|[，,。；;])/;

interface Head {
  id: string;
  end: number;
  group?: boolean;
}

const SECTOR_GROUP = /(?:产业|业|经济)$/;
const QUALIFIER = /^(?:\p{Script=Han}{1,3}|\p{Script=Han}{2,6}[和及与])$/u;

export function partOfList(view: PassageView, names: DocumentNames): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    for (let at = s.text.indexOf('等'); at >= 0; at = s.text.indexOf('等', at + 1)) {
      const pos = s.start + at;
      const items = listEndingAt(s.top, text, pos, 'Industry');
      if (items.length === 0) continue;
      let heads = headsAfter(s, text, pos + 1, names);
      if (heads.length === 0 && items.length >= 2 && BARE_HEAD.test(text.slice(pos + 1))) heads = headingIndustry(view, names);
      // one item: only under a broad grouping written right after it (工业设计等商务服务业)
      if (heads.length === 0 || (items.length < 2 && !(heads[0]!.group && heads[0]!.end - pos <= 12))) continue;
      push(out, view, items, heads, { start: items[0]!.start, end: Math.max(...heads.map((h) => h.end), pos + 3) }, RULES.relPartOf);
    }
    for (const m of s.top) {
      if (m.type !== 'Industry') continue;
      // A、B、C三大X: the count right after the list's last item
      const count = CUES.groupCount.exec(text.slice(m.end, s.end));
      if (count) {
        const items = listEndingAt(s.top, text, m.end, 'Industry');
        const heads = headsAfter(s, text, m.end + count[0].length, names);
        if (items.length >= 2 && heads.length) push(out, view, items, heads, { start: items[0]!.start, end: heads[0]!.end }, RULES.relPartOfGroup);
      }
    }
    out.push(...leadLists(view, s));
  }
  return out;
}

/** Heads of an enumeration starting at `from`: group markers, then an industry (or one opening a longer name), then maybe "和" another. */
function headsAfter(s: SentenceView, text: string, from: number, names: DocumentNames): Head[] {
  const out: Head[] = [];
  let pos = from;
  for (const m of s.top) {
    if (m.start < pos) continue;
    const gap = text.slice(pos, m.start);
    // group markers (等领域X), or, before an industry, a short qualifier (等乡村X) or an unrecognised first head (等X和Y)
    const qualified = m.type === 'Industry' && out.length === 0 && QUALIFIER.test(gap);
    if (m.start - pos > HEAD_WINDOW || !(CUES.groupMarkers.test(gap) || qualified)) break;
    const head = m.type === 'Industry' ? { id: m.entityId, end: m.end, group: CUES.groupHead.test(m.name) && SECTOR_GROUP.test(m.name) } : openingIndustry(text.slice(m.start, m.end), names, m.start);
    if (!head) break;
    out.push(head);
    // "A等X和Y": a second head joined by 和/及
    pos = head.end;
    const next = s.top.find((x) => x.start >= pos);
    if (!next || next.type !== 'Industry' || !/^[和及与]$/.test(text.slice(pos, next.start))) break;
    pos = next.start;
  }
  return out;
}

/** An industry named at the start of a longer name (海洋经济发展规划 → 海洋经济). */
function openingIndustry(name: string, names: DocumentNames, offset: number): Head | undefined {
  const inner = names.inside(name, ['Industry'])[0];
  return inner && inner.start === 0 ? { id: inner.id, end: offset + inner.end } : undefined;
}

/** The industry a passage's section heading names (第三节培育X产业 → X产业), when exactly one. */
function headingIndustry(view: PassageView, names: DocumentNames): Head[] {
  const last = (view.passage.heading.split(' / ').pop() ?? '').trim();
  const found = names.inside(last, ['Industry']);
  return found.length === 1 && found[0]!.end === last.length ? [{ id: found[0]!.id, end: -1 }] : [];
}

/** "培育X，重点发展A、B、C" / "X：A、B": the list in the clause after a lead clause ending with its head. */
function leadLists(view: PassageView, s: SentenceView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (let c = 0; c + 1 < s.clauses.length; c++) {
    const clause = s.clauses[c]!;
    const head = [...s.top].reverse().find((m) => m.type === 'Industry' && m.start >= clause.start && m.end <= clause.end);
    if (!head || !/^[”"」]?[，,：:]$/.test(text.slice(head.end, clause.end))) continue;
    const next = s.clauses[c + 1]!;
    const cue = CUES.leadMembersAfter.exec(text.slice(next.start, next.end));
    const colon = text[clause.end - 1] === '：' || text[clause.end - 1] === ':';
    // the lead names a broad grouping (培育X新兴产业，重点发展…), or a colon introduces the list
    if (!colon && !(cue && CUES.groupHead.test(head.name))) continue;
    const firstAt = next.start + (cue ? cue[0].length : 0);
    const first = s.top.find((m) => m.start >= firstAt && m.start - firstAt <= 2 && m.type === 'Industry');
    if (!first) continue;
    const items = listFrom(s.top, text, first);
    if (items.length < 2) continue;
    push(out, view, items, [{ id: head.entityId, end: head.end }], { start: head.start, end: items[items.length - 1]!.end }, RULES.relPartOfLead);
  }
  return out;
}

function push(out: RelationFact[], view: PassageView, items: ResolvedMention[], heads: Head[], span: { start: number; end: number }, rule: RuleId): void {
  const evidence = [evidenceOf(view, { start: span.start, end: span.end < 0 ? items[items.length - 1]!.end : span.end }, rule)];
  for (const h of heads) for (const it of items) if (it.entityId !== h.id) out.push({ type: 'PART_OF', from: it.entityId, to: h.id, evidence });
}
