// Rules target.reach / floor / ceiling / approx / growth-rate / range / ratio / respectively: a number
// whose metric stands before it (高新技术企业达500家, 国内生产总值增长5.5%左右, 分别达X、Y、Z).
import type { Comparator, Token } from '../model/index.js';
import { CHANGE_VERBS, comparatorAfter, isApproximate, readGrammar } from './target-grammar.js';
import { readMetric, respectiveMetrics } from './target-metric.js';
import { RULES } from './rule-ids.js';
import { TARGET_RULES } from './target-rules.js';
import { afterBounds, continuesList, HAN, isNounLike, NUMERIC, TAIL_STOP, type Made, type NumberContext, type Previous } from './target-reading.js';

const TAIL_OK = TARGET_RULES.boundWords;

/**
 * Rules target.reach / floor / ceiling / approx / growth-rate / range / ratio / respectively: the
 * metric before the number, the comparator from the words around it; a plain figure without one
 * ("城镇新增就业120万人") only in a forward-looking statement, and only as the clause's object.
 */
export function readValue(c: NumberContext): Made | undefined {
  const { tokens, n, reading, cFrom, prev } = c;
  if (reading.kind === 'chinese') return undefined;
  const unit = reading.parts[0]!.unit;
  const fromList = prev?.role === 'value' && continuesList(tokens, prev, n);
  if (fromList) {
    const own = comparatorAfter(tokens, n) ?? (isApproximate(tokens, n) ? '~' : undefined);
    const metric = prev!.respective?.[0] ?? prev!.metric;
    const respective = prev!.respective?.slice(1);
    const end = afterBounds(tokens, n, c.stTo);
    if (!numberIsObject(tokens, n, c.clause.end, c.stTo)) return undefined;
    return {
      role: 'value',
      metric,
      comparator: own ?? prev!.comparator,
      baseComparator: prev!.comparator,
      rule: prev!.respective ? RULES.targetRespectively : prev!.rule,
      end,
      quoteStart: prev!.quoteStart,
      quoteEnd: tokens[end - 1]!.end,
      subjectStart: prev!.quoteStart,
      inherits: true,
      ...(respective && respective.length > 0 ? { respective } : {}),
    };
  }
  // the metric may begin in an enumeration before the clause ("小学、初中毕业生升学率分别达到…")
  let mFrom = prev && prev.end > cFrom ? prev.end : cFrom;
  if (mFrom === cFrom) mFrom = enumerationStart(tokens, cFrom, prev);
  const doubling = reading.kind === 'doubling';
  let grammar = doubling
    ? { comparator: comparatorAfter(tokens, n) ?? ('=' as Comparator), rule: RULES.targetReach, growth: false, verbStart: n }
    : readGrammar(tokens, n, mFrom, unit);
  if (!grammar) {
    // a plain figure: a commitment only where the statement looks forward
    if (!c.forward) return undefined;
    grammar = { comparator: '=', rule: RULES.targetReach, growth: false, verbStart: n };
  }
  if (reading.kind === 'ratio') grammar = { ...grammar, rule: RULES.targetRatio };
  if (reading.kind === 'range') grammar = { ...grammar, rule: RULES.targetRange };
  if (!numberIsObject(tokens, n, c.clause.end, c.stTo)) return undefined;
  const read = readMetric(tokens, mFrom, Math.max(mFrom, grammar.verbStart));
  let metric = read.metric;
  let inherits = false;
  // (or nothing before a verb: "到2030年，突破2000亿元")
  if (prev && (CHANGE_VERBS.has(metric) || TARGET_RULES.genericAttributes.has(metric) || (metric === '' && grammar.before !== undefined))) {
    // "…增加约1.5万亿元、规模近9.8万亿元，增长18%": a bare verb or attribute continues the subject
    metric = prev.subject + metric;
    inherits = true;
  }
  metric = tidyMetric(metric);
  // a bare count verb names nothing ("培育3家…", its object unread)
  if (!metric || TARGET_RULES.countVerbs.has(metric)) return undefined;
  // "滚动实施1000项亿元以上…项目": a count verb's object left unread is no metric either
  const following = tokens[afterBounds(tokens, n, c.stTo)];
  const objectFollows = following !== undefined && following.start < c.clause.end && HAN.test(following.word);
  if (objectFollows && [...TARGET_RULES.countVerbs].some((v) => metric.endsWith(v))) return undefined;
  const statementHasRespectively = tokens.slice(mFrom, n).some((t) => t.word === '分别');
  let respective: string[] | undefined;
  if (statementHasRespectively) {
    const values = listLength(tokens, n, c.stTo);
    respective = respectiveMetrics(read.items, values);
    if (respective) {
      metric = respective[0]!;
      respective = respective.slice(1);
    }
  }
  const end = afterBounds(tokens, n, c.stTo);
  const quoteStart = tokens[mFrom]?.start ?? tokens[n]!.start;
  return {
    role: 'value',
    metric,
    comparator: grammar.comparator,
    baseComparator: grammar.before ?? grammar.comparator,
    rule: respective ? RULES.targetRespectively : grammar.rule,
    ...(read.period ? { period: read.period } : {}),
    end,
    quoteStart,
    quoteEnd: tokens[end - 1]!.end,
    subjectStart: quoteStart,
    inherits,
    ...(respective ? { respective } : {}),
  };
}

/** How many numbers a list starting at token n holds (2400亿元、450亿元、1700亿元 → 3). */
function listLength(tokens: Token[], n: number, stTo: number): number {
  let count = 1;
  let k = afterBounds(tokens, n, stTo);
  for (;;) {
    let j = k;
    while (j < stTo && TARGET_RULES.listJoiners.has(tokens[j]!.word)) j++;
    while (j < stTo && TARGET_RULES.fillers.has(tokens[j]!.word)) j++;
    if (j === k || j >= stTo || !NUMERIC.test(tokens[j]!.word)) return count;
    count++;
    k = afterBounds(tokens, j, stTo);
  }
}

/** Back over 、-items with no number of their own: they enumerate the metric's subjects. */
function enumerationStart(tokens: Token[], cFrom: number, prev: Previous | undefined): number {
  let start = cFrom;
  const floor = prev ? prev.end : 0;
  while (start - 1 > floor && tokens[start - 1]!.word === '、') {
    let j = start - 2;
    while (j >= floor && !TAIL_STOP.test(tokens[j]!.word) && tokens[j]!.word !== '、' && !NUMERIC.test(tokens[j]!.word)) j--;
    if (j >= floor && NUMERIC.test(tokens[j]!.word)) break;
    start = j + 1;
    if (j < floor || TAIL_STOP.test(tokens[j]!.word)) break;
  }
  return start;
}

/**
 * A metric names something: some Han characters, not too long (a long one keeps its head noun
 * phrase).
 */
function tidyMetric(metric: string): string {
  let m = metric.replace(/[拟将要按]+$/, '');
  if (m.length > 24 && m.lastIndexOf('的') > 0) m = m.slice(m.lastIndexOf('的') + 1);
  if (m.length < 2 || m.length > 30 || !HAN.test(m)) return '';
  return m;
}

/** What a bare 增长 or 规模 after this metric is about: the metric without its change verb or attribute. */
export function subjectOf(metric: string): string {
  for (const w of [...CHANGE_VERBS, ...TARGET_RULES.genericAttributes]) {
    if (metric.endsWith(w) && metric.length > w.length + 1) return metric.slice(0, -w.length);
  }
  return metric;
}

/**
 * The words after the number decide whether it is the object of the clause: nothing, a bound word
 * or a verb are fine; 的 or a noun make it a modifier (突破5万亿元的城市, 8座以下小汽车).
 */
function numberIsObject(tokens: Token[], n: number, clauseEnd: number, stTo: number): boolean {
  let k = n + 1;
  while (k < stTo && tokens[k]!.start < clauseEnd && TAIL_OK.has(tokens[k]!.word)) k++;
  const next = tokens[k]?.word === '“' ? tokens[k + 1] : tokens[k];
  if (!next || next.start >= clauseEnd) return true;
  if (next.word === '的') return false;
  return !isNounLike(next);
}

