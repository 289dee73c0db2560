// Rule rel.part-of-opener: a broad grouping named in a lead clause, then the clauses and sentences
// that open with its members ("着力壮大主导产业，A以…为依托；推动B…；C…" → A, B, C
// PART_OF 主导产业). The groups are also what rel.hosts-lead reads: a section's main base hosts them.
import type { PassageView, SentenceView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import type { ResolvedMention } from './resolve-entities.js';
import type { Span } from './text-spans.js';
import { listEndingAt } from './rel-lists.js';
import { CUES } from './relation-cues.js';
import { RULES } from './rule-ids.js';

export interface LeadGroup {
  /** The group's own entity when it is one (主导产业), else only its span. */
  head?: ResolvedMention;
  span: Span;
  members: ResolvedMention[];
}

const GROUP_TEXT = new RegExp(`(?:${CUES.groupHead.source})+(?:产业|行业)`, 'g');

export function leadGroups(view: PassageView): LeadGroup[] {
  const out: LeadGroup[] = [];
  const text = view.passage.text;
  view.sentences.forEach((s, si) => {
    GROUP_TEXT.lastIndex = 0;
    for (let g = GROUP_TEXT.exec(s.text); g; g = GROUP_TEXT.exec(s.text)) {
      const start = s.start + g.index;
      const end = start + g[0].length;
      const head = s.mentions.find((m) => m.type === 'Industry' && m.start <= start && m.end >= end);
      // A、B、C三大X: the list before the count
      const count = /[一二三四五六七八九十两\d]+[大类个项]$/.exec(text.slice(Math.max(s.start, start - 4), start));
      const listed = count ? listEndingAt(s.top, text, start - count[0].length, 'Industry') : [];
      if (listed.length >= 2) {
        out.push({ ...(head ? { head } : {}), span: { start: listed[0]!.start, end }, members: listed });
        continue;
      }
      const members = openers(view, si, end);
      if (members.length >= 2) out.push({ ...(head ? { head } : {}), span: { start, end }, members });
    }
  });
  return out;
}

/** PART_OF facts for the groups whose head is an entity and whose members open the following clauses. */
export function partOfOpeners(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  for (const g of leadGroups(view)) {
    if (!g.head) continue;
    const evidence = [evidenceOf(view, { start: g.span.start, end: g.members[g.members.length - 1]!.end }, RULES.relPartOfOpener)];
    for (const m of g.members) if (m.entityId !== g.head.entityId) out.push({ type: 'PART_OF', from: m.entityId, to: g.head.entityId, evidence });
  }
  return out;
}

/** Industries opening the clause after `pos`, then each following sentence of the passage, until one does not. */
function openers(view: PassageView, si: number, pos: number): ResolvedMention[] {
  const s = view.sentences[si]!;
  const c = s.clauses.findIndex((x) => x.end > pos);
  if (c < 0 || hasIndustry(s, pos, s.clauses[c]!.end)) return [];
  const out: ResolvedMention[] = [];
  // the first member opens the next clause, written bare; the next ones open the ；-sentences after it
  const next = s.clauses[c + 1];
  const first = next && opener(next.start, view, s);
  if (!first || first.start !== next.start + leadingSpace(view.passage.text, next.start)) return [];
  out.push(first);
  for (let k = si + 1; k < view.sentences.length; k++) {
    if (!/[；;]/.test(view.passage.text[view.sentences[k - 1]!.end - 1] ?? '')) break;
    const t = view.sentences[k]!;
    const m = opener(t.start, view, t);
    if (!m) break;
    out.push(m);
  }
  return out;
}

function opener(at: number, view: PassageView, s: SentenceView): ResolvedMention | undefined {
  const text = view.passage.text;
  const m = s.top.find((x) => x.start >= at);
  if (!m || m.type !== 'Industry') return undefined;
  const lead = text.slice(at, m.start).replace(/^\s+/, '');
  if (lead === '') return m;
  const verb = CUES.supportVerbAfter.exec(lead);
  return verb && verb[0].length === lead.length ? m : undefined;
}

function leadingSpace(text: string, at: number): number {
  let n = 0;
  while (/\s/.test(text[at + n] ?? '')) n++;
  return n;
}

function hasIndustry(s: SentenceView, from: number, to: number): boolean {
  return s.top.some((m) => m.type === 'Industry' && m.start >= from && m.end <= to);
}
