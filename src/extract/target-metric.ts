// The metric of a target: the noun phrase between the clause's context words and the verb before
// the number ("力争到2025年高新技术企业达500家" → 高新技术企业; "确保每年新开工重大项目30个以上" →
// 新开工重大项目, period 每年). A growth rate keeps its verb ("国内生产总值增长5.5%左右" → 国内生产总值增长).
import type { Token } from '../model/index.js';
import { yearOf } from './number-value.js';

const PERIODS = new Map([
  ['每年', '每年'], ['年均', '年均'], ['累计', '累计'], ['平均每年', '每年'], ['年平均', '年均'], ['五年累计', '累计'],
]);
/** Context words dropped from the front of a metric. */
const LEADING_CONTEXT = new Set(
  `到 至 在 于 今年 明年 全年 年内 其中 确保 力争 努力 争取 实现 预计 目标 将 要 使 并 同时 计划 全面 基本 进一步
   年底 年末 末 前 底 期末 以上 主要 预期 目标是 指标 和 及 以及 与 、 还 再 也 都 均 比 较 届时 同期 到期 新增加
   全力 安排 成为 持续 切实 推动 保持 继续 力求 力争实现 确保实现`.split(/\s+/),
);
/** Context words dropped wherever they stand in a metric. */
const ANYWHERE_CONTEXT = new Set(['分别', '全年', '今年', '明年', '按', '拟', '拟按', '约', '均', '总计', '合计', '力争', '确保', '努力']);
const CLAUSE_PUNCTUATION = /^[，,、；;：:。！？!?（）()《》\s]+$/;
const QUOTES = /^[“”"‘’']+$/;

/** Words dropped from the end of a metric (the verb phrase remnants). */
const TRAILING_CONTEXT = new Set(['分别', '均', '总计', '合计', '约', '近', '要', '将', '力争', '确保', '的', '为', '是', '在', '了']);

export interface Metric {
  metric: string;
  period?: string;
}

/** Metric from tokens [from, to): `to` is where the verb phrase (or the number) starts. */
export function readMetric(tokens: Token[], from: number, to: number): Metric {
  let period: string | undefined;
  const kept: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const p = PERIODS.get(t.word);
    if (p) {
      period = p;
      continue;
    }
    if (ANYWHERE_CONTEXT.has(t.word) || QUOTES.test(t.word)) continue;
    if (CLAUSE_PUNCTUATION.test(t.word)) {
      kept.length = 0; // a metric does not span clause punctuation
      continue;
    }
    // "从75%提高到100%": the starting value is context, and so is a number opening the metric
    if (/^\d/.test(t.word) && (kept.length === 0 || kept[kept.length - 1] === '从' || kept[kept.length - 1] === '由')) {
      if (kept.length > 0) kept.pop();
      continue;
    }
    if (yearOf(t.word) !== undefined) {
      // a year is context; with 比/较 before it, a base-year phrase (比2020年)
      const prev = kept[kept.length - 1];
      if (prev === '比' || prev === '较') kept.pop();
      continue;
    }
    kept.push(t.word);
  }
  while (kept.length > 0 && LEADING_CONTEXT.has(kept[0]!)) kept.shift();
  while (kept.length > 0 && TRAILING_CONTEXT.has(kept[kept.length - 1]!)) kept.pop();
  // "按2000年价格计算的国内生产总值" → 国内生产总值
  const metric = kept.join('').replace(/^.*?计算的/, '');
  return period ? { metric, period } : { metric };
}
