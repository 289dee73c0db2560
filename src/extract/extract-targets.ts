// Rules target.*: quantitative targets of one passage (GUIDELINES "Target"). A number is a target
// when the grammar around it states one — a comparator (达到/跨越/控制在 … 以上/以内/左右, 约, 增长
// x%), a counted object (新建10家…中心), or a plain figure in a forward-looking statement — the
// statement looks forward (not a 工作回顾 section, no 去年/已经 after the last 今年/力争/到2025年),
// and the clause is not a subsidy rule (奖补最高500万元). One target per number: 分别 lists pair their
// items with their numbers in order, a ratio 19∶43∶38 gives one target per part, a range two bounds.
import type { Comparator, SegmentedPassage, Target, Token } from '../model/index.js';
import { parseEntityTag } from './entity-tag.js';
import type { ResolvedMention } from './resolve-entities.js';
import { parseChineseCount, parseDoubling, parseFraction, parseNumberToken, type NumberValue } from './number-value.js';
import { CHANGE_VERBS, comparatorAfter, isApproximate, readGrammar, verbComparator } from './target-grammar.js';
import { readMetric, respectiveMetrics } from './target-metric.js';
import {
  headingYear,
  isGoalSection,
  isLeadParagraph,
  isPastSection,
  leadYear,
  planNamed,
  speaksOfPast,
  yearAt,
  yearBeforeIn,
  type DocumentPark,
  type SectionContext,
} from './target-context.js';
import { TARGET_RULES } from './target-rules.js';
import { clauseSpans, fullStopSpans, paragraphSpans, sentenceSpans, spanIndexAt, trimSpan, type Span } from './text-spans.js';
import { RULES, type RuleId } from './rule-ids.js';

export interface TargetOptions {
  docId: string;
  docYear?: number;
  /** What the passage inherits from its section (see sectionContexts). */
  section?: SectionContext;
  /** The document states a plan (its title or genre): outside review sections it looks forward. */
  plan?: boolean;
  /** Entity id of the document's region: what a target measures when its sentence names nothing. */
  regionId?: string;
  /** The last year of the plan the document sets (“十五” → 2005), for a garbled 到200年. */
  planEndYear?: number;
  /** The document's parks, for a bare class word (高新区) in a target's clause. */
  parks?: DocumentPark[];
}

/** Units that date or order things rather than measure them. */
const NOT_MEASURES = /^(年|月|日|届|号|次会议|周年|小时|分钟|时|岁以上)/;
/** Bound words that may follow the number without making it a modifier ("跨越2000亿元大关"). */
const TAIL_OK = new Set(['大关', '水平', '规模', '台阶', '目标', '左右', '以上', '以内', '以下', '上下']);
const BOUND_WORDS = new Set(['左右', '以上', '以内', '以下', '上下', '之上', '之内']);
const HAN = /\p{Script=Han}/u;
const NUMBER_CHAR = /[\d三四五六七八九十百千]/;
const NUMERIC = /^-?\d/;
/** 第3, 从75%(提高到…), 由481家(增加到…): ordinals and starting values. */
const NOT_A_VALUE_BEFORE = new Set(['第', '从', '由']);
const NOT_A_VALUE_AFTER = new Set(['至', '到']);
const RATIO_MARK = '∶';
/** 到 + a number of years too short to be one ("到200年"). */
const GARBLED_YEAR = /[到至]\d{1,3}年/;
const MEASURED_TYPES = new Set(['Park', 'Industry', 'Region', 'Organization']);
/** Outside the number's clause only a place or a park is taken as what the sentence is about. */
const SUBJECT_TYPES = new Set(['Park', 'Region']);
/** A counted object's noun phrase ends at these (a new clause, a bracket). */
const TAIL_STOP = /^[，,；;：:。！？!?（）()《》\s]+$/;
const QUOTE_MARK = /^[“”"‘’']+$/;

type Role = 'count' | 'value';

/** The previous target-making number of the statement: lists and bare verbs continue it. */
interface Previous {
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

interface Reading {
  parts: NumberValue[];
  kind: 'plain' | 'range' | 'ratio' | 'chinese' | 'fraction' | 'doubling';
  /** Last token of the number (a ratio spans several). */
  last: number;
}

export function extractTargets(passage: SegmentedPassage, mentions: ResolvedMention[], opts: TargetOptions): Target[] {
  if (isPastSection(passage.heading)) return [];
  const { text, tokens } = passage;
  if (!NUMBER_CHAR.test(text)) return [];
  const sectionYear = opts.section?.yearBefore;
  const headYear = headingYear(passage.heading);
  const forwardSection = isGoalSection(passage.heading, opts.docYear) || sectionYear !== undefined || opts.plan === true;
  const sentences = sentenceSpans(text);
  const out: Target[] = [];
  let leadCarry = sectionYear;
  let ti = 0;
  for (const para of paragraphSpans(text)) {
    const paraText = text.slice(para.start, para.end);
    const lead = leadYear(text, para, opts.docYear);
    for (const st of fullStopSpans(text, para)) {
      while (ti < tokens.length && tokens[ti]!.end <= st.start) ti++;
      const from = ti;
      let to = from;
      while (to < tokens.length && tokens[to]!.start < st.end) to++;
      const clauses = clauseSpans(text, st);
      const fallbackYear = yearBeforeIn(text.slice(para.start, st.start), opts.docYear) ?? lead ?? leadCarry ?? headYear;
      // "到200年": a target year the text garbles is the end of the plan the document sets
      const garbled = opts.planEndYear !== undefined && GARBLED_YEAR.test(text.slice(st.start, st.end)) ? opts.planEndYear : undefined;
      let prev: Previous | undefined;
      for (let n = from; n < to; n++) {
        const reading = readNumber(tokens, n, to);
        if (!reading) continue;
        const t = tokens[n]!;
        const clause = clauses[spanIndexAt(clauses, t.start)];
        if (!clause) continue;
        const sentence = sentences[spanIndexAt(sentences, t.start)] ?? st;
        // "按…金额的30%，给予一次性奖补": the support words may follow the number in its sentence
        if (TARGET_RULES.subsidy.test(text.slice(clause.start, sentence.end))) {
          prev = undefined;
          continue;
        }
        if (TARGET_RULES.statisticClause.test(text.slice(clause.start, clause.end).trim())) continue;
        const statementSoFar = text.slice(st.start, clause.end);
        if (speaksOfPast(statementSoFar, text.slice(0, st.start), opts.section?.pastBefore)) continue;
        const forward = forwardSection || TARGET_RULES.forward.test(statementSoFar);
        const when = yearAt(tokens, from, n, opts.docYear, garbled !== undefined && GARBLED_YEAR.test(text.slice(st.start, t.start)) ? garbled : fallbackYear);
        if (when.past) continue;
        let cFrom = n;
        while (cFrom > from && tokens[cFrom - 1]!.start >= clause.start) cFrom--;
        const ctx: NumberContext = { tokens, text, n, reading, cFrom, clause, stTo: to, prev, forward };
        const made = readCount(ctx) ?? readValue(ctx);
        if (!made) continue;
        const quoteSpan = trimSpan(text, { start: Math.min(made.quoteStart, clause.start), end: Math.max(clause.end, made.quoteEnd) });
        const measures = made.inherits && prev ? prev.measures : measuresOf(mentions, text, { start: made.subjectStart, end: made.quoteEnd }, sentence, t.start, opts);
        const base = {
          metric: made.metric,
          unit: reading.parts[0]!.unit,
          quote: text.slice(quoteSpan.start, quoteSpan.end),
          measures,
          evidence: {
            docId: opts.docId,
            passageId: passage.id,
            start: passage.start + quoteSpan.start,
            end: passage.start + quoteSpan.end,
            rule: made.rule,
          },
        };
        const id = `${opts.docId}:t:${passage.start + quoteSpan.start}-${passage.start + quoteSpan.end}@${passage.start + t.start}`;
        const period = periodOf(made.period, text.slice(st.start, t.start), passage.heading);
        const bounds: Array<[number, Comparator, string]> =
          reading.kind === 'range'
            ? [[reading.parts[0]!.value, '>=', reading.parts[0]!.unit], [reading.parts[1]!.value, '<=', reading.parts[1]!.unit]]
            : reading.parts.map((p) => [p.value, made.comparator, p.unit]);
        bounds.forEach(([value, comparator, unit], k) => {
          const target: Target = { id: k === 0 ? id : `${id}#${k}`, ...base, value, unit, comparator };
          if (when.year !== undefined) target.year = when.year;
          if (period) target.period = period;
          out.push(target);
        });
        prev = {
          role: made.role,
          n,
          end: made.end,
          metric: made.metric,
          subject: subjectOf(made.metric),
          comparator: made.baseComparator,
          rule: made.rule,
          measures,
          quoteStart: Math.min(made.quoteStart, clause.start),
          ...(made.respective ? { respective: made.respective } : {}),
        };
        n = reading.last;
      }
    }
    leadCarry = isLeadParagraph(paraText, opts.docYear) ?? leadCarry;
  }
  return out;
}

interface NumberContext {
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

interface Made {
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
function readNumber(tokens: Token[], n: number, to: number): Reading | undefined {
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
function wordBefore(tokens: Token[], n: number, from: number): { word: string; index: number } | undefined {
  let k = n - 1;
  while (k >= from && (TARGET_RULES.fillers.has(tokens[k]!.word) || TARGET_RULES.countModifiers.has(tokens[k]!.word) || tokens[k]!.word === '好')) k--;
  return k >= from ? { word: tokens[k]!.word, index: k } : undefined;
}

/** Tokens between the previous number's phrase and this one are only a list joiner (、 和 及). */
function continuesList(tokens: Token[], prev: Previous | undefined, n: number): boolean {
  if (!prev) return false;
  let k = prev.end;
  if (k === n) return true;
  while (k < n && TARGET_RULES.listJoiners.has(tokens[k]!.word)) k++;
  while (k < n && TARGET_RULES.fillers.has(tokens[k]!.word)) k++;
  return k === n && prev.end < n;
}

/** After the number's bound words: the first token of what follows it. */
function afterBounds(tokens: Token[], n: number, stTo: number): number {
  let k = n + 1;
  while (k < stTo && BOUND_WORDS.has(tokens[k]!.word)) k++;
  return k;
}

/**
 * Rule target.count: a verb + number + classifier + noun ("新建10家省级概念验证中心、30家标杆孵化器和
 * 10家省级制造业中试平台", "抓好550个省重大项目", "建好省级四个个体私营经济园区"): the noun phrase after
 * the number is the metric, one target per number; a plain figure of a forward statement only.
 */
function readCount(c: NumberContext): Made | undefined {
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
  const tail = countedObject(tokens, c.text, k, stTo);
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
  if (t.word === '的' || !(HAN.test(t.word) || NUMERIC.test(t.word))) return false;
  for (let j = k + 1; j < tokens.length && tokens[j]!.start < clauseEnd; j++) if (tokens[j]!.word === '的') return true;
  return NUMERIC.test(t.word) && tokens[k + 1] !== undefined && isNounLike(tokens[k + 1]!);
}

/**
 * The noun phrase after a counted number, up to the clause end, the next number of a list (和60项…)
 * or a 、 before a numbered item; a qualifier with its own number ("技工贸总收入5000万元以上的") and a
 * relative clause before 的 give way to the head noun after it.
 */
function countedObject(tokens: Token[], text: string, k0: number, stTo: number): { metric: string; end: number } | undefined {
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
  void text;
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

/**
 * Rules target.reach / floor / ceiling / approx / growth-rate / range / ratio / respectively: the
 * metric before the number, the comparator from the words around it; a plain figure without one
 * ("城镇新增就业120万人") only in a forward-looking statement, and only as the clause's object.
 */
function readValue(c: NumberContext): Made | undefined {
  const { tokens, n, reading, cFrom, prev, text } = c;
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
  const objectFollows = afterBounds(tokens, n, c.stTo) < c.stTo && tokens[afterBounds(tokens, n, c.stTo)]!.start < c.clause.end;
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
  void text;
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
function subjectOf(metric: string): string {
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

function isNounLike(t: Token): boolean {
  if (!HAN.test(t.word)) return false;
  return /^(n|vn|an|j|b|a|x)/.test(t.tag) || parseEntityTag(t.tag) !== undefined;
}

/** 年均 under a named five-year plan is that plan's annual average (“十五五”时期年均). */
function periodOf(period: string | undefined, before: string, heading: string): string | undefined {
  if (period !== '年均') return period;
  const plan = planNamed(before) ?? planNamed(heading);
  return plan ? `${plan}时期年均` : period;
}

/**
 * Entities the number is about: those named where its metric and object are, or the document's one
 * park a bare class word there means (其中高新区占比80%以上), else the nearest place or park named
 * before it in its sentence, else the document's region.
 */
function measuresOf(mentions: ResolvedMention[], text: string, span: Span, sentence: Span, numberStart: number, opts: TargetOptions): string[] {
  const ids = (list: ResolvedMention[]): string[] => [...new Set(list.map((m) => m.entityId))];
  const inside = mentions.filter((m) => MEASURED_TYPES.has(m.type) && m.start >= span.start && m.end <= span.end);
  if (inside.length > 0) return ids(inside);
  const park = parkOfClassWord(text.slice(span.start, span.end), opts.parks ?? []);
  if (park) return [park];
  const before = mentions.filter((m) => SUBJECT_TYPES.has(m.type) && m.start >= sentence.start && m.end <= numberStart);
  if (before.length > 0) return ids(before.slice(-2));
  return opts.regionId ? [opts.regionId] : [];
}

/** The one park of the document that a class word in the text (高新区) can stand for. */
function parkOfClassWord(text: string, parks: DocumentPark[]): string | undefined {
  const word = TARGET_RULES.parkClassWords.find((w) => text.includes(w));
  if (!word) return undefined;
  const matching = parks.filter((p) => p.names.some((n) => n.endsWith(word) && n.length > word.length));
  return matching.length === 1 ? matching[0]!.id : undefined;
}
