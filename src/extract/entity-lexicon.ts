// Rule entity.lexicon: a token the lexicon tagged with an entity type is a mention of that entity.
// An industry word directly followed by 产业/业 takes the suffix along (新一代信息技术 + 产业).
import type { Token } from '../model/index.js';
import type { EntityCandidate } from './entity-candidate.js';
import { parseEntityTag } from './entity-tag.js';
import { RULES } from './rule-ids.js';
import { SUFFIX_TABLES } from './suffix-tables.js';

const INDUSTRY_SUFFIX = new Set(['产业', '业']);
const industryContinuations = SUFFIX_TABLES.find((t) => t.type === 'Industry')!.continuations;

/** Words around a short product word that show it is named as a sector (汽车、船舶 …; 光伏等). */
const LIST_MARKS = new Set(['、', '和', '及', '与', '等']);

/**
 * GUIDELINES "Industry": a product or technology word is an industry when named as a sector, usually
 * in an enumeration. A two-character one (汽车, 食品, 航空) alone is too often the product itself
 * (汽车消费, 食品安全): it counts beside another industry in a list, or before 等.
 */
function namedAsSector(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const listed = (mark: Token | undefined, other: Token | undefined): boolean =>
    !!mark && LIST_MARKS.has(mark.word) && !!other && parseEntityTag(other.tag)?.type === 'Industry';
  return listed(before, tokens[i - 2]) || listed(after, tokens[i + 2]) || after?.word === '等';
}

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
    } else if (tag.type === 'Industry' && t.word.length <= 2 && !namedAsSector(tokens, i)) {
      continue;
    }
    const candidate: EntityCandidate = { type: tag.type, name: text.slice(t.start, end), start: t.start, end, rule: RULES.entityLexicon };
    if (tag.canonical) candidate.canonical = end === t.end ? tag.canonical : tag.canonical + text.slice(t.end, end);
    out.push(candidate);
  }
  return out;
}
