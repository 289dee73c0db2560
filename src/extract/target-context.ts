// What a number's surroundings say about time (GUIDELINES "Target", year): the document's own year,
// the year a clause, its paragraph's lead sentence or its section heading states, and whether the
// statement reports the past (去年完成…, 比上年增长…, a "工作回顾" section) — a past achievement is
// not a target. A five-year plan's name (“十五五”) is a period, not a year.
import type { DocumentProfile, Entity, SegmentedPassage, Token } from '../model/index.js';
import { yearOf } from './number-value.js';
import { TARGET_RULES } from './target-rules.js';
import { fullStopSpans, paragraphSpans, type Span } from './text-spans.js';

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

/** The title names a plan (规划, 纲要, 行动计划): outside its review sections it looks forward. */
export function isPlanTitle(title: string): boolean {
  return TARGET_RULES.planTitle.test(title);
}

export function isPastSection(heading: string): boolean {
  return TARGET_RULES.pastHeading.test(heading);
}

export function isGoalSection(heading: string, docYear: number | undefined): boolean {
  if (TARGET_RULES.goalHeading.test(heading)) return true;
  const y = headingYear(heading);
  return y !== undefined && docYear !== undefined && y >= docYear;
}

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
export function speaksOfPast(statement: string, passagePrefix: string, pastBefore = false, docYear?: number): boolean {
  return tenseOf(statement, docYear) ?? tenseOf(passagePrefix, docYear) ?? pastBefore;
}

const WEAK_PAST = new RegExp(TARGET_RULES.weakPast.source, 'g');

/**
 * true = the text's last marker is of the past, false = of the future, undefined = no marker. A
 * comparison base (比上年) marks the past only where nothing marks the future.
 */
export function tenseOf(text: string, docYear?: number): boolean | undefined {
  const strong = text.replace(WEAK_PAST, (m) => '\u3000'.repeat(m.length));
  const past = Math.max(lastIndex(TARGET_RULES.past, strong), lastEndedPlan(strong, docYear));
  const future = lastIndex(TARGET_RULES.future, strong);
  if (past < 0 && future < 0) return strong === text ? undefined : true;
  return past > future;
}

/** Where the text last names a five-year plan that ended before the document's year (“十三五”时期 in 2021): a report of the past. */
function lastEndedPlan(text: string, docYear: number | undefined): number {
  if (docYear === undefined) return -1;
  let last = -1;
  for (const m of text.matchAll(FIVE_YEAR_PLAN_AT)) {
    const end = planEndYear(m[0]);
    if (end !== undefined && end < docYear) last = m.index;
  }
  return last;
}
const FIVE_YEAR_PLAN_AT = /十[一二三四五六七八九]?五/g;

export interface SectionContext {
  /** The section, up to this passage, last spoke of the past ("这五年，……" then figures). */
  pastBefore: boolean;
  /** The year of a lead paragraph earlier in the section ("到2023年，……。" then a list of targets). */
  yearBefore?: number;
}

const TARGET_YEAR = /[到至]((?:19|20)\d{2})年/g;
const YEAR_WORDS = /(?:19|20)\d{2}(?:[-—～~](?:19|20)?\d{2})?年/g;

/** The first 到YYYY年 of a span of text (not before the document's year), if any. */
function targetYearIn(text: string, docYear: number | undefined, last = false): number | undefined {
  let found: number | undefined;
  for (const m of text.matchAll(TARGET_YEAR)) {
    const y = Number(m[1]);
    if (docYear !== undefined && y < docYear) continue;
    found = y;
    if (!last) break;
  }
  return found;
}

/** The year a paragraph's first sentence states (发展目标：到2023年，……): it holds for the whole paragraph. */
export function leadYear(text: string, paragraph: Span, docYear: number | undefined): number | undefined {
  const first = fullStopSpans(text, paragraph)[0];
  return first ? targetYearIn(text.slice(first.start, first.end), docYear) : undefined;
}

/** The last 到YYYY年 in a stretch of a paragraph before a statement: it holds for what follows. */
export function yearBeforeIn(text: string, docYear: number | undefined): number | undefined {
  return targetYearIn(text, docYear, true);
}

/** A lead paragraph: it states a target year and no other number, so it introduces what follows. */
export function isLeadParagraph(text: string, docYear: number | undefined): number | undefined {
  const y = targetYearIn(text, docYear);
  return y !== undefined && !/\d/.test(text.replace(YEAR_WORDS, '')) ? y : undefined;
}

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
    past = tenseOf(p.text, docYear) ?? past;
    for (const para of paragraphSpans(p.text)) year = isLeadParagraph(p.text.slice(para.start, para.end), docYear) ?? year;
  }
  return out;
}

/** Words before a year that make it a base or start year, not a target year (比2020年, 以2020年为基期). */
const BASE_YEAR_BEFORE = new Set(['比', '较', '按', '与', '同', '从', '自', '以', '相比']);
const TARGET_YEAR_BEFORE = new Set(['到', '至']);

export interface YearContext {
  year?: number;
  /** The year is earlier than the document's own: the statement is about the past. */
  past: boolean;
}

/**
 * The target year in force at token `n` of a statement spanning tokens [from, n): the last year
 * stated before the number, 今年/明年 relative to the document year, else `fallbackYear` (the
 * paragraph's or the section's).
 */
export function yearAt(tokens: Token[], from: number, n: number, docYear: number | undefined, fallbackYear: number | undefined): YearContext {
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
  return fallbackYear !== undefined ? { year: fallbackYear, past: false } : { past: false };
}

/**
 * The last year written in a heading ("三、2022年政府工作任务" → 2022); a plan's name or period
 * ("“十五五”时期", "行动计划（2021-2023年）") gives none: GUIDELINES call that the document's period.
 */
export function headingYear(heading: string): number | undefined {
  const years = heading.match(/(?<![-—～~至到\d])(?:19|20)\d{2}(?=年)/g);
  return years ? Number(years[years.length - 1]) : undefined;
}

const FIVE_YEAR_PLAN = /十[一二三四五六七八九]五/g;

/** The five-year plan a stretch of text names last (“十五五”时期), for a 年均 period. */
export function planNamed(text: string): string | undefined {
  const plans = text.match(FIVE_YEAR_PLAN);
  return plans ? plans[plans.length - 1] : undefined;
}

export interface DocumentTargetOptions {
  docYear?: number;
  plan: boolean;
  regionId?: string;
  planEndYear?: number;
  /** The document's parks with the names they go by, for a bare 高新区 in a target's clause. */
  parks: DocumentPark[];
  /** The document's industries with the names they go by, for a metric that names one (信息业产值). */
  industries: DocumentPark[];
}

export interface DocumentPark {
  id: string;
  names: string[];
}

const PLAN_NUMBER = /([一二三四五六七八九十]+)五/;
const PERIOD_END = /(?:19|20)\d{2}\D+((?:19|20)\d{2})/;

/** The last year of a plan period: “十五” (the 10th plan) → 2005, “十四五” → 2025, 2021-2023 → 2023. */
export function planEndYear(period: string | undefined): number | undefined {
  if (!period) return undefined;
  const range = PERIOD_END.exec(period);
  if (range) return Number(range[1]);
  const m = PLAN_NUMBER.exec(period);
  if (!m) return undefined;
  const digits = m[1]!;
  // 十四 → 14, 十 → 10, 九 → 9
  const ordinal = digits.startsWith('十') ? 10 + (digits.length > 1 ? CN_ORDINAL.indexOf(digits[1]!) + 1 : 0) : CN_ORDINAL.indexOf(digits[0]!) + 1;
  // from the third plan (1966–1970) on, plans end at 1970 + 5 × (n − 3)
  return ordinal >= 3 ? 1970 + 5 * (ordinal - 3) : undefined;
}
const CN_ORDINAL = '一二三四五六七八九';

/**
 * What the target rules take from the whole document: the year it speaks from (title, else its
 * profile's date), whether it is a plan (title or genre), and the entity of its region (profile).
 */
export function documentTargetOptions(
  title: string,
  passages: SegmentedPassage[],
  profile: DocumentProfile,
  entities: Array<Pick<Entity, 'id' | 'type' | 'name' | 'aliases'>>,
): DocumentTargetOptions {
  const dated = /^(?:19|20)\d{2}/.exec(profile.publishedAt ?? '');
  const planEnd = planEndYear(profile.period ?? undefined);
  // a five-year plan is adopted in its first year
  const planStart = planEnd !== undefined && PLAN_NUMBER.test(profile.period ?? '') ? planEnd - 4 : undefined;
  const docYear = documentYear(title, passages) ?? (dated ? Number(dated[0]) : planStart);
  const plan = isPlanTitle(title) || TARGET_RULES.planTitle.test(profile.genre ?? '');
  const region = profile.region;
  const regionEntity = region ? entities.find((e) => e.type === 'Region' && (e.name === region || (e.name.length >= 2 && region.endsWith(e.name)))) : undefined;
  const named = (type: string): DocumentPark[] => entities.filter((e) => e.type === type).map((e) => ({ id: e.id, names: [e.name, ...e.aliases] }));
  const parks = named('Park');
  const industries = named('Industry');
  return {
    ...(docYear === undefined ? {} : { docYear }),
    plan,
    parks,
    industries,
    ...(regionEntity ? { regionId: regionEntity.id } : {}),
    ...(planEnd === undefined ? {} : { planEndYear: planEnd }),
  };
}
