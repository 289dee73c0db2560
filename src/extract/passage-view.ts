// A passage as the relation rules read it: its sentences, each with the entity mentions inside.
import type { Evidence, SegmentedPassage } from '../model/index.js';
import type { ResolvedMention } from './resolve-entities.js';
import type { RuleId } from './rule-ids.js';
import { sentenceSpans, trimSpan, type Span } from './text-spans.js';

export interface SentenceView extends Span {
  text: string;
  mentions: ResolvedMention[];
}

export interface PassageView {
  passage: SegmentedPassage;
  mentions: ResolvedMention[];
  sentences: SentenceView[];
}

export function passageView(passage: SegmentedPassage, mentions: ResolvedMention[]): PassageView {
  let m = 0;
  const sentences = sentenceSpans(passage.text).map((s) => {
    const inside: ResolvedMention[] = [];
    while (m < mentions.length && mentions[m]!.start < s.start) m++;
    for (let k = m; k < mentions.length && mentions[k]!.start < s.end; k++) inside.push(mentions[k]!);
    return { ...s, text: passage.text.slice(s.start, s.end), mentions: inside };
  });
  return { passage, mentions, sentences };
}

/** Evidence for a span local to the passage (trimmed of punctuation). */
export function evidenceOf(view: PassageView, span: Span, rule: RuleId): Evidence {
  const t = trimSpan(view.passage.text, span);
  const p = view.passage;
  return { docId: p.docId, passageId: p.id, start: p.start + t.start, end: p.start + t.end, rule };
}
