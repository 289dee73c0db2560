// The metric of a target: the noun phrase between the clause's context words and the verb before
// the number ("力争到2025年高新技术企业达500家" → 高新技术企业; "确保每年新开工重大项目30个以上" →
// 新开工重大项目, period 每年), or, for a counted object, the noun phrase after it ("新建24座公共厕所" →
// 新建公共厕所). A growth rate keeps its verb ("国内生产总值增长5.5%左右" → 国内生产总值增长).
import type { Token } from '../model/index.js';
import { yearOf } from './number-value.js';
import { TARGET_RULES } from './target-rules.js';

const { periods: PERIODS, metricLeading: LEADING_CONTEXT, metricAnywhere: ANYWHERE_CONTEXT, metricTrailing: TRAILING_CONTEXT } = TARGET_RULES;
const CLAUSE_PUNCTUATION = /^[，,；;：:。！？!?（）()《》\s]+$/;
const LIST_MARK = '、';
const QUOTES = /^[“”"‘’']+$/;
const OPEN_BRACKET = /^[（(]$/;
const CLOSE_BRACKET = /^[）)]$/;

export interface Metric {
  metric: string;
  period?: string;
  /** The 、-separated parts of the metric, as words (小学、初中毕业生升学率 → [小学], [初中, 毕业生, 升学率]). */
  items: string[][];
}

/** Metric from tokens [from, to): `to` is where the verb phrase (or the number) starts. */
export function readMetric(tokens: Token[], from: number, to: number): Metric {
  let period: string | undefined;
  const segments: string[][] = [[]];
  let kept = segments[0]!;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const p = PERIODS.get(t.word);
    if (p) {
      period = p;
      continue;
    }
    if (ANYWHERE_CONTEXT.has(t.word) || QUOTES.test(t.word)) continue;
    // a bracketed remark inside a metric ("农田(地)") is skipped, not a clause break
    if (OPEN_BRACKET.test(t.word)) {
      let j = k + 1;
      while (j < to && !CLOSE_BRACKET.test(tokens[j]!.word)) j++;
      if (j < to) {
        k = j;
        continue;
      }
    }
    if (t.word === LIST_MARK) {
      if (kept.length > 0) segments.push((kept = []));
      continue;
    }
    if (CLAUSE_PUNCTUATION.test(t.word)) {
      segments.length = 0; // a metric does not span clause punctuation
      segments.push((kept = []));
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
  const first = segments[0]!;
  while (first.length > 0 && LEADING_CONTEXT.has(first[0]!)) first.shift();
  while (kept.length > 0 && TRAILING_CONTEXT.has(kept[kept.length - 1]!)) kept.pop();
  // "按2000年价格计算的国内生产总值" → 国内生产总值
  const items = segments.filter((s) => s.length > 0);
  const metric = items
    .map((s) => s.join(''))
    .join(LIST_MARK)
    .replace(/^.*?计算的/, '')
    // "结构调整为5∶40∶55": the verb glued to the noun by the segmenter
    .replace(/(?<=..)调整$/, '');
  return period ? { metric, period, items } : { metric, items };
}

/**
 * One metric per value of a 分别 list: "交通、水利、能源领域投资额" with three values → 交通领域投资额,
 * 水利领域投资额, 能源领域投资额 (the words of the last item after its own share the head); "外贸进出口额"
 * with two → 外贸进口额, 外贸出口额. Undefined when the items do not pair with the values.
 */
export function respectiveMetrics(items: string[][], values: number): string[] | undefined {
  const joined = items.map((i) => i.join(''));
  if (joined.length === 1 && values === 2 && joined[0]!.includes('进出口')) {
    return [joined[0]!.replace('进出口', '进口'), joined[0]!.replace('进出口', '出口')];
  }
  let parts = items;
  if (parts.length === values - 1) {
    // "A、B和C…": the last item may join two with 和/及; without a 、-list only parallel parts
    // ("城镇居民和农村居民人均可支配收入": both end in 居民) are split
    const last = parts[parts.length - 1]!;
    const j = last.findIndex((w) => w === '和' || w === '及' || w === '与');
    const [a, b] = [last.slice(0, j).join(''), last.slice(j + 1).join('')];
    const parallel = j > 0 && a.length >= 2 && b.length > a.length && a.slice(-2) === b.slice(a.length - 2, a.length);
    if (j > 0 && (parts.length >= 2 || parallel)) parts = [...parts.slice(0, -1), last.slice(0, j), last.slice(j + 1)];
  }
  if (parts.length !== values || values < 2) return undefined;
  const heads = parts.slice(0, -1);
  const last = parts[parts.length - 1]!;
  const width = heads[0]!.length;
  if (last.length <= width) return parts.map((p) => p.join(''));
  const head = last.slice(width).join('');
  return [...heads.map((h) => h.join('') + head), last.join('')];
}
