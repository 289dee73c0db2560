// Scores one document's extracted facts against an answer key written by the annotation guidelines
// (../shared/gold/GUIDELINES.md): recall on the required lists, precision against required ∪
// acceptable, with the guidelines' name matching. Pure: facts and key in, counts and misses out.
import { z } from 'zod';
import type { DocumentFacts, DocumentProfile, Entity, EntityType, ExtractedDocument, Target } from '../model/index.js';

const KeyTarget = z.object({
  metric: z.string(),
  value: z.number(),
  unit: z.string().nullable().optional(),
  comparator: z.string(),
  year: z.number().nullable().optional(),
  period: z.string().nullable().optional(),
  quote: z.string(),
  kind: z.string().optional(),
});
const KeyRelation = z.object({ type: z.string(), from: z.string(), to: z.string(), quote: z.string().optional() });
const KeyDocument = z.object({
  region: z.string().nullable().optional(),
  issuer: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
  genre: z.string().nullable().optional(),
  period: z.string().nullable().optional(),
});

export const AnswerKey = z.object({
  doc: z.string(),
  parks: z.array(z.string()).default([]),
  parks_acceptable: z.array(z.string()).default([]),
  industries: z.array(z.string()).default([]),
  industries_acceptable: z.array(z.string()).default([]),
  policies: z.array(z.string()).default([]),
  policies_acceptable: z.array(z.string()).default([]),
  targets: z.array(KeyTarget).default([]),
  relations: z.array(KeyRelation).default([]),
  relations_acceptable: z.array(KeyRelation).default([]),
  document: KeyDocument.optional(),
});
export type AnswerKey = z.infer<typeof AnswerKey>;
type KeyTarget = z.infer<typeof KeyTarget>;
type KeyRelation = z.infer<typeof KeyRelation>;

/** What is scored, in table order. */
export const SCORED = ['parks', 'industries', 'policies', 'targets', 'relations'] as const;
export type Scored = (typeof SCORED)[number];
export const DOCUMENT_FIELDS = ['region', 'issuer', 'date', 'genre', 'period'] as const;
type DocumentField = (typeof DOCUMENT_FIELDS)[number];

export interface Tally {
  /** Required items found / required items. */
  found: number;
  required: number;
  /** Extracted items that match a required or acceptable item / extracted items. */
  correct: number;
  extracted: number;
}

export interface DocumentScore {
  doc: string;
  tallies: Record<Scored, Tally>;
  documentFacts: Record<DocumentField, { expected: string | null; got: string | null; right: boolean }>;
  misses: Record<Scored, string[]>;
  wrong: Record<Scored, string[]>;
}

const TYPE_OF: Record<'parks' | 'industries' | 'policies', EntityType> = { parks: 'Park', industries: 'Industry', policies: 'Policy' };

/** Names compare without spaces, title and quotation marks and brackets (the guidelines' list). */
export function normaliseName(s: string): string {
  return s.replace(/[\s《》“”"「」（）()‘’'〈〉]/g, '');
}

/** The guidelines' rule: equal, or one contains the other with the shorter ≥ 3 characters and ≥ 60 % of the longer. */
export function namesMatch(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && short.length >= 0.6 * long.length && long.includes(short);
}

const surfacesOf = (e: Entity): string[] => [e.name, ...e.aliases];
const entityMatches = (e: Entity, name: string): boolean => surfacesOf(e).some((s) => namesMatch(s, name));

function scoreNames(entities: Entity[], required: string[], acceptable: string[]): { tally: Tally; misses: string[]; wrong: string[] } {
  const misses = required.filter((r) => !entities.some((e) => entityMatches(e, r)));
  const wrong = entities.filter((e) => ![...required, ...acceptable].some((r) => entityMatches(e, r))).map((e) => e.name);
  return {
    tally: { found: required.length - misses.length, required: required.length, correct: entities.length - wrong.length, extracted: entities.length },
    misses,
    wrong,
  };
}

const sameUnit = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? '') === (b ?? '');

/** A target matches a key target on value, unit, comparator and year, with a matching metric or overlapping quote. */
export function targetMatches(t: Target, k: KeyTarget): boolean {
  if (Math.abs(t.value - k.value) > 1e-6 || !sameUnit(t.unit, k.unit) || t.comparator !== k.comparator) return false;
  if ((t.year ?? null) !== (k.year ?? null)) return false;
  // our quotes come from normalised text (～ → ~, full-width digits folded): compare both folded
  const ours = t.quote.normalize('NFKC');
  const theirs = k.quote.normalize('NFKC');
  const quotesOverlap = ours.includes(theirs) || theirs.includes(ours);
  const metric = normaliseName(t.metric);
  const keyMetric = normaliseName(k.metric);
  const metricsMatch = namesMatch(metric, keyMetric) || (metric.length >= 2 && keyMetric.includes(metric)) || (keyMetric.length >= 2 && metric.includes(keyMetric));
  return quotesOverlap && metricsMatch;
}

const describeTarget = (t: { metric: string; value: number; unit?: string | null; comparator: string; year?: number | null; quote: string }): string =>
  `${t.metric} ${t.comparator} ${t.value}${t.unit ?? ''} (${t.year ?? '—'}) «${t.quote}»`;

function scoreTargets(targets: Target[], key: AnswerKey): { tally: Tally; misses: string[]; wrong: string[] } {
  const goals = key.targets.filter((t) => (t.kind ?? 'goal') === 'goal');
  const misses = goals.filter((k) => !targets.some((t) => targetMatches(t, k)));
  const wrong = targets.filter((t) => !key.targets.some((k) => targetMatches(t, k)));
  return {
    tally: { found: goals.length - misses.length, required: goals.length, correct: targets.length - wrong.length, extracted: targets.length },
    misses: misses.map(describeTarget),
    wrong: wrong.map(describeTarget),
  };
}

/** A relation as scored: MEASURES names its target by quote; other types name entities. */
interface ScoredRelation {
  type: string;
  from: Entity | Target;
  to: Entity;
}

const SCORED_RELATION_TYPES = new Set(['HOSTS', 'SUPPORTS', 'EXTENDS_TO', 'INTEGRATES_WITH', 'PART_OF', 'MEASURES']);
const UNSCORED_ENDS = new Set<EntityType>(['Region', 'Organization']);
const isTarget = (x: Entity | Target): x is Target => 'quote' in x;

/** The number and unit of a key quote for MEASURES: the target it names is the one with that number. */
function measuresFromMatches(t: Target, quote: string): boolean {
  return quote.includes(t.quote) || t.quote.includes(quote) || quote.includes(`${t.value}${t.unit}`);
}

function relationMatches(r: ScoredRelation, k: KeyRelation): boolean {
  if (r.type !== k.type) return false;
  const fromOk = (from: Entity | Target, name: string): boolean => (isTarget(from) ? measuresFromMatches(from, name) : entityMatches(from, name));
  if (fromOk(r.from, k.from) && entityMatches(r.to, k.to)) return true;
  return r.type === 'INTEGRATES_WITH' && !isTarget(r.from) && entityMatches(r.from, k.to) && entityMatches(r.to, k.from);
}

function scoredRelations(facts: DocumentFacts): ScoredRelation[] {
  const byId = new Map(facts.entities.map((e) => [e.id, e]));
  const out: ScoredRelation[] = [];
  for (const r of facts.relations) {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (!from || !to || !SCORED_RELATION_TYPES.has(r.type) || UNSCORED_ENDS.has(from.type) || UNSCORED_ENDS.has(to.type)) continue;
    out.push({ type: r.type, from, to });
  }
  for (const t of facts.targets) {
    for (const id of t.measures) {
      const to = byId.get(id);
      if (to && !UNSCORED_ENDS.has(to.type)) out.push({ type: 'MEASURES', from: t, to });
    }
  }
  return out;
}

const describeRelation = (r: ScoredRelation): string => `${isTarget(r.from) ? `«${r.from.quote}»` : r.from.name} -${r.type}-> ${r.to.name}`;

function scoreRelations(facts: DocumentFacts, key: AnswerKey): { tally: Tally; misses: string[]; wrong: string[] } {
  const ours = scoredRelations(facts);
  const misses = key.relations.filter((k) => !ours.some((r) => relationMatches(r, k)));
  const all = [...key.relations, ...key.relations_acceptable];
  const wrong = ours.filter((r) => !all.some((k) => relationMatches(r, k)));
  return {
    tally: { found: key.relations.length - misses.length, required: key.relations.length, correct: ours.length - wrong.length, extracted: ours.length },
    misses: misses.map((k) => `${k.from} -${k.type}-> ${k.to}`),
    wrong: wrong.map(describeRelation),
  };
}

const cleanFact = (s: string | null | undefined): string | null => (s ? normaliseName(s) : null);

/** A date is right when equal, or when the key gives only the year and ours is in it. */
function factRight(field: DocumentField, expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  if (field === 'date') return got === expected || (expected.length === 4 && got.startsWith(expected));
  return expected === got;
}

function scoreDocument(profile: DocumentProfile, key: AnswerKey): DocumentScore['documentFacts'] {
  const got: Record<DocumentField, string | undefined> = {
    region: profile.region,
    issuer: profile.issuer,
    date: profile.publishedAt,
    genre: profile.genre,
    period: profile.period,
  };
  const out = {} as DocumentScore['documentFacts'];
  for (const f of DOCUMENT_FIELDS) {
    const expected = cleanFact(key.document?.[f]);
    const ours = cleanFact(got[f]);
    out[f] = { expected, got: ours, right: factRight(f, expected, ours) };
  }
  return out;
}

export function scoreExtraction(facts: ExtractedDocument, key: AnswerKey): DocumentScore {
  const parts = {} as Record<Scored, { tally: Tally; misses: string[]; wrong: string[] }>;
  for (const list of ['parks', 'industries', 'policies'] as const) {
    const entities = facts.entities.filter((e) => e.type === TYPE_OF[list]);
    parts[list] = scoreNames(entities, key[list], key[`${list}_acceptable`]);
  }
  parts.targets = scoreTargets(facts.targets, key);
  parts.relations = scoreRelations(facts, key);
  const pick = <K extends 'tally' | 'misses' | 'wrong'>(k: K) =>
    Object.fromEntries(SCORED.map((s) => [s, parts[s][k]])) as Record<Scored, (typeof parts)[Scored][K]>;
  return { doc: key.doc, tallies: pick('tally'), misses: pick('misses'), wrong: pick('wrong'), documentFacts: scoreDocument(facts.profile, key) };
}

/** Sums tallies (micro-average). */
export function sumTallies(tallies: Tally[]): Tally {
  return tallies.reduce((a, t) => ({ found: a.found + t.found, required: a.required + t.required, correct: a.correct + t.correct, extracted: a.extracted + t.extracted }), {
    found: 0,
    required: 0,
    correct: 0,
    extracted: 0,
  });
}

export const recallOf = (t: Tally): number => (t.required ? t.found / t.required : 1);
export const precisionOf = (t: Tally): number => (t.extracted ? t.correct / t.extracted : 1);
