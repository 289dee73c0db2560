// The scope a question sets, pure: the regions it names (江苏 → 江苏省; 全国), the years (2026, or
// 今年 = each document's own year), the plan period (十五五) and a document named by its title — and
// which stored documents fall inside it. A document is in scope when its region lies within an asked
// region; a document governing a larger region (a national report for a question about 上海) is in
// scope only for passages naming the asked region; a document whose region is unknown stays, marked
// unknown, so answers from it carry less confidence.
import type { DocumentMeta } from '../model/index.js';
import type { PlanPeriod, ScopeRules } from './scope-rules.js';

export interface QuestionScope {
  /** Canonical names of the regions the question names. */
  regions: string[];
  /** The question asks about the whole country (全国, 我国). */
  national: boolean;
  /** Years the question states. */
  years: number[];
  /** A year relative to each document's own (今年 = +0). */
  relativeYear?: { word: string; offset: number };
  period?: PlanPeriod;
}

/** in: inside the scope; contains: the document governs more than was asked; unknown: its region is not known. */
export type DocumentFit = 'in' | 'contains' | 'unknown' | 'out';

export interface ScopedDocument {
  id: string;
  title: string;
  region?: string;
  year?: number;
  fit: DocumentFit;
}

export interface ResolvedScope extends QuestionScope {
  /** Whether the question restricts documents (names a region, the country, or a document). */
  restricted: boolean;
  /** The words of the question that name a document (its title, or a policy its notice issues). */
  documentNames: string[];
  documents: Map<string, ScopedDocument>;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
export const NATIONAL = '全国';

export function questionScope(question: string, rules: ScopeRules): QuestionScope {
  const regions = [...new Set(rules.regions.mentions(question).map((m) => m.name))];
  const national = !regions.length && rules.national.words.some((w) => question.includes(w));
  const years = [...new Set([...question.matchAll(YEAR)].map((m) => Number(m[1])))];
  const relative = years.length ? undefined : rules.relativeYears.flatMap((r) => r.words.filter((w) => question.includes(w)).map((word) => ({ word, offset: r.offset })))[0];
  const period = rules.periods.find((p) => p.words.some((w) => question.includes(w)));
  return { regions, national, years, ...(relative ? { relativeYear: relative } : {}), ...(period ? { period } : {}) };
}

/** The year a document was issued: its publishedAt (YYYY or YYYY-MM-DD), else a year in its title. */
export function documentYear(meta: Pick<DocumentMeta, 'publishedAt' | 'title'>): number | undefined {
  const stated = meta.publishedAt ? Number(meta.publishedAt.slice(0, 4)) : NaN;
  if (Number.isInteger(stated)) return stated;
  const inTitle = /(?<!\d)((?:19|20)\d{2})年/.exec(meta.title);
  return inTitle ? Number(inTitle[1]) : undefined;
}

/** The region a document governs: its region fact, else the first region its title names; national as 全国. */
export function documentRegion(meta: Pick<DocumentMeta, 'region' | 'title'>, rules: ScopeRules): string | undefined {
  if (meta.region && rules.national.regionNames.includes(meta.region)) return NATIONAL;
  // The last region named is the most specific ("呼伦贝尔市海拉尔区" → 海拉尔区).
  const named = rules.regions.mentions(meta.region ?? meta.title.slice(0, 60));
  if (named.length) return named[named.length - 1]!.name;
  return meta.region;
}

const squash = (s: string) => s.replace(/[\s《》“”"]/g, '');

/** The documents a notice issues, by its title ("关于印发A和B的通知" → A, B), years in brackets left out. */
const ISSUES = /印发(.+?)的通知/;
const MIN_NAME = 6;

export function issuedNames(title: string): string[] {
  const m = ISSUES.exec(squash(title));
  if (!m) return [];
  return m[1]!
    .split(/和|、|及/)
    .map((n) => n.replace(/[（(][^）)]*[）)]$/, ''))
    .filter((n) => n.length >= MIN_NAME);
}

/**
 * Documents the question names: by title ("《关于推进北京市数据专区建设的指导意见》"), or by a document its
 * notice issues ("支持工业互联网发展若干政策"); with the words of the question that name them.
 */
function namedDocuments(question: string, docs: readonly DocumentMeta[], rules: ScopeRules): { ids: Set<string>; words: string[] } {
  const q = squash(question);
  const quoted = [...question.matchAll(/《([^》]{4,})》/g)].map((m) => squash(m[1]!));
  const ids = new Set<string>();
  const words = new Set<string>();
  for (const d of docs) {
    const { title, issuedNames: names } = factsOf(d, rules);
    const issued = names.filter((n) => q.includes(n));
    if ((title.length >= MIN_NAME && q.includes(title)) || quoted.some((t) => title.includes(t)) || issued.length) {
      ids.add(d.id);
      for (const w of [...issued, ...quoted, ...(q.includes(title) ? [title] : [])]) words.add(w);
    }
  }
  return { ids, words: [...words] };
}

export function documentFit(scope: QuestionScope, region: string | undefined, rules: ScopeRules): DocumentFit {
  if (!scope.regions.length && !scope.national) return 'in';
  if (region === undefined) return 'unknown';
  if (scope.national) return region === NATIONAL ? 'in' : 'out';
  if (region === NATIONAL) return 'contains';
  if (scope.regions.some((r) => rules.regions.within(region, r))) return 'in';
  if (scope.regions.some((r) => rules.regions.within(r, region))) return 'contains';
  return 'out';
}

/** A document's region, year and the names its title gives, read once per document version and set of rules. */
interface DocumentFacts {
  region?: string;
  year?: number;
  /** The title without spaces and quotation marks, and the documents it issues. */
  title: string;
  issuedNames: string[];
}

const factsByRules = new WeakMap<ScopeRules, Map<string, DocumentFacts>>();
const MAX_FACTS = 10_000;

/** By the listing's own objects, which scope reuses for seconds: no key to build per document per query. */
const factsByDocument = new WeakMap<DocumentMeta, { rules: ScopeRules; facts: DocumentFacts }>();

function factsOf(d: DocumentMeta, rules: ScopeRules): DocumentFacts {
  const known = factsByDocument.get(d);
  if (known?.rules === rules) return known.facts;
  const f = factsByKey(d, rules);
  factsByDocument.set(d, { rules, facts: f });
  return f;
}

function factsByKey(d: DocumentMeta, rules: ScopeRules): DocumentFacts {
  const facts = factsByRules.get(rules) ?? new Map<string, DocumentFacts>();
  factsByRules.set(rules, facts);
  const key = `${d.id}:${d.sha256}:${d.title}:${d.region ?? ''}:${d.publishedAt ?? ''}`;
  let f = facts.get(key);
  if (!f) {
    if (facts.size >= MAX_FACTS) facts.clear();
    f = { region: documentRegion(d, rules), year: documentYear(d), title: squash(d.title), issuedNames: issuedNames(d.title) };
    facts.set(key, f);
  }
  return f;
}

export function resolveScope(scope: QuestionScope, question: string, docs: readonly DocumentMeta[], rules: ScopeRules): ResolvedScope {
  const named = namedDocuments(question, docs, rules);
  const documents = new Map<string, ScopedDocument>();
  for (const d of docs) {
    const { region, year } = factsOf(d, rules);
    const fit: DocumentFit = named.ids.size ? (named.ids.has(d.id) ? 'in' : 'out') : documentFit(scope, region, rules);
    documents.set(d.id, { id: d.id, title: d.title, fit, ...(region ? { region } : {}), ...(year ? { year } : {}) });
  }
  return { ...scope, restricted: named.ids.size > 0 || scope.regions.length > 0 || scope.national, documentNames: named.words, documents };
}

/** How a passage fits: a document governing more than was asked fits only where the passage names an asked region. */
export function passageFit(scope: ResolvedScope, docId: string, text: string, rules: ScopeRules): DocumentFit {
  if (!scope.restricted) return 'in';
  const fit = scope.documents.get(docId)?.fit ?? 'unknown';
  if (fit !== 'contains') return fit;
  const named = scope.regions.some((r) => rules.regions.surfacesWithin(r).some((s) => text.includes(s)));
  return named ? 'in' : 'out';
}

/** The years a fact of a document answers to: the stated years, else the document's year shifted by 今年/明年. */
export function askedYears(scope: Pick<ResolvedScope, 'years' | 'relativeYear' | 'documents'>, docId: string): number[] {
  if (scope.years.length) return scope.years;
  const year = scope.documents.get(docId)?.year;
  return scope.relativeYear && year !== undefined ? [year + scope.relativeYear.offset] : [];
}
