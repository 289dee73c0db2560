// The comparator grammar of a target (GUIDELINES "Target", comparator): bound words after the number
// (以上, 以内, 左右), 约/近 right before it, and verbs before it (达到, 跨越, 控制在, 增长). The words
// are data (graph/rules/targets.json): >= for 以上/跨越/突破/超过/不低于, <= for 以内/控制在/不超过,
// ~ for 左右/约, = for 达/达到 without a bound word.
import type { Comparator, Token } from '../model/index.js';
import { RULES, type RuleId } from './rule-ids.js';
import { TARGET_RULES } from './target-rules.js';

const { after: AFTER, before: BEFORE, changeVerbs, fillers: FILLER, approxBefore } = TARGET_RULES;
/** Verbs of change: with a percentage they state a growth rate; followed by 到/至 they state a level. */
export const CHANGE_VERBS = changeVerbs;
const TO = new Set(['到', '至']);
const RATE_UNITS = TARGET_RULES.rateUnits;

export interface Grammar {
  comparator: Comparator;
  rule: RuleId;
  /** The number is a rate of change of the metric (增长5%): the verb belongs in the metric. */
  growth: boolean;
  /** Index of the first token of the verb phrase before the number (the metric ends before it). */
  verbStart: number;
  /** The comparator the words before the number give (a list's later numbers keep it). */
  before?: Comparator;
}

/** The bound word right after the number (以上 → >=), if any. */
export function comparatorAfter(tokens: Token[], n: number): Comparator | undefined {
  return AFTER.get(tokens[n + 1]?.word ?? '');
}

/** 约/近 right before the number make it approximate. */
export function isApproximate(tokens: Token[], n: number): boolean {
  return approxBefore.has(tokens[n - 1]?.word ?? '');
}

/** The comparator of a verb standing right before a counted object (守住18亿亩耕地红线 → >=). */
export function verbComparator(word: string): Comparator | undefined {
  return BEFORE.get(word);
}

/** The comparator of the number at token `n`, looking back no further than token `from`. */
export function readGrammar(tokens: Token[], n: number, from: number, unit: string): Grammar | undefined {
  const after = comparatorAfter(tokens, n) ?? (isApproximate(tokens, n) ? '~' : undefined);
  let k = n - 1;
  while (k >= from && FILLER.has(tokens[k]!.word)) k--;
  let before: Comparator | undefined;
  let growth = false;
  let verbStart = k + 1;
  if (k >= from) {
    const w = tokens[k]!.word;
    const withZai = tokens[k + 1]?.word === '在' ? BEFORE.get(w + '在') : undefined;
    const withWei = tokens[k + 1]?.word === '为' ? BEFORE.get(w + '为') : undefined;
    // jieba cuts 不低于 / 不超过 into 不 + verb, and 调整为 into 调整 + 为
    const negated = tokens[k - 1]?.word === '不' && k - 1 >= from ? BEFORE.get('不' + w) : undefined;
    const joined = k - 1 >= from ? BEFORE.get(tokens[k - 1]!.word + w) : undefined;
    if (negated) {
      before = negated;
      verbStart = k - 1;
    } else if (withZai ?? withWei ?? BEFORE.get(w)) {
      before = withZai ?? withWei ?? BEFORE.get(w);
      verbStart = k;
      if (w === '为' && joined) verbStart = k - 1;
    } else if (CHANGE_VERBS.has(w)) {
      if (TO.has(tokens[k + 1]?.word ?? '')) {
        before = '=';
        verbStart = k;
      } else if (RATE_UNITS.has(unit)) {
        before = '=';
        growth = true;
        verbStart = k + 1;
      }
    }
  }
  const comparator = after ?? before;
  if (!comparator) return undefined;
  return before ? { comparator, rule: ruleFor(comparator, growth), growth, verbStart, before } : { comparator, rule: ruleFor(comparator, growth), growth, verbStart };
}

export function ruleFor(c: Comparator, growth: boolean): RuleId {
  if (growth) return RULES.targetGrowthRate;
  if (c === '>=') return RULES.targetFloor;
  if (c === '<=') return RULES.targetCeiling;
  if (c === '~') return RULES.targetApprox;
  return RULES.targetReach;
}
