// Rule target.count: a verb + number + classifier + noun (GUIDELINES: 培育/打造/新建/完成 + number +
// classifier + noun). The noun phrase after the number is the metric, one target per number.
import type { Token } from '../model/index.js';
import { parseChineseCount } from './number-value.js';
import { comparatorAfter, isApproximate, verbComparator } from './target-grammar.js';
import { RULES } from './rule-ids.js';
import { TARGET_RULES } from './target-rules.js';
import { afterBounds, BOUND_WORDS, continuesList, HAN, isNounLike, NUMERIC, QUOTE_MARK, TAIL_STOP, wordBefore, type Made, type NumberContext } from './target-reading.js';

/**
 * Rule target.count: a verb + number + classifier + noun ("新建10家省级概念验证中心、30家标杆孵化器和
 * 10家省级制造业中试平台", "抓好550个省重大项目", "建好省级四个个体私营经济园区"): the noun phrase after
 * the number is the metric, one target per number; a plain figure of a forward statement only.
 */
export function readCount(c: NumberContext): Made | undefined {
  const { tokens, n, reading, cFrom, stTo, prev } = c;
  if (reading.kind !== 'plain' && reading.kind !== 'chinese') return undefined;
  const k = afterBounds(tokens, n, stTo);
  const next = tokens[k];
  if (!next || next.start >= c.clause.end + 1 || !startsObject(tokens, k, c.clause.end)) return undefined;
  const before = wordBefore(tokens, n, Math.max(0, cFrom - 1));
  const fromList = prev?.role === 'count' && continuesList(tokens, prev, n);
  // "12类45件民生实事": a count of a count
  const stacked = prev?.role === 'count' && prev.n === n - 1;
  // "深化高层建筑消防等9个…治理": after an enumeration's 等 the clause's own count verb governs
  const afterList = before?.word === '等' && reading.kind === 'plain' && tokens.slice(cFrom, before.index).some((t) => TARGET_RULES.countVerbs.has(t.word));
  const verb = before && (TARGET_RULES.countVerbs.has(before.word) || afterList);
  if (!fromList && !stacked && !verb) return undefined;
  // a count in Chinese numerals is a target only as a verb's object, never a quoted label (“四个意识”)
  const quoted = QUOTE_MARK.test(tokens[n - 1]?.word ?? '') || QUOTE_MARK.test(tokens[k]!.word);
  if (reading.kind === 'chinese' && (!TARGET_RULES.createVerbs.has(before?.word ?? '') || quoted)) return undefined;
  const tail = countedObject(tokens, k, stTo);
  if (!tail) return undefined;
  const own = comparatorAfter(tokens, n) ?? (isApproximate(tokens, n) ? '~' : undefined);
  const verbCmp = verb && before ? verbComparator(before.word) : undefined;
  const baseComparator = fromList || stacked ? prev!.comparator : verbCmp ?? '=';
  const comparator = own ?? baseComparator;
  // without a bound word or a comparing verb, only a forward-looking statement commits to the figure
  if (!own && !verbCmp && !c.forward) return undefined;
  const keepVerb = verb && before && /^新/.test(before.word) ? before.word : '';
  const metric = keepVerb + tail.metric;
  if (metric.length < 2 || metric.length > 30) return undefined;
  const quoteStart = fromList || stacked ? prev!.quoteStart : tokens[before && verb ? before.index : n]!.start;
  return {
    role: 'count',
    metric,
    comparator,
    baseComparator,
    rule: RULES.targetCount,
    end: tail.end,
    quoteStart,
    quoteEnd: tokens[tail.end - 1]!.end,
    subjectStart: tokens[n]!.start,
    inherits: false,
  };
}

/**
 * The counted object starts here: a noun-like word or an opening quote, or any word that opens a
 * relative clause ending in 的 before the clause ends ("3家在国内具有较强影响力的…平台").
 */
function startsObject(tokens: Token[], k: number, clauseEnd: number): boolean {
  const t = tokens[k]!;
  if (QUOTE_MARK.test(t.word)) return tokens[k + 1] !== undefined && !TAIL_STOP.test(tokens[k + 1]!.word);
  // "完成800户的改造任务": the classifier's 的 opens the object
  if (t.word === '的') return tokens[k + 1] !== undefined && tokens[k + 1]!.start < clauseEnd && HAN.test(tokens[k + 1]!.word);
  if (isNounLike(t) || (HAN.test(t.word) && /^(x|s|nr|ns|l|i)/.test(t.tag))) return true;
  // "5个千亿级产业集群": a size word before the noun
  if (HAN.test(t.word) && /^[mq]/.test(t.tag) && [tokens[k + 1], tokens[k + 2]].some((x) => x !== undefined && x.start < clauseEnd && isNounLike(x))) return true;
  if (t.word === '的' || !(HAN.test(t.word) || NUMERIC.test(t.word))) return false;
  for (let j = k + 1; j < tokens.length && tokens[j]!.start < clauseEnd; j++) if (tokens[j]!.word === '的') return true;
  return NUMERIC.test(t.word) && tokens[k + 1] !== undefined && isNounLike(tokens[k + 1]!);
}

/**
 * The noun phrase after a counted number, up to the clause end, the next number of a list (和60项…)
 * or a 、 before a numbered item; a qualifier with its own number ("技工贸总收入5000万元以上的") and a
 * relative clause before 的 give way to the head noun after it.
 */
function countedObject(tokens: Token[], k0: number, stTo: number): { metric: string; end: number } | undefined {
  let parts: string[] = [];
  let k = k0;
  for (; k < stTo; k++) {
    const t = tokens[k]!;
    const w = t.word;
    if (k === k0 && w === '的') continue;
    if (NUMERIC.test(w)) {
      if (k === k0) continue; // "12类45件…": the inner count names the same object
      // a number qualifying the head: "…5000万元以上的民营高新技术企业"
      let j = k + 1;
      while (j < stTo && BOUND_WORDS.has(tokens[j]!.word)) j++;
      if (tokens[j]?.word === '的') {
        parts = [];
        k = j;
        continue;
      }
      break;
    }
    if (TARGET_RULES.listJoiners.has(w) && w !== '，') {
      let j = k + 1;
      while (j < stTo && TARGET_RULES.fillers.has(tokens[j]!.word)) j++;
      if (j < stTo && (NUMERIC.test(tokens[j]!.word) || parseChineseCount(tokens[j]!.word, TARGET_RULES.cnClassifiers))) break;
      if (w === '、' && segmentHasNumber(tokens, j, stTo)) break;
      parts.push(w);
      continue;
    }
    if (TAIL_STOP.test(w)) break;
    if (QUOTE_MARK.test(w)) continue;
    if (!HAN.test(w) && !/^[A-Za-z0-9+＋.]+$/.test(w)) break;
    parts.push(w);
  }
  while (parts.length > 0 && /^(等|的|和|及|与|、)$/.test(parts[parts.length - 1]!)) parts.pop();
  let metric = parts.join('');
  const de = metric.lastIndexOf('的');
  if (de >= 0 && metric.length - de - 1 >= 2) metric = metric.slice(de + 1);
  return metric.length >= 2 && HAN.test(metric) ? { metric, end: k } : undefined;
}

/** A 、-item from token j to the next clause mark holds a number of its own ("、30家标杆孵化器"). */
function segmentHasNumber(tokens: Token[], j: number, stTo: number): boolean {
  for (let k = j; k < stTo; k++) {
    const w = tokens[k]!.word;
    if (w === '、' || TAIL_STOP.test(w)) return false;
    if (NUMERIC.test(w) && tokens[k]!.tag.startsWith('m')) return true;
  }
  return false;
}

