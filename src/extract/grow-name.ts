// Grows a name leftwards from its suffix over the tokens before it, stopping at function words,
// punctuation and predicate openers ("推进海智汇园建设" → 海智汇园), then drops quantifier-like
// prefixes ("全省…", "一批…").
import type { Token } from '../model/index.js';
import { INNER_VERBS, LEADING_WORDS, STRIP_PREFIXES, isHardBoundary } from './name-words.js';
import { parseEntityTag } from './entity-tag.js';

export interface GrowOptions {
  /** Longest name allowed, in characters (suffix included). */
  maxLength: number;
  /** Allow one 和 between two short nouns (工业和信息化部, 经济和信息化厅). */
  allowAnd?: boolean;
  /** Allow "A、B<suffix>" when A and B are lexicon terms of one type (碳达峰、碳中和行动计划). */
  joinCoordinate?: boolean;
  /** Stop at a place name (通州区先进制造业 → 先进制造业). */
  stopAtRegion?: boolean;
  /** Stop at any verb (industry names hold none: 培养制造业 → 制造业). */
  stopAtVerb?: boolean;
  /** Stop at a verb unless it is one that names hold (修改浦东新区 → 浦东新区, 自主创新示范区 stays). */
  stopAtOuterVerb?: boolean;
  /** Stop at a word that is itself a complete industry (旅游业支柱性产业 → 支柱性产业). */
  stopAtIndustry?: boolean;
  /** An idiom right before a bare suffix may be the whole body (一票否决制度). */
  idiomBody?: boolean;
  /** A qualifier dropped from the front of the name (省级制造业 → 制造业). */
  stripPrefix?: RegExp;
}

const CODE = /^\d{3,4}$/;
const DURATION = /^[一二三四五六七八九十两\d]+年$/;
const LEVEL_PREFIX = new Set(['省', '市', '区', '县', '国家', '自治区', '中央', '全国']);

/** Characters jieba glues to the front of an unknown word ("由省/x"): not part of the name. */
const LEADING_FUNCTION_CHAR = /^[由以在对向从将把为与和及使让被]/;

/**
 * Start offset of the name whose suffix starts at `suffixStart` inside token `first` and ends at
 * `end`; `undefined` when no body is left before the suffix.
 */
export function growNameStart(
  tokens: Token[],
  first: number,
  suffixStart: number,
  end: number,
  opts: GrowOptions,
): number | undefined {
  let start = first;
  for (let i = first - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (end - t.start > opts.maxLength) break;
    if (t.word === '和' && opts.allowAnd && i > 0) {
      const left = tokens[i - 1]!;
      if (isNounish(left) && left.word.length <= 4 && end - left.start <= opts.maxLength) {
        // "X和Y…" with one-token X, optionally after a level or place prefix (省经济和信息化厅)
        start = i - 1;
        const prefix = tokens[i - 2];
        if (prefix && (LEVEL_PREFIX.has(prefix.word) || parseEntityTag(prefix.tag)?.type === 'Region' || prefix.tag === 'ns')) start = i - 2;
        break;
      }
    }
    if (t.word === '”' && i === start - 1) {
      // a quoted programme name opens the name ("“皖企登云”提质扩面工程")
      const open = openingQuote(tokens, i, end - opts.maxLength);
      if (open >= 0) start = open + 1;
      break;
    }
    // a place in brackets inside a name (国家热带作物科技(云南)基地) belongs to it
    if (/^[)）]$/.test(t.word) && i >= 2 && /^[(（]$/.test(tokens[i - 2]!.word) && isPlace(tokens[i - 1]!) && end - tokens[i - 2]!.start <= opts.maxLength) {
      i -= 2;
      start = i;
      continue;
    }
    // a programme's duration sits inside its name (沿江五市两年行动方案, 三年攻坚行动), and a code
    // number may be its whole body (985工程, 863计划) — then nothing before it belongs
    const duration = DURATION.test(t.word) && i >= first - 2;
    if (CODE.test(t.word) && i === first - 1 && tokens[first]!.start === suffixStart) return t.start;
    // an idiom right before a bare suffix is the name's body (一票否决制度)
    // …unless the idiom opens with a predicate word (始终保持战略定力)
    if (t.tag === 'i' && i === first - 1 && tokens[first]!.start === suffixStart && opts.idiomBody === true && !LEADING_WORDS.has(t.word.slice(0, 2))) return t.start;
    if (isHardBoundary(t) && !duration) break;
    const tag = parseEntityTag(t.tag);
    if (opts.stopAtRegion && (t.tag === 'ns' || tag?.type === 'Region')) break;
    if (opts.stopAtVerb && t.tag === 'v' && !tag) break;
    if (opts.stopAtOuterVerb && t.tag === 'v' && !tag && !INNER_VERBS.has(t.word)) break;
    if (opts.stopAtIndustry && /业$/.test(t.word) && t.word.length >= 2) break;
    // some verbs right before a bare suffix belong to the name (提升行动, 倍增计划, 联动创新区)
    const inner = i === first - 1 && tokens[first]!.start === suffixStart && INNER_VERBS.has(t.word);
    if (LEADING_WORDS.has(t.word) && !inner) break;
    start = i;
  }
  if (opts.joinCoordinate) start = joinCoordinate(tokens, start, first);
  while (start < first && (STRIP_PREFIXES.has(tokens[start]!.word) || isHardBoundary(tokens[start]!) || tokens[start]!.word === '和')) start++;
  if (start === first) return tokens[first]!.start < suffixStart ? tokens[first]!.start : undefined;
  // a predicate word alone is no body (提升行动 is not a name)
  if (start === first - 1 && tokens[first]!.start === suffixStart && INNER_VERBS.has(tokens[start]!.word)) return undefined;
  const s = tokens[start]!;
  let offset = s.tag === 'x' && s.word.length > 2 && LEADING_FUNCTION_CHAR.test(s.word) ? s.start + 1 : s.start;
  if (opts.stripPrefix) {
    // drop the qualifier only where it ends on a token boundary
    for (let k = start; k < first; k++) {
      const cut = tokens[k]!.end;
      if (cut - offset > 4) break;
      const head = tokensText(tokens, start, k);
      if (opts.stripPrefix.test(head) && head.replace(opts.stripPrefix, '') === '') {
        offset = cut;
        break;
      }
    }
  }
  return offset < suffixStart || offset === tokens[first]!.start ? offset : undefined;
}

function openingQuote(tokens: Token[], close: number, limit: number): number {
  for (let i = close - 1; i >= 0 && tokens[i]!.start >= limit; i--) {
    const w = tokens[i]!.word;
    if (w === '“') return i;
    if (/[，。；、,;”]/.test(w)) return -1;
  }
  return -1;
}

function tokensText(tokens: Token[], from: number, to: number): string {
  let out = '';
  for (let k = from; k <= to; k++) out += tokens[k]!.word;
  return out;
}

function isPlace(t: Token): boolean {
  return t.tag === 'ns' || parseEntityTag(t.tag)?.type === 'Region';
}

function isNounish(t: Token): boolean {
  return t.tag.startsWith('n') || t.tag === 'vn' || t.tag === 'j' || parseEntityTag(t.tag) !== undefined;
}

function joinCoordinate(tokens: Token[], start: number, first: number): number {
  const head = tokens[start];
  const sep = tokens[start - 1];
  const prev = tokens[start - 2];
  if (!head || !sep || !prev || start > first) return start;
  if (sep.word !== '、' || prev.word.length > 5) return start;
  const a = parseEntityTag(prev.tag);
  const b = parseEntityTag(head.tag);
  return a && b && a.type === b.type ? start - 2 : start;
}
