// The policy-domain thesaurus (graph/thesaurus/): everyday wordings, abbreviations and synonyms, loaded
// once per process. `expansionsIn` finds the phrases of a text the thesaurus knows, longest first and
// without overlaps, each with the other wordings that mean the same: the bridge between a question in
// a user's words and a text in the policy's words, without a model.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ThesaurusMatch {
  /** The phrase as the text writes it. */
  surface: string;
  start: number;
  end: number;
  /** Other wordings of the same thing, policy term first. */
  alternatives: string[];
}

export interface Thesaurus {
  expansionsIn(text: string): ThesaurusMatch[];
}

const THESAURUS_DIR = fileURLToPath(new URL('../../graph/thesaurus/', import.meta.url));
export const THESAURUS_FILES = { everyday: 'everyday.tsv', abbreviations: 'abbreviations.tsv', synonyms: 'synonyms.tsv' } as const;
const MIN_VARIANT = 2;

export interface ThesaurusEntry {
  term: string;
  variants: string[];
  /** Both ways (abbreviations, synonyms) or only from a variant to the term (everyday wordings). */
  twoWay: boolean;
}

/** `term<TAB>a|b|c` lines; `#` comments and blank lines skipped; a bad line is an error naming it. */
export function parseThesaurus(tsv: string, twoWay: boolean, file = 'thesaurus'): ThesaurusEntry[] {
  const out: ThesaurusEntry[] = [];
  tsv.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [term, variants, extra] = line.split('\t');
    const list = (variants ?? '').split('|').map((v) => v.trim()).filter(Boolean);
    if (!term || !list.length || extra !== undefined) throw new Error(`${file}:${i + 1}: expected "term<TAB>variant|variant"`);
    const short = [term, ...list].find((w) => [...w].length < MIN_VARIANT);
    if (short) throw new Error(`${file}:${i + 1}: "${short}" is shorter than ${MIN_VARIANT} characters`);
    out.push({ term, variants: list, twoWay });
  });
  return out;
}

export function createThesaurus(entries: readonly ThesaurusEntry[]): Thesaurus {
  // surface (lowercase) → alternatives, policy terms first
  const alternatives = new Map<string, string[]>();
  const add = (surface: string, alts: string[]) => {
    const key = surface.toLowerCase();
    const merged = [...(alternatives.get(key) ?? []), ...alts.filter((a) => a.toLowerCase() !== key)];
    alternatives.set(key, [...new Set(merged)]);
  };
  for (const e of entries) {
    for (const v of e.variants) add(v, [e.term, ...(e.twoWay ? e.variants : [])]);
    if (e.twoWay) add(e.term, e.variants);
  }
  const byFirst = new Map<string, string[]>();
  for (const s of [...alternatives.keys()].sort((a, b) => b.length - a.length)) byFirst.set(s[0]!, [...(byFirst.get(s[0]!) ?? []), s]);

  return {
    expansionsIn(text) {
      const lower = text.toLowerCase();
      const out: ThesaurusMatch[] = [];
      for (let i = 0; i < lower.length; i++) {
        const surface = byFirst.get(lower[i]!)?.find((s) => lower.startsWith(s, i));
        if (!surface) continue;
        out.push({ surface: text.slice(i, i + surface.length), start: i, end: i + surface.length, alternatives: alternatives.get(surface)! });
        i += surface.length - 1;
      }
      return out;
    },
  };
}

let loaded: Thesaurus | undefined;

export function loadThesaurus(dir = THESAURUS_DIR): Thesaurus {
  if (loaded && dir === THESAURUS_DIR) return loaded;
  const read = (file: string) => readFileSync(dir + file, 'utf8');
  const thesaurus = createThesaurus([
    ...parseThesaurus(read(THESAURUS_FILES.everyday), false, THESAURUS_FILES.everyday),
    ...parseThesaurus(read(THESAURUS_FILES.abbreviations), true, THESAURUS_FILES.abbreviations),
    ...parseThesaurus(read(THESAURUS_FILES.synonyms), true, THESAURUS_FILES.synonyms),
  ]);
  if (dir === THESAURUS_DIR) loaded = thesaurus;
  return thesaurus;
}
