// The scope rules as data, loaded once per process: relative year words, plan periods and national
// words from graph/scope/scope-rules.json, regions and their containment from
// graph/reference/divisions.tsv with the short forms of graph/lexicon/region.txt. A missing divisions
// file leaves region names to the lexicon alone (no containment), so a fresh checkout still works.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createRegionIndex, type DivisionRow, type RegionIndex } from './region-index.js';

const GRAPH_DIR = fileURLToPath(new URL('../../graph/', import.meta.url));

const rulesSchema = z.object({
  relativeYears: z.array(z.object({ words: z.array(z.string().min(1)).min(1), offset: z.int() })),
  periods: z.array(z.object({ name: z.string().min(1), words: z.array(z.string().min(1)).min(1), from: z.int(), to: z.int() })),
  national: z.object({ words: z.array(z.string().min(1)), regionNames: z.array(z.string().min(1)) }),
  regionSuffixes: z.array(z.string().min(1)),
});

export interface PlanPeriod {
  name: string;
  words: string[];
  from: number;
  to: number;
}

export interface ScopeRules {
  relativeYears: Array<{ words: string[]; offset: number }>;
  periods: PlanPeriod[];
  /** Words that ask about the whole country, and the region values a national document carries. */
  national: { words: string[]; regionNames: string[] };
  regions: RegionIndex;
}

export function parseDivisions(tsv: string): DivisionRow[] {
  const [head, ...lines] = tsv.trim().split('\n');
  const cols = head!.split('\t');
  const at = (name: string) => cols.indexOf(name);
  const [n, l, p, v] = [at('name'), at('level'), at('parent'), at('province')];
  return lines.map((line) => {
    const f = line.split('\t');
    return { name: f[n] ?? '', level: f[l] ?? '', parent: f[p] ?? '', province: f[v] ?? '' };
  }).filter((r) => r.name);
}

/** Region lines of a jieba lexicon (`江苏 6000 Region=江苏省`, `雄安新区 6000 Region`) → surface → canonical name. */
export function parseRegionAliases(lexicon: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lexicon.split('\n')) {
    const m = /^(\S+) \d+ Region(?:=(\S+))?$/.exec(line.trim());
    if (m) out.set(m[1]!, m[2] ?? m[1]!);
  }
  return out;
}

export function buildScopeRules(json: unknown, divisions: DivisionRow[], aliases: ReadonlyMap<string, string>): ScopeRules {
  const rules = rulesSchema.parse(json);
  return {
    relativeYears: rules.relativeYears,
    periods: rules.periods,
    national: rules.national,
    regions: createRegionIndex(divisions, aliases, rules.regionSuffixes),
  };
}

let loaded: ScopeRules | undefined;

export function loadScopeRules(graphDir = GRAPH_DIR): ScopeRules {
  if (loaded && graphDir === GRAPH_DIR) return loaded;
  const read = (rel: string) => (existsSync(graphDir + rel) ? readFileSync(graphDir + rel, 'utf8') : '');
  const divisions = read('reference/divisions.tsv');
  const rules = buildScopeRules(
    JSON.parse(read('scope/scope-rules.json')),
    divisions ? parseDivisions(divisions) : [],
    parseRegionAliases(read('lexicon/region.txt')),
  );
  if (graphDir === GRAPH_DIR) loaded = rules;
  return rules;
}
