// Which Target facts a number question asks about, pure: metric overlap in both directions (how much
// of the metric the question covers, how much of the question's metric words the metric covers), then
// the year, the period and the entity the target measures.
import type { Target } from '../model/index.js';
import { askedYears } from './question-scope.js';
import { loadThesaurus, type Thesaurus } from './thesaurus.js';
import { ratioBase, withoutRatioBase, type QuestionAnalysis } from './understand-question.js';

export interface TargetMatch {
  target: Target;
  /** 0..1: how well the target answers the question. */
  score: number;
  /** The same before it is capped at 1: orders targets that both reach 1 (this year's over a year-less one). */
  strength: number;
}

/**
 * The metric words plus the other wordings the thesaurus knows for phrases of the question (物价 →
 * 居民消费价格, GDP → 地区生产总值), so a metric stated in policy words matches a question in everyday ones.
 */
export function expandMetricWords(words: readonly string[], question = '', thesaurus: Thesaurus = loadThesaurus()): string[] {
  return [...new Set([...words, ...metricGroups(words, question, thesaurus).flat()])];
}

/** The texts whose phrases the thesaurus reads: the question without the base of a share, and "占GDP" (→ 强度) itself. */
function phrasesOf(question: string): string[] {
  const base = ratioBase(question);
  return [withoutRatioBase(question), ...(base ? [`占${base}`] : [])];
}

/**
 * The question's metric words as groups of wordings that mean one thing: each thesaurus phrase with its
 * other wordings (物价 | 居民消费价格 …), then each metric word no phrase holds. Lowercase.
 */
export function metricGroups(words: readonly string[], question = '', thesaurus: Thesaurus = loadThesaurus()): string[][] {
  const matches = phrasesOf(question).flatMap((t) => thesaurus.expansionsIn(t));
  const groups = matches.map((m) => [m.surface, ...m.alternatives].map((w) => w.toLowerCase()));
  const held = (w: string) => matches.some((m) => m.surface.toLowerCase().includes(w));
  for (const w of words.map((x) => x.toLowerCase())) {
    if (held(w)) continue;
    const own = thesaurus.expansionsIn(w).flatMap((m) => m.alternatives.map((a) => a.toLowerCase()));
    groups.push([w, ...own]);
  }
  return groups;
}

/** Share of the question's metric groups (weighted by the question's own wording's length) that the metric names in any wording. */
export function groupCoverage(metric: string, groups: readonly string[][]): number {
  const total = groups.reduce((sum, g) => sum + g[0]!.length, 0);
  if (!total) return 0;
  return groups.filter((g) => g.some((w) => metric.includes(w))).reduce((sum, g) => sum + g[0]!.length, 0) / total;
}

/** Share of `metric`'s characters covered by substrings of two or more characters that `text` also contains. */
export function metricCoverage(metric: string, text: string): number {
  const chars = [...metric];
  if (!chars.length) return 0;
  const covered = new Array<boolean>(chars.length).fill(false);
  for (let i = 0; i < chars.length - 1; i++) {
    if (!text.includes(chars[i]! + chars[i + 1]!)) continue;
    let j = i + 2;
    while (j < chars.length && text.includes(chars.slice(i, j + 1).join(''))) j++;
    for (let x = i; x < j; x++) covered[x] = true;
  }
  return covered.filter(Boolean).length / chars.length;
}

/** Share of the question's metric words (weighted by length) that the metric contains. */
export function wordCoverage(metric: string, words: readonly string[]): number {
  const total = words.reduce((sum, w) => sum + w.length, 0);
  if (!total) return 0;
  return words.filter((w) => metric.includes(w)).reduce((sum, w) => sum + w.length, 0) / total;
}

/** A share asked for: 占比, 比例, …率, and "按购置额的多少" (a rate of something). */
const RATIO_CUE = /占比|比例|比重|比率|百分之|率|按[^，。？?]{1,12}的多少/;
/** Words that ask for an amount of money: a count of enterprises does not answer "最高奖补多少". */
const MONEY_CUE = /奖补|补贴|补助|资助|奖励|资金|经费|投资|投入|预算|花多少钱|多少钱|多少元|金额/;
const ASKED_UNIT = /(?:多少|几)([^\s\p{P}\d多少几]{1,3})/u;

/**
 * Whether the unit fits the question: a ratio question wants a percentage (and hardly ever a count:
 * "项目中高新区占比" names the count it is a share of); "多少家" wants 家.
 */
export function unitFit(unit: string, question: string): number {
  const percent = unit.includes('%') || unit.includes('百分点');
  if (RATIO_CUE.test(question)) return percent ? 0.1 : -0.2;
  const asked = ASKED_UNIT.exec(question)?.[1];
  // "投资项目多少个" counts projects, whatever money word it names
  const countAsked = asked !== undefined && COUNT.test(asked[0]!);
  // "涨了多少", "增长多少": a growth may be a percentage, an amount or words, so no unit is asked
  if (!countAsked && GROWTH_CUE.test(question)) return 0;
  if (!countAsked && MONEY_CUE.test(question) && !/占|比例|比重|强度/.test(question)) {
    if (unit.includes('元')) return 0.1;
    // a count of platforms answers "最高奖补多少" even less than a percentage does
    return COUNT.test(unit.replace(/^[万亿千百]+/, '')[0] ?? '') ? -0.3 : -0.15;
  }
  if (!asked || !unit) return 0;
  return [...unit].some((ch) => asked.includes(ch) && !'万亿千百'.includes(ch)) ? 0.1 : 0;
}

const GROWTH_CUE = /增长|增速|增幅|涨|提高|下降|降低/;

/** Measure words of counted things (家, 个, 座 …), not of money, size or time. */
const COUNT = /[个家座项名人件张户所台次套辆条批]/;

/** A target whose metric is only the tail (or head) of what the question names is less of an answer. */
const LESS_SPECIFIC = 0.7;

/**
 * The question's phrase around a metric it writes: the metric with the metric words right before and
 * after it ("固定资产投资" around 投资). Empty when the question does not write the metric.
 */
export function phraseAround(question: string, metric: string, words: readonly string[]): string {
  const q = question.toLowerCase();
  let start = q.indexOf(metric);
  if (start < 0 || !metric) return '';
  let end = start + metric.length;
  const long = words.map((w) => w.toLowerCase()).filter((w) => w.length >= 2);
  for (let grew = true; grew; ) {
    grew = false;
    const before = long.find((w) => start >= w.length && q.startsWith(w, start - w.length));
    if (before) (start -= before.length), (grew = true);
    const after = long.find((w) => q.startsWith(w, end));
    if (after) (end += after.length), (grew = true);
  }
  return q.slice(start, end);
}

/** What a question's metric words expand to: the same for every target scored against it. */
interface QuestionMetrics {
  question: string;
  /** The question and its metric words' wordings, lowercase. */
  text: string;
  groups: string[][];
}

/** Per analysis (one per question): a question is scored against every candidate target. */
const metricsOfQuestion = new WeakMap<QuestionAnalysis, QuestionMetrics>();

function questionMetrics(question: string, analysis: QuestionAnalysis): QuestionMetrics {
  const known = metricsOfQuestion.get(analysis);
  if (known?.question === question) return known;
  const groups = metricGroups(analysis.metricWords, question);
  const words = [...new Set([...analysis.metricWords, ...groups.flat()])];
  const metrics = { question, text: [question, ...words].join(' ').toLowerCase(), groups };
  metricsOfQuestion.set(analysis, metrics);
  return metrics;
}

/** How well a target answers a question, uncapped (the year, unit and entity add to a full metric match). */
export function targetStrength(target: Target, question: string, analysis: QuestionAnalysis): number {
  const { text, groups } = questionMetrics(question, analysis);
  const metric = target.metric.toLowerCase();
  let score = 0.5 * metricCoverage(metric, text) + 0.5 * groupCoverage(metric, groups);
  // "固定资产投资" asked, a bare "投资" stated: unless its sentence says the whole phrase, it is another amount
  const when = [analysis.docScope?.relativeYear?.word, ...(analysis.docScope?.period?.words ?? [])];
  const asked = phraseAround(question, metric, analysis.metricWords.filter((w) => !when.includes(w)));
  if (asked.length > metric.length && !target.quote.toLowerCase().includes(asked)) score *= LESS_SPECIFIC;
  // 今年 is each document's own year; a stated year is the same for every document.
  const years = analysis.docScope ? askedYears(analysis.docScope, target.evidence.docId) : analysis.years;
  if (years.length) {
    if (target.year !== undefined && years.includes(target.year)) score += 0.15;
    else if (target.year !== undefined) score *= 0.6;
    else score *= 0.9;
  }
  if (analysis.period && target.period === analysis.period) score += 0.05;
  const plan = analysis.docScope?.period;
  if (plan && (target.period?.includes(plan.name) || (target.year !== undefined && target.year >= plan.from && target.year <= plan.to))) score += 0.1;
  score += unitFit(target.unit, question);
  const specific = analysis.entities.filter((e) => e.type !== 'Region').map((e) => e.id);
  if (specific.some((id) => target.measures.includes(id))) score += 0.1;
  return Math.max(0, score);
}

export function scoreTarget(target: Target, question: string, analysis: QuestionAnalysis): number {
  return Math.min(1, targetStrength(target, question, analysis));
}

/** Targets best first; ties go to the earlier statement, so the order is deterministic. */
export function rankTargets(targets: readonly Target[], question: string, analysis: QuestionAnalysis): TargetMatch[] {
  return targets
    .map((target) => {
      const strength = targetStrength(target, question, analysis);
      return { target, score: Math.min(1, strength), strength };
    })
    .sort(
      (a, b) =>
        b.strength - a.strength ||
        a.target.evidence.docId.localeCompare(b.target.evidence.docId) ||
        a.target.evidence.start - b.target.evidence.start,
    );
}
