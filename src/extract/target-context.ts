// What a number's surroundings say about time: the document's own year, the target year that
// carries over a statement (到2025年…、…), and whether the statement reports the past (去年完成…,
// 比上年增长…, a "工作回顾" section) — a past achievement is not a target.
import type { SegmentedPassage, Token } from '../model/index.js';
import { yearOf } from './number-value.js';

const TITLE_YEAR = /(?:19|20)\d{2}/;
const DATE_LINE = /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日/;

/** The year the document speaks from: its title's year, else its first full date (an issue date). */
export function documentYear(title: string, passages: SegmentedPassage[]): number | undefined {
  const t = TITLE_YEAR.exec(title);
  if (t) return Number(t[0]);
  for (const p of passages.slice(0, 5)) {
    const d = DATE_LINE.exec(p.text);
    if (d) return Number(d[1]);
  }
  return undefined;
}

const PAST_HEADING = /回顾|过去|成就|成绩|总结|发展基础|取得的/;

export function isPastSection(heading: string): boolean {
  return PAST_HEADING.test(heading);
}

/** Markers of a statement about the past, and of one about the future (the later one wins). */
const PAST_MARKERS =
  /去年|上年|前年|过去|以来|一年来|多年来|年来|这五年|这一年|同比|已经|已达|已有|已建成|已完成|实现了|完成了|达到了|取得了|重大成就|新成就|新成效|显著成绩|取得显著|累计完成|创历史新高|历史最好|回顾|上一年|先后|相继|收官/g;
const FUTURE_MARKERS =
  /今年|明年|未来|今后|下一步|到(?:19|20)\d{2}|至(?:19|20)\d{2}|力争|确保|争取|目标|预期|预计|计划|努力|我们将|[区市省县镇州旗]将|将(?:持续|继续|进一步|加快|着力|大力|深入|全面|坚持|积极|主动|推动|实施|不断|努力|聚焦|围绕|重点|用好)/g;

function lastIndex(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

/**
 * True when the number's statement (up to its clause end) last speaks of the past; a statement with
 * no marker of either kind takes the passage's last marker before it ("这五年，…。全市生产总值从
 * 4.16万亿元增加到5.67万亿元").
 */
export function speaksOfPast(statement: string, passagePrefix: string, pastBefore = false): boolean {
  return tenseOf(statement) ?? tenseOf(passagePrefix) ?? pastBefore;
}

/** true = the text's last marker is of the past, false = of the future, undefined = no marker. */
export function tenseOf(text: string): boolean | undefined {
  const past = lastIndex(PAST_MARKERS, text);
  const future = lastIndex(FUTURE_MARKERS, text);
  return past < 0 && future < 0 ? undefined : past > future;
}

export interface SectionContext {
  /** The section, up to this passage, last spoke of the past ("这五年，……" then figures). */
  pastBefore: boolean;
  /** The last explicit target year of the section before this passage ("到2023年，……" then a list). */
  yearBefore?: number;
}

const EXPLICIT_YEAR = /[到至]((?:19|20)\d{2})年/g;

/** What each passage inherits from the passages before it in its section (same heading). */
export function sectionContexts(passages: Array<{ heading: string; text: string }>, docYear: number | undefined): SectionContext[] {
  const out: SectionContext[] = [];
  let heading: string | undefined;
  let past = false;
  let year: number | undefined;
  for (const p of passages) {
    if (p.heading !== heading) {
      past = false;
      year = undefined;
    }
    heading = p.heading;
    out.push(year === undefined ? { pastBefore: past } : { pastBefore: past, yearBefore: year });
    past = tenseOf(p.text) ?? past;
    for (const m of p.text.matchAll(EXPLICIT_YEAR)) {
      const y = Number(m[1]);
      if (docYear === undefined || y >= docYear) year = y;
    }
  }
  return out;
}

/** Words before a year that make it a base or start year, not a target year (比2020年, 以2020年为基期). */
const BASE_YEAR_BEFORE = new Set(['比', '较', '按', '与', '同', '从', '自', '以', '相比']);
const TARGET_YEAR_BEFORE = new Set(['到', '至']);
const FIVE_YEAR_PLAN = /十([一二三四五六七八九])五/;
const CN_DIGIT = '一二三四五六七八九';

export interface YearContext {
  year?: number;
  /** The year is earlier than the document's own: the statement is about the past. */
  past: boolean;
}

/**
 * The target year in force at token `n` of a statement spanning tokens [from, n): the last year
 * stated before the number, 今年/明年 relative to the document year, a five-year plan's end year,
 * an explicit 到YYYY年 earlier in the passage, else `fallbackYear` (the section's).
 */
export function yearAt(
  text: string,
  tokens: Token[],
  from: number,
  n: number,
  docYear: number | undefined,
  fallbackYear: number | undefined,
): YearContext {
  for (let k = n - 1; k >= from; k--) {
    const w = tokens[k]!.word;
    const y = yearOf(w);
    if (y !== undefined) {
      const prev = tokens[k - 1]?.word ?? '';
      if (BASE_YEAR_BEFORE.has(prev) || tokens[k + 1]?.word === '以来') continue;
      const explicitTarget = TARGET_YEAR_BEFORE.has(prev) || /^(前|底|末|年底|年末)/.test(tokens[k + 1]?.word ?? '');
      return { year: y, past: docYear !== undefined && y < docYear && !explicitTarget };
    }
    if (w === '今年' && docYear !== undefined) return { year: docYear, past: false };
    if (w === '明年' && docYear !== undefined) return { year: docYear + 1, past: false };
  }
  // jieba cuts “十五五” into pieces: read the plan from the text
  const before = text.slice(tokens[from]?.start ?? 0, tokens[n]!.start);
  const plans = before.match(new RegExp(FIVE_YEAR_PLAN.source, 'g'));
  if (plans) {
    return { year: planEndYear(FIVE_YEAR_PLAN.exec(plans[plans.length - 1]!)![1]!), past: false };
  }
  // "到2023年，……。……" opens a paragraph of targets: an explicit target year carries over the passage
  for (let k = from - 1; k >= 0; k--) {
    const y = yearOf(tokens[k]!.word);
    if (y !== undefined && TARGET_YEAR_BEFORE.has(tokens[k - 1]?.word ?? '') && (docYear === undefined || y >= docYear)) {
      return { year: y, past: false };
    }
  }
  return fallbackYear !== undefined ? { year: fallbackYear, past: false } : { past: false };
}

/** The last year written in a heading ("三、2022年政府工作任务", "行动计划（2021-2023年）"). */
export function headingYear(heading: string): number | undefined {
  const years = heading.match(/(?:19|20)\d{2}(?=年)/g);
  if (years) return Number(years[years.length - 1]);
  const plan = FIVE_YEAR_PLAN.exec(heading);
  return plan ? planEndYear(plan[1]!) : undefined;
}

/** 十N五 is the (10+N)th plan; from the third plan (1966–1970) on, plans end at 1970 + 5 × (n − 3). */
function planEndYear(digit: string): number {
  return 1970 + 5 * (10 + CN_DIGIT.indexOf(digit) + 1 - 3);
}
