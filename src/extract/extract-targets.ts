// Rules target.*: quantitative targets of one passage. A number with a unit is a target when the
// grammar around it states one (达到/跨越/控制在 … 以上/以内/左右, 增长 x%), the statement looks
// forward (not a 工作回顾 section, no 去年/比上年/已经 after the last 今年/力争/到2025年), and the
// clause is not a subsidy rule (奖补最高500万元).
import type { SegmentedPassage, Target, Token } from '../model/index.js';
import { parseEntityTag } from './entity-tag.js';
import type { ResolvedMention } from './resolve-entities.js';
import { parseNumberToken } from './number-value.js';
import { CHANGE_VERBS, readGrammar, type Grammar } from './target-grammar.js';
import { readMetric } from './target-metric.js';
import { headingYear, isPastSection, speaksOfPast, yearAt, type SectionContext } from './target-context.js';
import { clauseSpans, sentenceSpans, spanIndexAt, statementSpans, trimSpan, type Span } from './text-spans.js';
import { RULES } from './rule-ids.js';

export interface TargetOptions {
  docId: string;
  docYear?: number;
  /** What the passage inherits from its section (see sectionContexts). */
  section?: SectionContext;
}

/** Units that date or order things rather than measure them. */
const NOT_MEASURES = /^(年|月|日|届|号|次会议|周年|小时|分钟|时)/;
/** Nouns that may follow the number without making it a modifier ("跨越2000亿元大关"). */
const TAIL_OK = new Set(['大关', '水平', '规模', '台阶', '目标', '左右', '以上', '以内', '以下']);
/** A metric ending in a counting verb takes the noun after the number: "新增50家以上先进智能工厂". */
const COUNT_VERB = /(新增|新建|建成|培育|引进|打造|创建|认定|新开工|开工|建设|完成|招引|落地|改造|建立|组建|培训|吸引|带动|新培育|新认定|新引进|新设|设立|发展|实施)$/;
const SUBSIDY = /奖补|补贴|补助|奖励|贴息|资助|给予|最高|一次性|不超过\S{0,3}万元|罚款|收费/;
const FORWARD = /到(?:19|20)\d{2}|至(?:19|20)\d{2}|力争|确保|争取|目标|预期/;
const HAN = /\p{Script=Han}/u;
const DIGIT = /\d/;
/** 第3, 从75%(提高到…), 由481家(增加到…): ordinals and starting values. */
const NOT_A_VALUE_BEFORE = new Set(['第', '从', '由']);
const NOT_A_VALUE_AFTER = new Set(['至', '到']);
const GOAL_HEADING = /目标|指标|任务/;
const MEASURED_TYPES = new Set(['Park', 'Industry', 'Region', 'Organization']);
/** Outside the number's clause only a place or a park is taken as what the sentence is about. */
const SUBJECT_TYPES = new Set(['Park', 'Region']);

export function extractTargets(passage: SegmentedPassage, mentions: ResolvedMention[], opts: TargetOptions): Target[] {
  if (isPastSection(passage.heading)) return [];
  const { text, tokens } = passage;
  const fallbackYear = opts.section?.yearBefore ?? headingYear(passage.heading);
  // a section about goals ("发展目标", "主要任务") states targets without saying 力争 each time
  const goalSection = GOAL_HEADING.test(passage.heading) || opts.section?.yearBefore !== undefined;
  if (!DIGIT.test(text)) return [];
  const sentences = sentenceSpans(text);
  const out: Target[] = [];
  let ti = 0;
  for (const st of statementSpans(text)) {
    while (ti < tokens.length && tokens[ti]!.end <= st.start) ti++;
    const from = ti;
    let to = from;
    while (to < tokens.length && tokens[to]!.start < st.end) to++;
    if (!DIGIT.test(text.slice(st.start, st.end))) continue;
    const clauses = clauseSpans(text, st);
    let prevMetric: string | undefined;
    let prevNumber = -1;
    for (let n = from; n < to; n++) {
      const t = tokens[n]!;
      if (t.tag !== 'm' || !/\d/.test(t.word) || NOT_A_VALUE_BEFORE.has(tokens[n - 1]?.word ?? '')) continue;
      // "100万元至300万元": a bracket, not a target
      if (NOT_A_VALUE_AFTER.has(tokens[n + 1]?.word ?? '') && /^\d/.test(tokens[n + 2]?.word ?? '')) continue;
      const num = parseNumberToken(t.word);
      if (!num || !num.unit || NOT_MEASURES.test(num.unit)) continue;
      const clause = clauses[spanIndexAt(clauses, t.start)];
      if (!clause) continue;
      const clauseText = text.slice(clause.start, clause.end);
      if (SUBSIDY.test(clauseText)) continue;
      let cFrom = n;
      while (cFrom > from && tokens[cFrom - 1]!.start >= clause.start) cFrom--;
      const grammar = readGrammar(tokens, n, cFrom, num.unit, num.valueMax !== undefined) ?? impliedReach(tokens, n, clauseText, goalSection);
      if (!grammar) continue;
      const when = yearAt(text, tokens, from, n, opts.docYear, fallbackYear);
      if (when.past || speaksOfPast(text.slice(st.start, clause.end), text.slice(0, st.start), opts.section?.pastBefore)) continue;
      const metricFrom = prevNumber >= cFrom ? prevNumber + 1 : cFrom;
      const read = readMetric(tokens, metricFrom, Math.max(metricFrom, grammar.verbStart));
      const hadPrevious = prevNumber >= from;
      prevNumber = n;
      const metric = withTail(tokens, n, clause.end, tidyMetric(read.metric, hadPrevious ? prevMetric : undefined));
      if (!metric) continue;
      prevMetric = metric;
      const quote = trimSpan(text, clause);
      const target: Target = {
        id: `${opts.docId}:t:${passage.start + quote.start}-${passage.start + quote.end}@${passage.start + t.start}`,
        metric,
        value: num.value,
        unit: num.unit,
        comparator: grammar.comparator,
        quote: text.slice(quote.start, quote.end),
        measures: measuresOf(mentions, quote, sentences[spanIndexAt(sentences, t.start)] ?? st, t.start),
        evidence: { docId: opts.docId, passageId: passage.id, start: passage.start + quote.start, end: passage.start + quote.end, rule: grammar.rule },
      };
      if (num.valueMax !== undefined) target.valueMax = num.valueMax;
      if (when.year !== undefined) target.year = when.year;
      if (read.period) target.period = read.period;
      out.push(target);
    }
  }
  return out;
}

/**
 * Without a comparator, "高新技术企业1000家" or "新建800个智能工厂" is a target only where the clause
 * or its section looks forward; withTail then checks the number is the clause's object.
 */
function impliedReach(tokens: Token[], n: number, clauseText: string, goalSection: boolean): Grammar | undefined {
  if (!goalSection && !FORWARD.test(clauseText)) return undefined;
  return { comparator: '=', rule: RULES.targetReach, growth: false, verbStart: n };
}

/**
 * A metric names something: some Han characters, not too long (a long one keeps its head noun
 * phrase). A bare change verb ("…，增长18%") continues the statement's previous metric.
 */
function tidyMetric(metric: string, previous: string | undefined): string | undefined {
  let m = metric;
  if (CHANGE_VERBS.has(m)) m = previous ? previous.replace(/(增长|下降|提高|降低|增加|减少)$/, '') + m : '';
  if (!m && previous) return previous;
  m = m.replace(/[拟将要按]+$/, '');
  if (m.length > 24 && m.lastIndexOf('的') > 0) m = m.slice(m.lastIndexOf('的') + 1);
  if (m.length < 2 || m.length > 30 || !HAN.test(m)) return undefined;
  return m;
}

/**
 * The words after the number decide whether it is the object of the clause: nothing, a bound word
 * or a verb are fine; 的 or a noun make it a modifier (突破5万亿元的城市, 8座以下小汽车) — unless the
 * metric ends with a counting verb (新增50家以上先进智能工厂 → 新增先进智能工厂).
 */
function withTail(tokens: Token[], n: number, clauseEnd: number, metric: string | undefined): string | undefined {
  if (!metric) return undefined;
  let k = n + 1;
  while (k < tokens.length && tokens[k]!.start < clauseEnd && TAIL_OK.has(tokens[k]!.word)) k++;
  const next = tokens[k]?.word === '“' ? tokens[k + 1] : tokens[k];
  const counting = COUNT_VERB.test(metric);
  if (!next || next.start >= clauseEnd || !isNounLike(next)) {
    // a counting verb needs its object ("全省培育3家左右在国内…的平台" names none where it should)
    if (counting || (next?.word === '的' && next.start < clauseEnd)) return undefined;
    return metric;
  }
  if (!counting) return undefined;
  let tail = '';
  for (; k < tokens.length && tokens[k]!.start < clauseEnd && (isNounLike(tokens[k]!) || /^[“”"]$/.test(tokens[k]!.word)); k++) {
    tail += tokens[k]!.word.replace(/[“”"]/g, '');
  }
  return tail.length >= 2 && tail.length <= 12 ? metric + tail : undefined;
}

function isNounLike(t: Token): boolean {
  if (!HAN.test(t.word)) return false;
  return /^(n|vn|an|j|b|a|x)/.test(t.tag) || parseEntityTag(t.tag) !== undefined;
}

/** Entities the number is about: those named in its clause, else the nearest ones named before it in its sentence. */
function measuresOf(mentions: ResolvedMention[], clause: Span, sentence: Span, numberStart: number): string[] {
  const ids = (list: ResolvedMention[]): string[] => [...new Set(list.map((m) => m.entityId))];
  const inClause = mentions.filter((m) => MEASURED_TYPES.has(m.type) && m.start >= clause.start && m.end <= clause.end);
  if (inClause.length > 0) return ids(inClause);
  const before = mentions.filter((m) => SUBJECT_TYPES.has(m.type) && m.start >= sentence.start && m.end <= numberStart);
  return ids(before.slice(-2));
}

