// The shortest text that answers, pure: the number with its unit (and its 左右/以上/以内) that a
// sentence states for what the question asks, the clause of a sentence that covers the question best,
// or the enumeration a sentence lists ("领域类、区域类及综合基础类"). Offsets are relative to the text given.
import { findNumberSpans } from '../segment/index.js';
import { coverageOf, termWeights, type QueryTerm } from './best-sentences.js';
import { unitFit } from './match-targets.js';

export interface Span {
  start: number;
  end: number;
}

const QUALIFIER = /^(?:左右|以上|以内|以下|上下)/;
const CLAUSE_BREAK = /[，,；;。！？!?：:\n]/;
/** A year, a date or an ordinal is not the amount asked for ("2026年", "3月", "第5"). */
const NOT_AN_AMOUNT = /^(?:(?:19|20)\d{2}(?:[-~～—](?:19|20)?\d{2})?年|\d{1,2}[月日])$/;

/** Number spans of a text with a following qualifier kept ("5%左右"), years and dates left out. */
export function amountSpans(text: string): Span[] {
  return findNumberSpans(text)
    .filter((s) => !NOT_AN_AMOUNT.test(text.slice(s.start, s.end)) && text[s.start - 1] !== '第')
    .map((s) => ({ start: s.start, end: s.end + (QUALIFIER.exec(text.slice(s.end))?.[0].length ?? 0) }));
}

/** The clause (between commas, semicolons, full stops) around a span. */
export function clauseOf(text: string, at: Span): Span {
  let start = at.start;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
  let end = at.end;
  while (end < text.length && !CLAUSE_BREAK.test(text[end]!)) end++;
  return { start, end };
}

const RESPECTIVE = '分别';
/** A run of items joined by 、 和 及 与, before 分别 ("交通、水利、能源领域投资额", "城镇居民和农村居民收入"). */
const ITEM_RUN = /[\p{Script=Han}A-Za-z0-9]+(?:(?:、|和|及|与)[\p{Script=Han}A-Za-z0-9]+)+/gu;
/** What the items share after the last one ("5A级的企业" → 5A, "能源领域投资额" → 能源). */
const SHARED_TAIL = /(?:领域|行业|类|级|型|方面|地区|产业|的)[^、]*$/u;
const MIN_NAME = 2;

/** The longest start (or end) of an item, two characters or more, that the question contains. */
function namedPart(item: string, question: string, fromEnd: boolean): string | undefined {
  for (let n = item.length; n >= MIN_NAME; n--) {
    const part = fromEnd ? item.slice(item.length - n) : item.slice(0, n);
    if (question.includes(part)) return part;
  }
  return undefined;
}

/**
 * The amount a 分别 sentence pairs with the item the question names ("对3A、4A、5A级的企业分别给予50万元、100万元、
 * 150万元" asked about 5A级 → 150万元): the n-th amount after 分别 for the n-th item before it. The first item may
 * carry the words leading into the list and the last the head the items share, so they are named by their end
 * and their start. Undefined when the sentence has no such list, the counts differ, or the question names no
 * single item.
 */
export function respectiveAmountSpan(text: string, question: string): Span | undefined {
  const at = text.indexOf(RESPECTIVE);
  if (at < 0) return undefined;
  const runs = [...text.slice(0, at).matchAll(ITEM_RUN)];
  const run = runs[runs.length - 1];
  if (!run) return undefined;
  const items = run[0].split(/、|和|及|与/);
  const last = items.length - 1;
  items[last] = items[last]!.replace(SHARED_TAIL, '') || items[last]!;
  const after = clauseOf(text, { start: at, end: at + RESPECTIVE.length });
  const amounts = amountSpans(text).filter((s) => s.start > at && s.end <= after.end);
  if (amounts.length !== items.length) return undefined;
  const q = question.toLowerCase();
  const parts = items.map((item, i) => {
    const lower = item.toLowerCase();
    if (i === 0 && i !== last) return namedPart(lower, q, true);
    if (i === last) return namedPart(lower, q, false);
    return q.includes(lower) && lower.length >= MIN_NAME ? lower : undefined;
  });
  // a part another item also has ("投资" in 全年投资、能源领域投资额) names none of them
  const named = parts.flatMap((p, i) => (p && !items.some((other, j) => j !== i && other.toLowerCase().includes(p)) ? [i] : []));
  return named.length === 1 ? amounts[named[0]!] : undefined;
}

/**
 * The amount a sentence states for the question: a 分别 list's amount for the item the question names;
 * else an amount in the unit asked ("多少家" wants 家, a ratio wants %, money wants 元) before any other,
 * and among those the one whose clause, and the words right before it, cover most of the question; ties
 * go to the earlier amount. Undefined when the sentence states none.
 */
export function bestAmountSpan(text: string, terms: readonly QueryTerm[], question: string): Span | undefined {
  const respective = respectiveAmountSpan(text, question);
  if (respective) return respective;
  const weights = termWeights(terms, [text]);
  let best: { span: Span; fits: number; score: number } | undefined;
  let previousEnd = 0;
  for (const span of amountSpans(text)) {
    const clause = clauseOf(text, span);
    // the words between the amount before and this one name what it counts ("自然保护区面积40万公顷、森林面积150万公顷")
    const own = text.slice(Math.max(clause.start, previousEnd), span.start);
    previousEnd = span.end;
    const fit = unitFit(amountUnit(text.slice(span.start, span.end)), question);
    const score = coverageOf(text.slice(clause.start, clause.end), weights) + fit + OWN_WORDS * coverageOf(own, weights);
    // an amount in the unit asked comes first (元 for 最高奖补多少, not the 30% of the rule before it)
    const fits = Math.sign(fit);
    if (!best || fits > best.fits || (fits === best.fits && score > best.score)) best = { span, fits, score };
  }
  return best?.span;
}

/** How much the words right before an amount count beside its clause's. */
const OWN_WORDS = 0.5;

/** The unit an amount span states ("100万元" → 万元, "5%左右" → %), any qualifier after it kept. */
export function amountUnit(amount: string): string {
  return amount.includes('%') ? '%' : amount.replace(/^[\d.,\-~～—]+/, '');
}

/** The value an amount span states ("2400亿元" → 2400), for matching a Target's value to its words. */
export function amountValue(text: string): number | undefined {
  const m = /\d+(?:,\d{3})*(?:\.\d+)?/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : undefined;
}

/** Where a quote writes a Target's value: the first amount stating it, qualifier included. */
export function targetValueSpan(quote: string, value: number): Span | undefined {
  return amountSpans(quote).find((s) => amountValue(quote.slice(s.start, s.end)) === value);
}

/** The clause of a sentence that covers the question best (the first of equals). */
export function bestClause(text: string, terms: readonly QueryTerm[]): Span {
  const weights = termWeights(terms, [text]);
  let best: { span: Span; score: number } | undefined;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !CLAUSE_BREAK.test(text[i]!)) continue;
    const span = { start, end: i };
    const score = coverageOf(text.slice(start, i), weights);
    if (i > start && (!best || score > best.score)) best = { span, score };
    start = i + 1;
  }
  return best?.span ?? { start: 0, end: text.length };
}

const ITEM = '[\\p{Script=Han}A-Za-z0-9“”"]{1,16}';
const ENUMERATION = new RegExp(`${ITEM}(?:、${ITEM})+(?:(?:以及|及|和|与|、)${ITEM})?`, 'gu');
/** Words that introduce a list; the list starts after the last of them in its first item. */
const LEAD = /^.*(?:分为|包括|包含|涵盖|主要有|有|是|为|：)/u;
/** A count that closes a list ("三种类型", "等4个"). */
const TRAILING_COUNT = /(?:等)?(?:[一二三四五六七八九十两]|\d+)(?:种|类|个|项|大|方面)[\p{Script=Han}]{0,4}$/u;

/** The longest enumeration "A、B及C" in a text, without the verb before it or the count after it. */
export function enumerationSpan(text: string, offset = 0): Span | undefined {
  let best: Span | undefined;
  for (const m of text.matchAll(ENUMERATION)) {
    let start = m.index;
    let end = m.index + m[0].length;
    const firstItem = m[0].split('、')[0]!;
    const lead = LEAD.exec(firstItem);
    if (lead && lead[0].length < firstItem.length) start += lead[0].length;
    const count = TRAILING_COUNT.exec(text.slice(start, end));
    if (count && count.index > 0) end = start + count.index;
    if (!best || end - start > best.end - best.start) best = { start, end };
  }
  return best && { start: best.start + offset, end: best.end + offset };
}
