// Enumerations as the relation rules read them: the names of one type written as a list
// (A、B和C, “A”、“B”), found from the list's last item backwards or from its first item on.
import type { ResolvedMention } from './resolve-entities.js';
import type { EntityType } from '../model/index.js';
import { CUES } from './relation-cues.js';

const QUOTES = /[“”"「」‘’《》]/g;
const bare = (s: string): string => s.replace(QUOTES, '');

/** The gap between two list items is a separator (、 和 及 …), quotes aside. */
export const isSeparator = (gap: string): boolean => CUES.listSeparator.test(bare(gap));

/** Items of `type` forming a list whose last item ends at `pos` (quotes aside), in text order. */
export function listEndingAt(top: ResolvedMention[], text: string, pos: number, type: EntityType): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  let edge = pos;
  for (let i = top.length - 1; i >= 0; i--) {
    const m = top[i]!;
    if (m.end > edge) continue;
    const gap = text.slice(m.end, edge);
    const ok = out.length === 0 ? bare(gap) === '' : isSeparator(gap);
    if (!ok || m.type !== type) break;
    out.unshift(m);
    edge = m.start;
  }
  return out;
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
