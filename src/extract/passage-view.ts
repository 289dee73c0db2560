// A passage as the relation rules read it: its sentences (ending at 。！？；), each with its clauses
// (ending at ，：) and the entity mentions inside. `top` keeps only mentions that no longer mention
// contains: a list or a pattern reads the names as written, not the names nested inside them.
import type { Evidence, SegmentedPassage } from '../model/index.js';
import type { ResolvedMention } from './resolve-entities.js';
import type { RuleId } from './rule-ids.js';
import { sentenceSpans, statementSpans, trimSpan, type Span } from './text-spans.js';

export interface SentenceView extends Span {
  text: string;
  mentions: ResolvedMention[];
  /** Mentions not inside a longer one, by start. */
  top: ResolvedMention[];
  clauses: Span[];
}

export interface PassageView {
  passage: SegmentedPassage;
  mentions: ResolvedMention[];
  sentences: SentenceView[];
  /** Statements (ending at 。！？ or a line break): a lead sentence and the sentence under it. */
  statements: Span[];
}

const CLAUSE_END = new Set(Array.from('，,：:', (c) => c.charCodeAt(0)));

export function passageView(passage: SegmentedPassage, mentions: ResolvedMention[]): PassageView {
  let m = 0;
  const text = passage.text;
  const sentences = joinWrapped(text, sentenceSpans(text)).map((s) => {
    const inside: ResolvedMention[] = [];
    while (m < mentions.length && mentions[m]!.start < s.start) m++;
    for (let k = m; k < mentions.length && mentions[k]!.start < s.end; k++) inside.push(mentions[k]!);
    return { ...s, text: text.slice(s.start, s.end), mentions: inside, top: topMentions(inside), clauses: clausesOf(text, s) };
  });
  return { passage, mentions, sentences, statements: statementSpans(text) };
}

/** A line that breaks mid-sentence (a long line without end punctuation, or a next line opening with 、，) goes on. */
const WRAP_MIN = 25;
const ENDS_SENTENCE = /[。！？!?；;：:]\s*$/;

function joinWrapped(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && text[prev.end - 1] === '\n') {
      const line = text.slice(prev.start, prev.end);
      const next = text.slice(s.start, s.end).trimStart();
      if (/^[、，,]/.test(next) || (line.trim().length >= WRAP_MIN && !ENDS_SENTENCE.test(line))) {
        prev.end = s.end;
        continue;
      }
    }
    out.push({ ...s });
  }
  return out;
}

function topMentions(ms: ResolvedMention[]): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  let reach = -1;
  for (const x of ms) {
    // sorted by start, longer first at one start
    if (x.end <= reach) continue;
    if (out.length && x.start < reach) continue; // overlaps the previous one: keep the earlier
    out.push(x);
    reach = x.end;
  }
  return out;
}

function clausesOf(text: string, s: Span): Span[] {
  const out: Span[] = [];
  let start = s.start;
  for (let i = s.start; i < s.end; i++) {
    if (CLAUSE_END.has(text.charCodeAt(i))) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (s.end > start) out.push({ start, end: s.end });
  return out;
}

/** Index of the clause holding `pos`. */
export function clauseIndex(s: SentenceView, pos: number): number {
  for (let i = 0; i < s.clauses.length; i++) if (pos < s.clauses[i]!.end) return i;
  return s.clauses.length - 1;
}

/** Evidence for a span local to the passage (trimmed of punctuation). */
export function evidenceOf(view: PassageView, span: Span, rule: RuleId): Evidence {
  const t = trimSpan(view.passage.text, span);
  const p = view.passage;
  return { docId: p.docId, passageId: p.id, start: p.start + t.start, end: p.start + t.end, rule };
}
