// Enumerations as the relation rules read them: the names of one type written as a list
// (A、B和C, “A”、“B”). The list is read from the text's separators, so an item the entity layer did
// not recognise is stepped over rather than ending the list.
import type { ResolvedMention } from './resolve-entities.js';
import type { EntityType } from '../model/index.js';
import { CUES } from './relation-cues.js';

const QUOTES = /[“”"「」‘’《》\s]/g;
const bare = (s: string): string => s.replace(QUOTES, '');
/** An unrecognised item: a few characters without punctuation. */
const UNKNOWN_ITEM = /^[^，,。；;：:！？()（）\s]{1,10}$/;
const SEPARATOR = /、|以及|和|及|与/g;
const CLAUSE_PUNCT = /[，,。；;：:\n]/;
/** A short 的-modifier before a list item. */
const MODIFIER = /^[^，,。；;：:、]{1,10}的$/;
/** How far back an unrecognised item's separator may stand. */
const ITEM_REACH = 14;

/** The gap between two list items is a separator (、 和 及 …), quotes aside. */
export const isSeparator = (gap: string): boolean => CUES.listSeparator.test(bare(gap));

/**
 * Items of `type` of the list whose last item ends at `pos` (quotes aside), in text order. The first
 * item may follow a verb (培育发展A、B); items that are no mention are skipped, other types end it.
 */
export function listEndingAt(top: ResolvedMention[], text: string, pos: number, type: EntityType): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  let edge = pos;
  let i = top.length - 1;
  while (i >= 0 && top[i]!.end > edge) i--;
  for (;;) {
    const m = top[i];
    const adjacent = m !== undefined && bare(text.slice(m.end, edge)) === '';
    if (adjacent && m.type !== type) break;
    // where this item starts: after the previous separator
    const from = adjacent ? m.start : edge;
    const sep = separatorBefore(text, from);
    if (adjacent) {
      out.unshift(m);
      i--;
    } else {
      const item = text.slice(sep ? sep.end : from, edge);
      if (!sep || !UNKNOWN_ITEM.test(bare(item))) break;
    }
    if (!sep) break;
    // an item may carry a 的-modifier (、以民族医药为主的现代中药、); anything else between ends the list
    const gap = bare(text.slice(sep.end, adjacent ? m.start : sep.end));
    if (adjacent && gap !== '' && !MODIFIER.test(gap)) break;
    edge = sep.start;
    while (i >= 0 && top[i]!.end > edge) i--;
  }
  return out;
}

/** The separator ending right before `pos` (quotes aside), or, for an unrecognised item, the last one in the clause before it. */
function separatorBefore(text: string, pos: number): { start: number; end: number } | undefined {
  let p = pos;
  while (p > 0 && /[“”"「」‘’《》]/.test(text[p - 1]!)) p--;
  for (const w of ['以及', '、', '和', '及', '与']) if (text.slice(p - w.length, p) === w) return { start: p - w.length, end: p };
  // an unrecognised item: the separator before it, a few characters back within the clause
  const from = Math.max(0, p - ITEM_REACH);
  let clauseStart = from;
  for (let i = p - 1; i >= from; i--) {
    if (CLAUSE_PUNCT.test(text[i]!)) {
      clauseStart = i + 1;
      break;
    }
  }
  const span = text.slice(clauseStart, p);
  let last: { start: number; end: number } | undefined;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(span); m; m = SEPARATOR.exec(span)) last = { start: clauseStart + m.index, end: clauseStart + m.index + m[0].length };
  return last;
}

/** Items of `type` forming a list whose first item is `first`. */
export function listFrom(top: ResolvedMention[], text: string, first: ResolvedMention): ResolvedMention[] {
  const out = [first];
  let k = top.indexOf(first);
  for (k = k + 1; k < top.length; k++) {
    const m = top[k]!;
    if (m.type !== first.type || !isSeparator(text.slice(out[out.length - 1]!.end, m.start))) break;
    out.push(m);
  }
  return out;
}
