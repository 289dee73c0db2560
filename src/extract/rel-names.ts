// The document's park and industry names, to find those written inside a longer name (支持工业互联网
// 发展若干政策 → 工业互联网; 文旅产业园 → 文旅) or inside a heading. Built once per document.
import type { Entity, EntityType, Mention } from '../model/index.js';
import { industryKey } from './canonical-name.js';
import { CUES } from './relation-cues.js';

export interface InnerName {
  id: string;
  type: EntityType;
  start: number;
  end: number;
  /** The entity's name or an alias as written, not a shortened form (数字经济产业 → 数字经济). */
  full: boolean;
}

/**
 * A sector name inside a longer name counts when it is written in full with three characters or
 * more, or, shorter or shortened, when an aim follows it (茶业振兴, 海洋经济发展规划; not 能源价格
 * 改革, 文化强市).
 */
export function aimedInside(name: string, x: InnerName): boolean {
  if (x.full && x.end - x.start >= 3) return true;
  return CUES.nameAimAfter.test(name.slice(x.end)) || (x.full && x.end === name.length);
}

export interface DocumentNames {
  /** Names of `types` inside `text`, longest first, none nested in another match; by position. */
  inside(text: string, types: readonly EntityType[]): InnerName[];
  firstMention(id: string): Mention | undefined;
}

const MIN_LENGTH = 2;
/** A shortened industry name (数字经济产业 → 数字经济) of two characters (生物产业 → 生物) says too little. */
const MIN_SHORTENED = 3;

export function documentNames(entities: Entity[], mentions: Mention[]): DocumentNames {
  const names: Array<{ id: string; type: EntityType; n: string; full: boolean }> = [];
  for (const e of entities) {
    if (e.type !== 'Industry' && e.type !== 'Park' && e.type !== 'Policy') continue;
    const forms = new Set([e.name, ...e.aliases]);
    for (const n of forms) if (n.length >= MIN_LENGTH) names.push({ id: e.id, type: e.type, n, full: true });
    const key = industryKey(e.name);
    if (e.type === 'Industry' && !forms.has(key) && key.length >= MIN_SHORTENED) names.push({ id: e.id, type: e.type, n: key, full: false });
  }
  names.sort((a, b) => b.n.length - a.n.length);
  // by first character, longest first: a text is read once, position by position
  const byFirst = new Map<string, typeof names>();
  for (const x of names) byFirst.set(x.n[0]!, [...(byFirst.get(x.n[0]!) ?? []), x]);
  const first = new Map<string, Mention>();
  for (const m of mentions) if (!first.has(m.entityId)) first.set(m.entityId, m);
  return {
    inside(text, types) {
      const found: InnerName[] = [];
      for (let at = 0; at < text.length; at++) {
        for (const x of byFirst.get(text[at]!) ?? []) {
          if (types.includes(x.type) && text.startsWith(x.n, at)) found.push({ id: x.id, type: x.type, start: at, end: at + x.n.length, full: x.full });
        }
      }
      if (found.length < 2) return found;
      // longest first, none nested in or overlapping a longer one
      found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      const taken = new Uint8Array(text.length);
      const out: InnerName[] = [];
      for (const x of found) {
        if (taken.subarray(x.start, x.end).includes(1)) continue;
        taken.fill(1, x.start, x.end);
        out.push(x);
      }
      return out.sort((a, b) => a.start - b.start);
    },
    firstMention: (id) => first.get(id),
  };
}
