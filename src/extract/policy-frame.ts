// Rule entity.policy-frame: "开展直播电商发展三年行动" — after a verb that carries a programme out,
// the whole phrase up to the programme's suffix is its name, verbs inside included (发展, 提升, 深化).
import type { Token } from '../model/index.js';
import { parseEntityTag } from './entity-tag.js';
import { STRIP_PREFIXES, isHardBoundary } from './name-words.js';

/** A short common word (蓝天, 碧水), not a place: coordinated qualifiers of one programme. */
const isQualifier = (t: Token | undefined): boolean => !!t && t.word.length <= 3 && t.tag !== 'ns' && !parseEntityTag(t.tag) && /^\p{Script=Han}+$/u.test(t.word);

/** Punctuation that ends a frame: the name lies within one clause part. */
const FRAME_STOP = /^([，。；：、！？（）(),;:!?\s]+|和|及|与|以及|等|并|的)$/;
/** Conjunctions that join two nouns inside one name (行业协会商会与行政机关脱钩改革); 和 more often joins two programmes. */
const JOINING = new Set(['及', '与', '以及']);
const isNoun = (t: Token | undefined): boolean => !!t && (/^(n|nz|nt|ns|j|vn)$/.test(t.tag) || !!parseEntityTag(t.tag));

/** Start offset of the framed name whose suffix starts at token `first` and ends at `end`, if a frame verb precedes it. */
export function frameStart(tokens: Token[], verbs: Set<string>, first: number, end: number, maxLength: number, suffixes: readonly string[]): number | undefined {
  // in a list of programmes (实施A计划、B工程) the verb frames every item: the name starts after the 、
  let itemStart: number | undefined;
  // the outermost verb of the clause part frames the name (完成…改革深化提升行动: not 深化)
  let outer: number | undefined;
  for (let k = first - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.word === '、' && itemStart === undefined && suffixes.some((s) => tokens[k - 1]?.word.endsWith(s))) {
      itemStart = k + 1 < first ? k + 1 : undefined;
      if (itemStart === undefined) break;
      continue;
    }
    // short coordinated qualifiers share the suffix (打好蓝天、碧水、净土保卫战)
    if (t.word === '、' && itemStart === undefined && isQualifier(tokens[k - 1]) && isQualifier(tokens[k + 1]) && !verbs.has(tokens[k - 1]!.word)) continue;
    // two nouns joined inside the name, unless the left one already ends a programme (实施A战略和B工程)
    if (JOINING.has(t.word) && itemStart === undefined && isNoun(tokens[k - 1]) && isNoun(tokens[k + 1]) && !suffixes.some((s) => tokens[k - 1]!.word.endsWith(s))) continue;
    if (FRAME_STOP.test(t.word) || (itemStart === undefined && end - t.start > maxLength + 4)) break;
    if (verbs.has(t.word) && itemStart === undefined) outer = k;
    if (verbs.has(t.word) && itemStart !== undefined) return tokens[itemStart]!.start;
  }
  if (outer === undefined) return undefined;
  let k = outer + 1;
  // 推进实施X工程: both verbs frame; a quantifier or separator after the verb opens no name (推广一批…)
  while (k < first && (verbs.has(tokens[k]!.word) || STRIP_PREFIXES.has(tokens[k]!.word) || (isHardBoundary(tokens[k]!) && tokens[k]!.word !== '“'))) k++;
  return k < first ? tokens[k]!.start : undefined;
}
