// Rule entity.policy-frame: "开展直播电商发展三年行动" — after a verb that carries a programme out,
// the whole phrase up to the programme's suffix is its name, verbs inside included (发展, 提升, 深化).
import type { Token } from '../model/index.js';
import { parseEntityTag } from './entity-tag.js';
import { INNER_VERBS, LEADING_WORDS, STRIP_PREFIXES, isHardBoundary } from './name-words.js';

/** A short common word (蓝天, 碧水), not a place: coordinated qualifiers of one programme. */
const isQualifier = (t: Token | undefined): boolean => !!t && t.word.length <= 3 && t.tag !== 'ns' && !parseEntityTag(t.tag) && /^\p{Script=Han}+$/u.test(t.word);

/** Punctuation that ends a frame: the name lies within one clause part. */
const FRAME_STOP = /^([，。；：、！？（）(),;:!?\s]+|和|及|与|以及|等|并|的)$/;
/** Conjunctions that join two nouns inside one name (燃气企业与供热企业整合改革); 和 more often joins two programmes. */
const JOINING = new Set(['及', '与', '以及']);
const JOINING_ITEMS = new Set(['和', '及', '以及']);
const isNoun = (t: Token | undefined): boolean => !!t && (/^(n|nz|nt|ns|j|vn)$/.test(t.tag) || !!parseEntityTag(t.tag));

/** Token `i` alone is a short qualifier item: bounded by a 、, a verb, the clause start or the suffix token. */
function qualifierItem(tokens: Token[], i: number, beyond: number, verbs: Set<string>, suffixToken = -1): boolean {
  const t = tokens[i];
  if (!isQualifier(t) || verbs.has(t!.word)) return false;
  const b = tokens[beyond];
  return beyond === suffixToken || !b || b.word === '、' || verbs.has(b.word) || isHardBoundary(b);
}

/**
 * The earlier items of a framed list of programmes that share the last one's suffix ("实施花卉振兴、
 * 果园质量提升、新一轮茶产业提升行动" → 花卉振兴, 果园质量提升): each item is a programme's name.
 */
export function framedListItems(tokens: Token[], verbs: Set<string>, lastItemStart: number, maxLength: number): Array<{ start: number; end: number }> {
  const items: Array<{ start: number; end: number }> = [];
  let k = tokens.findIndex((t) => t.start === lastItemStart) - 1;
  while (k > 0 && STRIP_PREFIXES.has(tokens[k]!.word)) k--; // 、新一轮…行动
  while (k > 0 && tokens[k]!.word === '、') {
    const end = k - 1;
    let start = end;
    while (start - 1 >= 0 && !isHardBoundary(tokens[start - 1]!) && !verbs.has(tokens[start - 1]!.word)) start--;
    const t0 = tokens[start]!;
    if (start > end || tokens[end]!.end - t0.start > maxLength || tokens[end]!.end - t0.start < 2) return [];
    // a programme item names an action (花卉振兴, 果园质量提升); a thing (建筑垃圾、住宅小区) is what the last one acts on
    if (tokens.slice(start, end + 1).some((t) => t.tag === 'v' || t.tag === 'vn')) items.push({ start: t0.start, end: tokens[end]!.end });
    k = start - 1;
  }
  // only a list the clause's verb frames (实施A、B、C行动) is a list of programmes
  return k >= 0 && verbs.has(tokens[k]!.word) ? items : [];
}

/** Start offset of the framed name whose suffix starts at token `first` and ends at `end`, if a frame verb precedes it. */
export function frameStart(tokens: Token[], verbs: Set<string>, first: number, end: number, maxLength: number, suffixes: readonly string[]): number | undefined {
  const start = frameFrom(tokens, verbs, first, end, maxLength, suffixes);
  // a quoted name right before the suffix takes at most a short qualifier before it (重点企业“服务卡”制度;
  // not 国企采购平台接入市公共资源“一网统采”试点)
  const close = tokens[first - 1]?.word;
  const open = close === '”' || close === '"' ? openingQuoteBefore(tokens, first - 1) : undefined;
  if (start !== undefined && open !== undefined && tokens[open]!.start - start > QUALIFIER_BEFORE_QUOTE) return tokens[open]!.start;
  return start === undefined ? undefined : afterOpenQuote(tokens, start, first);
}

/** A name opened by a quote that closes after its suffix starts inside the quote (某大学"985工程"二期 → 985工程). */
function afterOpenQuote(tokens: Token[], start: number, first: number): number {
  let open: number | undefined;
  for (let k = first - 1; k >= 0 && tokens[k]!.end > start; k--) {
    const w = tokens[k]!.word;
    if (w === '”') return start;
    if (w === '“' || w === '"') {
      open = k;
      break;
    }
  }
  return open !== undefined && tokens[open + 1] ? tokens[open + 1]!.start : start;
}

const QUALIFIER_BEFORE_QUOTE = 4;

function openingQuoteBefore(tokens: Token[], close: number): number | undefined {
  for (let k = close - 1; k >= 0 && close - k <= 10; k--) if (tokens[k]!.word === '“' || tokens[k]!.word === '"') return k;
  return undefined;
}

function frameFrom(tokens: Token[], verbs: Set<string>, first: number, end: number, maxLength: number, suffixes: readonly string[]): number | undefined {
  // in a list of programmes (实施A计划、B工程) the verb frames every item: the name starts after the 、
  let itemStart: number | undefined;
  // the outermost verb of the clause part frames the name (完成…改革深化提升行动: not 深化)
  let outer: number | undefined;
  for (let k = first - 1; k >= 0; k--) {
    const t = tokens[k]!;
    // short coordinated qualifiers share the suffix (打好蓝天、碧水、净土保卫战)
    if (t.word === '、' && itemStart === undefined && qualifierItem(tokens, k - 1, k - 2, verbs) && qualifierItem(tokens, k + 1, k + 2, verbs, first)) continue;
    // otherwise a list of programmes (实施A计划、B工程; 实施A、B、C提升行动): the name starts after the 、,
    // and further back 和/及 part items as 、 does (实施A计划和B行动、C行动)
    if (t.word === '、' || (itemStart !== undefined && JOINING_ITEMS.has(t.word))) {
      itemStart ??= k + 1 < first ? k + 1 : undefined;
      if (itemStart === undefined) break;
      continue;
    }
    // two nouns joined inside the name, unless the left one already ends a programme (实施A战略和B工程)
    if (JOINING.has(t.word) && itemStart === undefined && isNoun(tokens[k - 1]) && isNoun(tokens[k + 1]) && !suffixes.some((s) => tokens[k - 1]!.word.endsWith(s))) continue;
    if (FRAME_STOP.test(t.word) || (itemStart === undefined && end - t.start > maxLength + 4)) break;
    if (verbs.has(t.word) && itemStart === undefined) outer = k;
    if (verbs.has(t.word) && itemStart !== undefined) return tokens[itemStart]!.start;
  }
  if (outer === undefined) return undefined;
  let k = outer + 1;
  // 推进实施X工程: both verbs frame; a quantifier or separator after the verb opens no name (推广一批…)
  // …and the verbs chained after it (巩固拓展深入贯彻X规定)
  while (k < first && (verbs.has(tokens[k]!.word) || STRIP_PREFIXES.has(tokens[k]!.word) || (LEADING_WORDS.has(tokens[k]!.word) && !INNER_VERBS.has(tokens[k]!.word) && /^(v|vd|d|ad)$/.test(tokens[k]!.tag)) || (isHardBoundary(tokens[k]!) && tokens[k]!.word !== '“'))) k++;
  return k < first ? tokens[k]!.start : undefined;
}
