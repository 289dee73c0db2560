// The target rules' cue words (graph/rules/targets.json, written from GUIDELINES.md "Target"), read
// once at module load and shaped for the rules: maps for comparators, sets for word lists, regular
// expressions for markers.
import { z } from 'zod';
import type { Comparator } from '../model/index.js';
import { readRuleFile } from './rule-files.js';

const Words = z.object({ words: z.array(z.string()) });
const Pattern = z.object({ pattern: z.string() });
const Comparators = z.object({ words: z.record(z.string(), z.enum(['=', '>=', '<=', '~'])) });
const File = z.object({
  periods: z.object({ words: z.record(z.string(), z.string()) }),
  metricLeading: Words,
  metricAnywhere: Words,
  metricTrailing: Words,
  boundWords: Words,
  notMeasures: Pattern,
  rateUnits: Words,
  comparatorAfter: Comparators,
  comparatorBefore: Comparators,
  approxBefore: Words,
  changeVerbs: Words,
  fillers: Words,
  countVerbs: Words,
  createVerbs: Words,
  countModifiers: Words,
  cnClassifiers: Words,
  listJoiners: Words,
  genericAttributes: Words,
  parkClassWords: Words,
  subsidyCues: Pattern,
  forwardCues: Pattern,
  pastMarkers: Pattern,
  weakPastMarkers: Pattern,
  futureMarkers: Pattern,
  goalHeadings: Pattern,
  statisticClauses: Pattern,
  planTitles: Pattern,
  pastHeadings: Pattern,
});

const file = File.parse(readRuleFile('targets.json'));
const set = (w: { words: string[] }): ReadonlySet<string> => new Set(w.words);

export const TARGET_RULES = {
  periods: new Map(Object.entries(file.periods.words)),
  metricLeading: set(file.metricLeading),
  metricAnywhere: set(file.metricAnywhere),
  metricTrailing: set(file.metricTrailing),
  boundWords: set(file.boundWords),
  notMeasures: new RegExp(file.notMeasures.pattern),
  rateUnits: set(file.rateUnits),
  after: new Map<string, Comparator>(Object.entries(file.comparatorAfter.words)),
  before: new Map<string, Comparator>(Object.entries(file.comparatorBefore.words)),
  approxBefore: set(file.approxBefore),
  changeVerbs: set(file.changeVerbs),
  fillers: set(file.fillers),
  countVerbs: set(file.countVerbs),
  createVerbs: set(file.createVerbs),
  countModifiers: set(file.countModifiers),
  cnClassifiers: file.cnClassifiers.words,
  listJoiners: set(file.listJoiners),
  genericAttributes: set(file.genericAttributes),
  /** Longest first: 高新技术产业开发区 before 开发区. */
  parkClassWords: [...file.parkClassWords.words].sort((a, b) => b.length - a.length),
  subsidy: new RegExp(file.subsidyCues.pattern),
  forward: new RegExp(file.forwardCues.pattern),
  past: new RegExp(file.pastMarkers.pattern, 'g'),
  weakPast: new RegExp(file.weakPastMarkers.pattern),
  future: new RegExp(file.futureMarkers.pattern, 'g'),
  goalHeading: new RegExp(file.goalHeadings.pattern),
  statisticClause: new RegExp(file.statisticClauses.pattern),
  planTitle: new RegExp(file.planTitles.pattern),
  pastHeading: new RegExp(file.pastHeadings.pattern),
} as const;
