// Rule rel.extends-to: a chain grows from one industry to others (GUIDELINES 'EXTENDS_TO'):
// "由A向B、C等领域拓展/延伸" — A extends to B and C; so does the industry the sentence is about, the
// first one opening a clause before the 由-part ("X产业…，加快由A向B延伸"). "从A向B" alike;
// without 由/从, the industry right before 向 is the source.
import type { PassageView, SentenceView } from './passage-view.js';
import { evidenceOf } from './passage-view.js';
import type { RelationFact } from './relation-set.js';
import type { ResolvedMention } from './resolve-entities.js';
import { CUES } from './relation-cues.js';
import { RULES } from './rule-ids.js';

const TOWARDS_SPAN = 60;

export function extendsTo(view: PassageView): RelationFact[] {
  const out: RelationFact[] = [];
  const text = view.passage.text;
  for (const s of view.sentences) {
    const industries = s.top.filter((m) => m.type === 'Industry');
    if (industries.length < 2) continue;
    for (let at = s.text.indexOf('向'); at >= 0; at = s.text.indexOf('向', at + 1)) {
      const toStart = s.start + at + 1;
      const end = extensionVerbAt(text, toStart, Math.min(s.end, toStart + TOWARDS_SPAN));
      if (end < 0) continue;
      const targets = industries.filter((i) => i.start >= toStart && i.end <= end);
      if (targets.length === 0) continue;
      const clauseStart = lastClauseStart(text, s, toStart);
      const from = fromWordBefore(text, clauseStart, toStart - 1);
      const sources = from >= 0 ? industries.filter((i) => i.start >= from && i.end < toStart) : industries.filter((i) => i.end === toStart - 1);
      const subject = from >= 0 ? clauseOpener(view, s, from) : undefined;
      if (subject && !sources.includes(subject)) sources.push(subject);
      const evidence = [evidenceOf(view, { start: subject ? Math.min(subject.start, clauseStart) : clauseStart, end: end + 2 }, RULES.relExtendsTo)];
      for (const a of sources) for (const b of targets) out.push({ type: 'EXTENDS_TO', from: a.entityId, to: b.entityId, evidence });
    }
  }
  return out;
}

/** The end of the 向-part: the position of a verb of extension (after 等/领域/方向), or -1. */
function extensionVerbAt(text: string, from: number, limit: number): number {
  const part = text.slice(from, limit);
  const stop = part.search(/[，,。；;：:]/);
  const scope = stop < 0 ? part : part.slice(0, stop);
  const verb = CUES.extendVerbAnywhere.exec(scope);
  return verb ? from + verb.index : -1;
}

function lastClauseStart(text: string, s: SentenceView, pos: number): number {
  for (let i = pos - 1; i >= s.start; i--) if (/[，,：:]/.test(text[i]!)) return i + 1;
  return s.start;
}

/** Position of 由/从 opening the source part, within the clause. */
function fromWordBefore(text: string, clauseStart: number, pos: number): number {
  for (let i = pos - 1; i >= clauseStart; i--) if (CUES.extendFrom.has(text[i]!)) return i;
  return -1;
}

/** The industry the sentence is about: the first one in the sentence, opening its clause (after a verb at most). */
function clauseOpener(view: PassageView, s: SentenceView, before: number): ResolvedMention | undefined {
  const text = view.passage.text;
  const first = s.top.find((m) => m.type === 'Industry' && m.end <= before);
  if (!first) return undefined;
  let start = s.start;
  for (let i = first.start - 1; i >= s.start; i--) {
    if (/[，,：:]/.test(text[i]!)) {
      start = i + 1;
      break;
    }
  }
  const lead = text.slice(start, first.start).trim();
  return lead === '' || CUES.supportVerbAfter.exec(lead)?.[0].length === lead.length ? first : undefined;
}
