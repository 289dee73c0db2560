// What a document is (GUIDELINES "Document"): its jurisdiction, issuing body, date, genre and plan
// period, read from its title, opening lines and the regions it names. Cue words and patterns are
// data (graph/rules/document.json). Pure.
import { z } from 'zod';
import type { DocumentProfile, SegmentedPassage } from '../model/index.js';
import { ancestorsOf, divisionsNamed, leadingDivision, qualifiedDivisionName, type Division } from './divisions.js';
import { readRuleFile } from './rule-files.js';

const Rules = z.object({
  genres: z.array(z.object({ genre: z.string(), where: z.enum(['title', 'head', 'text']), pattern: z.string() })),
  issuer: z.array(z.object({ about: z.string(), pattern: z.string() })),
  meeting: z.string(),
  fullDate: z.string(),
  reviewYear: z.string(),
  national: z.string(),
});
const rules = Rules.parse(readRuleFile('document.json'));
const GENRES = rules.genres.map((g) => ({ ...g, re: new RegExp(g.pattern) }));
const ISSUERS = rules.issuer.map((i) => new RegExp(i.pattern, 'm'));
const MEETING = new RegExp(rules.meeting);
const FULL_DATE = new RegExp(rules.fullDate);
const REVIEW_YEAR = new RegExp(rules.reviewYear);
const NATIONAL = new RegExp(rules.national, 'm');
/** How much of the opening a document's self-description lives in. */
const HEAD_CHARS = 600;
const COUNTRY = '中国';

export interface ProfileInput {
  title: string;
  passages: SegmentedPassage[];
  /** Canonical names of the Region entities the document mentions, once per mention. */
  regionMentions: string[];
}

export function documentProfile({ title, passages, regionMentions }: ProfileInput): DocumentProfile {
  const text = passages.map((p) => p.text).join('\n');
  const head = text.slice(0, HEAD_CHARS);
  const firstLine = head.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const docTitle = /[。，；：]/.test(firstLine) ? title : firstLine;
  const genre = genreOf(docTitle, head, text);
  const issuer = issuerOf(docTitle, head);
  const publishedAt = dateOf(head, title, genre);
  const region = regionOf(docTitle, head, issuer, regionMentions);
  const period = periodOf(docTitle, head, text, genre, publishedAt);
  const out: DocumentProfile = {};
  if (region) out.region = region;
  if (issuer) out.issuer = issuer === '区人民政府' || issuer === '市人民政府' || issuer === '县人民政府' ? qualifyIssuer(issuer, region) : issuer;
  if (publishedAt) out.publishedAt = publishedAt;
  if (genre) out.genre = genre;
  if (period) out.period = period;
  return out;
}

function genreOf(title: string, head: string, text: string): string | undefined {
  // A notice that issues a document (印发《X》的通知) has the genre of what it issues.
  const issued = /印发《([^》]+)》的通知/.exec(title)?.[1];
  for (const g of GENRES) {
    const where = g.where === 'title' ? (issued ?? title) : g.where === 'head' ? `${title}\n${head}` : text;
    if (g.re.test(where)) return g.genre;
  }
  return undefined;
}

function issuerOf(title: string, head: string): string | undefined {
  if (NATIONAL.test(head)) return '国务院';
  for (const re of ISSUERS) {
    const m = re.exec(`${title}\n${head}`);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** "区人民政府" in a district's report is that district's government. */
function qualifyIssuer(issuer: string, region: string | undefined): string {
  return region ? region + issuer.slice(1) : issuer;
}

function dateOf(head: string, title: string, genre: string | undefined): string | undefined {
  const full = FULL_DATE.exec(head);
  if (full) return `${full[1]}-${full[2]!.padStart(2, '0')}-${full[3]!.padStart(2, '0')}`;
  if (genre === '新闻报道') return undefined;
  // A work report reviews the year before the one it is delivered in.
  const review = REVIEW_YEAR.exec(head);
  if (review) return String(Number(review[1]) + 1);
  return /(?:19|20)\d{2}/.exec(title)?.[0];
}

function regionOf(title: string, head: string, issuer: string | undefined, mentions: string[]): string | undefined {
  if (issuer?.startsWith('国务院')) return COUNTRY;
  const meeting = MEETING.exec(head)?.[1];
  const stated = [meeting, issuer, title.replace(/^(?:19|20)\d{2}年/, '')].map((s) => (s ? jurisdictionAt(s) : undefined)).find(Boolean);
  return stated ?? mostMentioned(mentions);
}

/** The division a name starts with, with a county inside its prefecture when both are written (呼伦贝尔市海拉尔区). */
function jurisdictionAt(s: string): string | undefined {
  const first = leadingDivision(s);
  if (!first) return undefined;
  const written = [first.name, first.name.replace(/(省|市|自治区)$/, '')].find((n) => s.startsWith(n)) ?? first.name;
  const rest = s.slice(written.length);
  const child = leadingDivision(rest);
  if (child && ancestorsOf(child).includes(first.name)) return first.name + child.name;
  return first.name;
}

/**
 * The division the text names most; a county is written with its prefecture, chosen among same-named
 * counties by which prefecture or province the text names more.
 */
function mostMentioned(mentions: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m, (counts.get(m) ?? 0) + 1);
  const scored = [...counts]
    .filter(([name]) => divisionsNamed(name).length > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored[0]?.[0];
  if (!top) return undefined;
  const candidates = divisionsNamed(top);
  const support = (d: Division): number => ancestorsOf(d).reduce((a, n) => a + (counts.get(n) ?? 0), 0);
  const best = [...candidates].sort((a, b) => support(b) - support(a))[0]!;
  return qualifiedDivisionName(best);
}

const PLAN_ORDINAL = /第([一二三四五六七八九十]{1,3})个五年(?:规划|计划)/;
const PLAN_NAME = /[“"]?(十[一二三四五六七八九]?五)[”"]?(?:规划|计划)/;
const YEAR_RANGE = /((?:19|20)\d{2})\s*[-－—~～至]\s*((?:19|20)\d{2})年/;
const FIVE_YEARS_TO = /未来五年[\s\S]{0,400}?到((?:19|20)\d{2})年/;

function periodOf(title: string, head: string, text: string, genre: string | undefined, date: string | undefined): string | undefined {
  if (genre === '政府工作报告') return date?.slice(0, 4);
  const ordinal = PLAN_ORDINAL.exec(title)?.[1];
  if (ordinal) return `“${ordinal}五”`; // 第十个 → “十五”, 第十四个 → “十四五”
  const plan = PLAN_NAME.exec(title)?.[1];
  if (plan) return `“${plan}”`;
  const range = YEAR_RANGE.exec(title) ?? YEAR_RANGE.exec(head);
  if (range) return `${range[1]}-${range[2]}`;
  // "未来五年……到2025年": a five-year horizon ending in the stated year
  const horizon = FIVE_YEARS_TO.exec(text)?.[1];
  if (horizon) return `${Number(horizon) - 4}-${horizon}`;
  return undefined;
}
