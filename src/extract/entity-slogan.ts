// Rule entity.slogan (graph/rules/policy.json "slogans"): a four-character slogan that names a means
// of raising a place — 交通强省, 依法治省, 科教兴滇 — is a policy whether or not it is quoted.
import { z } from 'zod';
import type { Token } from '../model/index.js';
import type { EntityCandidate } from './entity-candidate.js';
import { readRuleFile } from './rule-files.js';
import { RULES } from './rule-ids.js';

const Slogans = z.object({ slogans: z.object({ about: z.string(), verbs: z.array(z.string()), places: z.array(z.string()), objects: z.array(z.string()), notMeans: z.array(z.string()) }) });
const { slogans } = Slogans.parse(readRuleFile('policy.json'));
const VERBS = new Set(slogans.verbs);
const PLACES = new Set([...slogans.places, ...slogans.objects]);
const NOT_MEANS = new Set(slogans.notMeans);
/** The means is a word that names (交通, 依法, 科教), not a particle or a number. */
const MEANS_TAGS = /^(n|nz|vn|j|d|l|v)/;

export function sloganCandidates(text: string, tokens: Token[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // jieba may know the whole slogan as one word (从严治党)
    if (t.word.length === 4 && VERBS.has(t.word[2]!) && PLACES.has(t.word[3]!) && !NOT_MEANS.has(t.word.slice(0, 2)) && /^\p{Script=Han}{4}$/u.test(t.word)) {
      out.push({ type: 'Policy', name: t.word, start: t.start, end: t.end, rule: RULES.entitySlogan });
      continue;
    }
    // cheapest test first: the raising verb and the place right after a two-character word
    if (t.word.length !== 2 || !VERBS.has(text[t.end] ?? '') || !PLACES.has(text[t.end + 1] ?? '')) continue;
    if (NOT_MEANS.has(t.word) || !MEANS_TAGS.test(t.tag) || !/^\p{Script=Han}{2}$/u.test(t.word)) continue;
    // as one token (强省) or two (强/省), ending on a token boundary
    const end = t.end + 2;
    if (tokens[i + 1]?.end !== end && tokens[i + 2]?.end !== end) continue;
    out.push({ type: 'Policy', name: text.slice(t.start, end), start: t.start, end, rule: RULES.entitySlogan });
  }
  return out;
}
