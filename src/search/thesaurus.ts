// The policy-domain thesaurus (graph/thesaurus/): everyday wordings, abbreviations and synonyms, loaded
// once per process. `expansionsIn` finds the phrases of a text the thesaurus knows, longest first and
// without overlaps, each with the other wordings that mean the same: the bridge between a question in
// a user's words and a text in the policy's words, without a model. A wording may be split by a few
// filler words ("经济…增长" matches 经济打算增长): people put a modal verb or a measure word inside a phrase.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ThesaurusMatch {
  /**
   * The phrase as the text writes it; for a split wording, its parts joined ("经济…增长" in 经济打算增长 →
   * 经济增长), so the words between them (打算) stay words of their own.
   */
  surface: string;
  /** Where the phrase starts and ends in the text (a split wording: its first part to its last). */
  start: number;
  end: number;
  /** Other wordings of the same thing, policy term first. */
  alternatives: string[];
}

export interface Thesaurus {
  expansionsIn(text: string): ThesaurusMatch[];
}

const THESAURUS_DIR = fileURLToPath(new URL('../../graph/thesaurus/', import.meta.url));
export const THESAURUS_FILES = { everyday: 'everyday.tsv', abbreviations: 'abbreviations.tsv', synonyms: 'synonyms.tsv', fillers: 'fillers.txt' } as const;
const MIN_VARIANT = 2;
/** Marks where a wording may be split ("没…工作"). */
export const GAP = '…';
/** At most this many characters between the parts of a split wording, all of them filler words. */
const GAP_MAX = 4;

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
    const short = [term, ...list].find((w) => [...w.replaceAll(GAP, '')].length < MIN_VARIANT || w.startsWith(GAP) || w.endsWith(GAP) || w.includes(GAP + GAP));
    if (term.includes(GAP)) throw new Error(`${file}:${i + 1}: a policy term is written whole ("${term}")`);
    if (short) throw new Error(`${file}:${i + 1}: "${short}" is shorter than ${MIN_VARIANT} characters or splits at an end`);
    out.push({ term, variants: list, twoWay });
  });
  return out;
}

/** Whether a text is made of filler words only (graph/thesaurus/fillers.txt), longest first. */
function onlyFillers(text: string, fillers: readonly string[]): boolean {
  if (!text) return true;
  return fillers.some((f) => text.startsWith(f) && onlyFillers(text.slice(f.length), fillers));
}

/** Where a wording's parts occur from `at` on: each part within GAP_MAX filler characters of the one before. */
function matchParts(text: string, at: number, parts: readonly string[], fillers: readonly string[]): { end: number; joined: string } | undefined {
  if (!text.startsWith(parts[0]!, at)) return undefined;
  let end = at + parts[0]!.length;
  for (const part of parts.slice(1)) {
    let next = -1;
    for (let gap = 0; gap <= GAP_MAX && end + gap < text.length; gap++) {
      if (text.startsWith(part, end + gap) && onlyFillers(text.slice(end, end + gap), fillers)) {
        next = end + gap;
        break;
      }
    }
    if (next < 0) return undefined;
    end = next + part.length;
  }
  return { end, joined: parts.join('') };
}

export function createThesaurus(entries: readonly ThesaurusEntry[], fillers: readonly string[] = []): Thesaurus {
  const fillerWords = [...fillers].sort((a, b) => b.length - a.length);
  // wording (lowercase) → alternatives, policy terms first; a split wording's alternatives leave out other split wordings
  const alternatives = new Map<string, string[]>();
  const add = (surface: string, alts: string[]) => {
    const key = surface.toLowerCase();
    const merged = [...(alternatives.get(key) ?? []), ...alts.filter((a) => a.toLowerCase() !== key && !a.includes(GAP))];
    alternatives.set(key, [...new Set(merged)]);
  };
  for (const e of entries) {
    for (const v of e.variants) add(v, [e.term, ...(e.twoWay ? e.variants : [])]);
    if (e.twoWay) add(e.term, e.variants);
  }
  const byFirst = new Map<string, Array<{ key: string; parts: string[] }>>();
  for (const key of alternatives.keys()) byFirst.set(key[0]!, [...(byFirst.get(key[0]!) ?? []), { key, parts: key.split(GAP) }]);

  return {
    expansionsIn(text) {
      const lower = text.toLowerCase();
      const out: ThesaurusMatch[] = [];
      for (let i = 0; i < lower.length; i++) {
        // the longest phrase starting here; of equals, the one written whole
        let best: { key: string; end: number; joined: string } | undefined;
        for (const w of byFirst.get(lower[i]!) ?? []) {
          const m = matchParts(lower, i, w.parts, fillerWords);
          if (m && (!best || m.end > best.end || (m.end === best.end && w.parts.length === 1))) best = { key: w.key, ...m };
        }
        if (!best) continue;
        const whole = !best.key.includes(GAP);
        out.push({ surface: whole ? text.slice(i, best.end) : best.joined, start: i, end: best.end, alternatives: alternatives.get(best.key)! });
        i = best.end - 1;
      }
      return out;
    },
  };
}

/** One filler word a line; `#` comments and blank lines skipped. */
export function parseFillers(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

let loaded: Thesaurus | undefined;

export function loadThesaurus(dir = THESAURUS_DIR): Thesaurus {
  if (loaded && dir === THESAURUS_DIR) return loaded;
  const read = (file: string) => readFileSync(dir + file, 'utf8');
  const thesaurus = createThesaurus(
    [
      ...parseThesaurus(read(THESAURUS_FILES.everyday), false, THESAURUS_FILES.everyday),
      ...parseThesaurus(read(THESAURUS_FILES.abbreviations), true, THESAURUS_FILES.abbreviations),
      ...parseThesaurus(read(THESAURUS_FILES.synonyms), true, THESAURUS_FILES.synonyms),
    ],
    parseFillers(read(THESAURUS_FILES.fillers)),
  );
  if (dir === THESAURUS_DIR) loaded = thesaurus;
  return thesaurus;
}
