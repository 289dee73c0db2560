// Rule entity.lexicon: a token the lexicon tagged with an entity type is a mention of that entity.
// An industry word directly followed by 产业/业 takes the suffix along (新一代信息技术 + 产业).
import type { Token } from '../model/index.js';
import type { EntityCandidate } from './entity-candidate.js';
import { parseEntityTag } from './entity-tag.js';
import { RULES } from './rule-ids.js';
import { SUFFIX_TABLES } from './suffix-tables.js';

const INDUSTRY_SUFFIX = new Set(['产业', '业']);
const industryContinuations = SUFFIX_TABLES.find((t) => t.type === 'Industry')!.continuations;

export function lexiconCandidates(text: string, tokens: Token[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const tag = parseEntityTag(t.tag);
    if (!tag) continue;
    let end = t.end;
    const next = tokens[i + 1];
    if (tag.type === 'Industry' && next && INDUSTRY_SUFFIX.has(next.word) && !industryContinuations.has(tokens[i + 2]?.word ?? '')) {
      end = next.end;
    }
    const candidate: EntityCandidate = { type: tag.type, name: text.slice(t.start, end), start: t.start, end, rule: RULES.entityLexicon };
    if (tag.canonical) candidate.canonical = end === t.end ? tag.canonical : tag.canonical + text.slice(t.end, end);
    out.push(candidate);
  }
  return out;
}
