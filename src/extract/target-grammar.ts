// The comparator grammar of a target: bound words after the number (以上, 以内, 左右) and verbs
// before it (达到, 跨越, 控制在, 增长). Convention from the answer key: >= for 以上/跨越/突破/超过/
// 不低于, <= for 以内/控制在/不超过, = for 达/达到 without a bound word, ~ for 左右.
import type { Comparator, Token } from '../model/index.js';
import { RULES, type RuleId } from './rule-ids.js';

const AFTER: Record<string, Comparator> = {
  以上: '>=', 之上: '>=', 以内: '<=', 之内: '<=', 以下: '<=', 左右: '~', 上下: '~',
};
const BEFORE: Record<string, Comparator> = {
  达: '=', 达到: '=', 达至: '=', 为: '=', 保持在: '=', 稳定在: '=', 维持在: '=',
  跨越: '>=', 突破: '>=', 超过: '>=', 超: '>=', 不低于: '>=', 不少于: '>=', 高于: '>=', 大于: '>=', 至少: '>=', 逾: '>=',
  不超过: '<=', 不高于: '<=', 低于: '<=', 少于: '<=', 小于: '<=', 控制在: '<=', 控制到: '<=', 压减到: '<=', 压缩到: '<=',
};
/** Verbs of change: with a percentage they state a growth rate; followed by 到/至 they state a level. */
export const CHANGE_VERBS = new Set(['增长', '提高', '提升', '下降', '降低', '减少', '增加', '上涨', '扩大', '缩小', '削减', '压减', '降', '增', '涨幅', '降幅', '增幅', '增速']);
const TO = new Set(['到', '至']);
/** Words that may stand between the verb and the number. */
const FILLER = new Set(['在', '到', '至', '了', '约', '近', '分别', '均', '总计', '合计', '累计', '平均']);
const RATE_UNITS = new Set(['%', '‰', '个百分点', '百分点', '倍']);

export interface Grammar {
  comparator: Comparator;
  rule: RuleId;
  /** The number is a rate of change of the metric (增长5%): the verb belongs in the metric. */
  growth: boolean;
  /** Index of the first token of the verb phrase before the number (the metric ends before it). */
  verbStart: number;
}

/** The comparator of the number at token `n`, looking back no further than token `from`. */
export function readGrammar(tokens: Token[], n: number, from: number, unit: string, isRange: boolean): Grammar | undefined {
  const after = AFTER[tokens[n + 1]?.word ?? ''];
  let k = n - 1;
  while (k >= from && FILLER.has(tokens[k]!.word)) k--;
  let before: Comparator | undefined;
  let growth = false;
  let verbStart = k + 1;
  if (k >= from) {
    const w = tokens[k]!.word;
    const withZai = tokens[k + 1]?.word === '在' ? BEFORE[w + '在'] : undefined;
    // jieba cuts 不低于 / 不超过 into 不 + verb
    const negated = tokens[k - 1]?.word === '不' && k - 1 >= from ? BEFORE['不' + w] : undefined;
    if (negated) {
      before = negated;
      verbStart = k - 1;
    } else if (withZai ?? BEFORE[w]) {
      before = withZai ?? BEFORE[w];
      verbStart = k;
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
  if (isRange) return { comparator: 'range', rule: RULES.targetRange, growth, verbStart };
  const comparator = after ?? before;
  if (!comparator) return undefined;
  return { comparator, rule: ruleFor(comparator, growth), growth, verbStart };
}

function ruleFor(c: Comparator, growth: boolean): RuleId {
  if (growth) return RULES.targetGrowthRate;
  if (c === '>=') return RULES.targetFloor;
  if (c === '<=') return RULES.targetCeiling;
  if (c === '~') return RULES.targetApprox;
  return RULES.targetReach;
}
