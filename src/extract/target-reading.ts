// What the target rules share while reading one number of a statement: the number itself (digits,
// Chinese numerals, 三分之一, 翻一番, a ratio), what the previous number of the statement left (a list
// continues it), and the small token tests the count and value rules both use.
import type { Comparator, Token } from '../model/index.js';
import type { Span } from './text-spans.js';
import { parseEntityTag } from './entity-tag.js';
import { parseChineseCount, parseDoubling, parseFraction, parseNumberToken, type NumberValue } from './number-value.js';
import { TARGET_RULES } from './target-rules.js';
import type { RuleId } from './rule-ids.js';

const NOT_MEASURES = TARGET_RULES.notMeasures;
/** The comparator's bound words after a number (以上, 左右). */
export const BOUND_WORDS: ReadonlySet<string> = new Set(TARGET_RULES.after.keys());
export const HAN = /\p{Script=Han}/u;
export const NUMERIC = /^-?\d/;
/** 第3, 从75%(提高到…), 由481家(增加到…): ordinals and starting values. */
const NOT_A_VALUE_BEFORE = new Set(['第', '从', '由']);
const NOT_A_VALUE_AFTER = new Set(['至', '到']);
const RATIO_MARK = '∶';
/** A counted object's noun phrase ends at these (a new clause, a bracket). */
export const TAIL_STOP = /^[，,；;：:。！？!?（）()《》\s]+$/;
export const QUOTE_MARK = /^[“”"‘’']+$/;

export type Role = 'count' | 'value';

/** The previous target-making number of the statement: lists and bare verbs continue it. */
export interface Previous {
  role: Role;
  /** Token index of the number. */
  n: number;
  /** First token after the number's own phrase (bound words, counted object). */
  end: number;
  metric: string;
  /** The metric without a trailing change verb or attribute: what a bare 增长 or 规模 continues. */
  subject: string;
  comparator: Comparator;
  rule: RuleId;
  measures: string[];
  /** Metrics still to hand out to the following numbers of a 分别 list. */
  respective?: string[];
  /** Where the list's quote starts. */
  quoteStart: number;
}

export interface Reading {
  parts: NumberValue[];
  kind: 'plain' | 'range' | 'ratio' | 'chinese' | 'fraction' | 'doubling';
  /** Last token of the number (a ratio spans several). */
  last: number;
}

export interface NumberContext {
  tokens: Token[];
  text: string;
  n: number;
  reading: Reading;
  /** First token of the number's clause. */
  cFrom: number;
  clause: Span;
  /** End of the statement's tokens. */
  stTo: number;
  prev: Previous | undefined;
  forward: boolean;
}

export interface Made {
  role: Role;
  metric: string;
  comparator: Comparator;
  /** The comparator the list's verb gives (a later number of the list keeps it unless it has its own bound). */
  baseComparator: Comparator;
  rule: RuleId;
  period?: string;
  end: number;
  quoteStart: number;
  quoteEnd: number;
  /** Where the text naming what the number is about starts (for MEASURES). */
  subjectStart: number;
  /** The metric continues the previous target's: so does what it measures. */
  inherits: boolean;
  respective?: string[];
}

/** The number at token `n`, if it is one a target can hold. */
export function readNumber(tokens: Token[], n: number, to: number): Reading | undefined {
  const t = tokens[n]!;
  if (!t.tag.startsWith('m') && !t.tag.startsWith('l') && !t.tag.startsWith('i')) return undefined;
  if (NOT_A_VALUE_BEFORE.has(tokens[n - 1]?.word ?? '')) return undefined;
  if (NUMERIC.test(t.word)) {
    // "100万元至300万元": a bracket, not a target
    if (NOT_A_VALUE_AFTER.has(tokens[n + 1]?.word ?? '') && NUMERIC.test(tokens[n + 2]?.word ?? '')) return undefined;
    const num = parseNumberToken(t.word);
    if (!num) return undefined;
    if (!num.unit) return readRatio(tokens, n, to, num);
    if (NOT_MEASURES.test(num.unit)) return undefined;
    if (num.valueMax !== undefined) {
      return { parts: [{ value: num.value, unit: num.unit }, { value: num.valueMax, unit: num.unit }], kind: 'range', last: n };
    }
    return { parts: [num], kind: 'plain', last: n };
  }
  const fraction = parseFraction(t.word);
  if (fraction) return { parts: [fraction], kind: 'fraction', last: n };
  const doubling = parseDoubling(t.word);
  if (doubling) return { parts: [doubling], kind: 'doubling', last: n };
  const count = parseChineseCount(t.word, TARGET_RULES.cnClassifiers);
  // 一个 / 两个 are articles more often than counts
  if (count && count.value >= 3) return { parts: [count], kind: 'chinese', last: n };
  return undefined;
}

/** "19∶43∶38": one unit-less value per part. */
function readRatio(tokens: Token[], n: number, to: number, first: NumberValue): Reading | undefined {
  const parts = [first];
  let k = n;
  while (k + 2 < to && tokens[k + 1]!.word === RATIO_MARK && /^\d+(?:\.\d+)?$/.test(tokens[k + 2]!.word)) {
    parts.push({ value: Number(tokens[k + 2]!.word), unit: '' });
    k += 2;
  }
  return parts.length >= 2 ? { parts, kind: 'ratio', last: k } : undefined;
}

/** The word before token `n`, past fillers (约, 近, 再) and count modifiers (省级, 好). */
export function wordBefore(tokens: Token[], n: number, from: number): { word: string; index: number } | undefined {
  let k = n - 1;
  while (k >= from && (TARGET_RULES.fillers.has(tokens[k]!.word) || TARGET_RULES.countModifiers.has(tokens[k]!.word) || tokens[k]!.word === '好')) k--;
  return k >= from ? { word: tokens[k]!.word, index: k } : undefined;
}

/** Tokens between the previous number's phrase and this one are only a list joiner (、 和 及). */
export function continuesList(tokens: Token[], prev: Previous | undefined, n: number): boolean {
  if (!prev) return false;
  let k = prev.end;
  if (k === n) return true;
  while (k < n && TARGET_RULES.listJoiners.has(tokens[k]!.word)) k++;
  while (k < n && TARGET_RULES.fillers.has(tokens[k]!.word)) k++;
  return k === n && prev.end < n;
}

/** After the number's bound words: the first token of what follows it. */
export function afterBounds(tokens: Token[], n: number, stTo: number): number {
  let k = n + 1;
  while (k < stTo && BOUND_WORDS.has(tokens[k]!.word)) k++;
  return k;
}

export function isNounLike(t: Token): boolean {
  if (!HAN.test(t.word)) return false;
  return /^(n|vn|an|j|b|a|x)/.test(t.tag) || parseEntityTag(t.tag) !== undefined;
}

