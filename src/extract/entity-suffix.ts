// Rules entity.suffix-park / -industry / -policy / -organization: a name is the phrase that ends in
// a type's suffix (…高新区, …产业, …计划, …厅), grown leftwards to where the predicate starts.
import type { Token } from '../model/index.js';
import type { EntityCandidate } from './entity-candidate.js';
import { growNameStart } from './grow-name.js';
import { isGenericName } from './generic-names.js';
import { parseEntityTag } from './entity-tag.js';
import { SUFFIX_TABLES, type SuffixTable } from './suffix-tables.js';
import { RULES } from './rule-ids.js';
import { frameStart, framedListItems } from './policy-frame.js';
import { LEADING_WORDS, isHardBoundary } from './name-words.js';
import { divisionsNamed } from './divisions.js';

interface SuffixIndex {
  table: SuffixTable;
  /** Suffixes by their last character, longest first: one map lookup per token. */
  byLastChar: Map<string, string[]>;
}

const INDEXES: SuffixIndex[] = SUFFIX_TABLES.map((table) => {
  const byLastChar = new Map<string, string[]>();
  for (const s of table.suffixes) {
    const last = s[s.length - 1]!;
    byLastChar.set(last, [...(byLastChar.get(last) ?? []), s]);
  }
  return { table, byLastChar };
});

/** Every suffix's last character: most tokens end in none, and skip all tables at one look-up. */
const LAST_CHARS = new Set(INDEXES.flatMap((i) => [...i.byLastChar.keys()]));

/** Tags of words jieba does not know (x) or calls organisations (nt): a one-character suffix may end them. */
const OPEN_TAGS = new Set(['x', 'nt']);

function endsWithBlocked(blocked: Set<string>, word: string): boolean {
  for (let n = 2; n <= 4 && n <= word.length; n++) if (blocked.has(word.slice(-n))) return true;
  return false;
}

interface SuffixMatch {
  suffix: string;
  /** Index of the token where the suffix starts. */
  first: number;
  suffixStart: number;
}

function matchSuffix(index: SuffixIndex, text: string, tokens: Token[], j: number): SuffixMatch | undefined {
  const t = tokens[j]!;
  const list = index.byLastChar.get(t.word[t.word.length - 1] ?? '');
  if (!list) return undefined;
  let blocked: boolean | undefined;
  for (const suffix of list) {
    // blocked endings are looked up once, and only for a token a suffix can end
    blocked ??= endsWithBlocked(index.table.blockedEndings, t.word);
    if (blocked) return undefined;
    const suffixStart = t.end - suffix.length;
    if (t.word.endsWith(suffix)) {
      // a one-character suffix means nothing inside a word (家园, 稻谷) — but a word of three or more
      // ending in 谷 names a valley of firms (生物谷)
      if (index.table.wholeTokenOnly.has(suffix) && t.word !== suffix && !OPEN_TAGS.has(t.tag) && !(suffix === '谷' && t.word.length >= 3)) continue;
      return { suffix, first: j, suffixStart };
    }
    // a suffix spread over tokens (联动/创新/区 → 创新区) must start on a token boundary
    if (suffix.length > t.word.length && suffixStart >= 0 && text.startsWith(suffix, suffixStart)) {
      let k = j;
      while (k > 0 && tokens[k]!.start > suffixStart) k--;
      if (tokens[k]!.start === suffixStart) return { suffix, first: k, suffixStart };
    }
  }
  return undefined;
}

const PROPER_TAGS = new Set(['ns', 'nr', 'nrt', 'nz', 'x', 'eng', 'j']);
/** jieba tags common words as person names (文明/nr), and parks are not named after a person. */
const NOT_PROPER_FOR_PARKS = new Set(['nr']);
/** A bare level word opening the name means the text's own place ("市高新区"); 市场 or 区级 do not. */
const LEVEL_WORDS = new Set(['省', '市', '区', '县', '中国']);

/** The body names something particular: a place, a lexicon word, a word jieba does not know, a level prefix. */
function hasProperBody(tokens: Token[], start: number, first: number, suffixStart: number, type: string): boolean {
  const opening = tokens.find((t) => t.start === start);
  if (opening && LEVEL_WORDS.has(opening.word)) return true;
  for (let k = first; k >= 0 && tokens[k]!.end > start; k--) {
    const t = tokens[k]!;
    const proper = PROPER_TAGS.has(t.tag) && !(type === 'Park' && NOT_PROPER_FOR_PARKS.has(t.tag));
    // a county or city written without its level word (会泽, 兰坪) is a place, whatever jieba tags it
    const place = type === 'Park' && t.word.length >= 2 && divisionsNamed(t.word).length > 0;
    if (t.start < suffixStart && (proper || place || isProperLexiconTag(t.tag))) return true;
  }
  return false;
}

/**
 * GUIDELINES "Park": a zone the clause names after its place, whatever stands between the place and
 * the zone word ("推进滨江“两化”融合改革示范区建设"): the name runs from a place right after the
 * clause's verb (or the clause start) to the suffix, across inner verbs and quotes.
 */
function placeFrameStart(tokens: Token[], first: number, end: number, maxLength: number): number | undefined {
  let place: number | undefined;
  for (let k = first - 1; k >= 0 && end - tokens[k]!.start <= maxLength; k--) {
    const t = tokens[k]!;
    const quote = t.word === '“' || t.word === '”';
    if ((isHardBoundary(t) && !quote) || LEADING_WORDS.has(t.word)) break;
    if (t.tag === 'ns' || parseEntityTag(t.tag)?.type === 'Region') place = k;
  }
  if (place === undefined) return undefined;
  const before = tokens[place - 1];
  return !before || isHardBoundary(before) || LEADING_WORDS.has(before.word) ? tokens[place]!.start : undefined;
}

/** The body opens with a place or a named owner (无锡国家级零碳园区, 中国电信（安徽）大数据产业园). */
function hasPlaceBody(tokens: Token[], start: number, suffixStart: number): boolean {
  const opening = tokens.find((t) => t.start === start);
  return !!opening && opening.end <= suffixStart && (opening.tag === 'ns' || opening.tag === 'nt' || isProperLexiconTag(opening.tag));
}

/** GUIDELINES "Park": a unique qualifier — for a designated zone, the sector it is for (服务贸易创新发展示范区). */
const SECTOR_END = /(产业|贸易|电商|经济|金融|制造|旅游|物流)$/;
function namesSector(tokens: Token[], start: number, suffixStart: number): boolean {
  return tokens.some((t) => t.start >= start && t.end <= suffixStart && (parseEntityTag(t.tag)?.type === 'Industry' || (t.word.length >= 2 && SECTOR_END.test(t.word))));
}

/** Places, parks and organisations are particular; an industry word is not (先进制造业基地 is a class). */
function isProperLexiconTag(tag: string): boolean {
  const type = parseEntityTag(tag)?.type;
  return type === 'Region' || type === 'Park' || type === 'Organization';
}

export function suffixCandidates(text: string, tokens: Token[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (let j = 0; j < tokens.length; j++) {
    const w = tokens[j]!.word;
    if (!LAST_CHARS.has(w[w.length - 1] ?? '')) continue;
    for (const index of INDEXES) {
      const m = matchSuffix(index, text, tokens, j);
      if (!m) continue;
      const { table } = index;
      const next = tokens[j + 1];
      if (next && table.continuations.has(next.word)) continue;
      // 工业 before a noun qualifies it (典型工业应用场景, 特色工业云服务平台): no industry ends there
      if (table.type === 'Industry' && tokens[j]!.word === '工业' && next && !isHardBoundary(next)) continue;
      // a verb glued to a programme word in a phrase jieba knows as one (深化改革/j) is a predicate,
      // not a name's body (建设工程/n is a name's tail)
      if (table.type === 'Policy' && m.suffix.length >= 2 && !tokens[j]!.tag.startsWith('n') && LEADING_WORDS.has(tokens[j]!.word.slice(0, m.suffixStart - tokens[j]!.start))) continue;
      // "员工制家政服务": a 制 followed by a noun was a modifier (a park in 谷 may be followed by 建设)
      if (table.type === 'Policy' && m.suffix.length === 1 && next && /^n|^vn$/.test(next.tag) && !parseEntityTag(next.tag)) continue;
      const end = tokens[j]!.end;
      const grown = growNameStart(tokens, m.first, m.suffixStart, end, table.grow);
      const framed = table.frameVerbs.size ? frameStart(tokens, table.frameVerbs, m.first, end, table.grow.maxLength, table.suffixes) : undefined;
      if (framed !== undefined && framed < (grown ?? m.suffixStart) && isNamedBody(text.slice(framed, end), table, m.suffix)) {
        out.push({ type: table.type, name: text.slice(framed, end), start: framed, end, rule: RULES.entityPolicyFrame });
      }
      if (framed !== undefined) {
        for (const it of framedListItems(tokens, table.frameVerbs, framed, table.grow.maxLength)) {
          const name = text.slice(it.start, it.end);
          if (!isGenericName(table.type, name)) out.push({ type: table.type, name, start: it.start, end: it.end, rule: RULES.entityPolicyFrame });
        }
      }
      const placed = table.type === 'Park' ? placeFrameStart(tokens, m.first, end, table.grow.maxLength) : undefined;
      const inner = placed === undefined && grown === undefined ? innerBody(tokens, table, m) : undefined;
      const start = placed !== undefined && placed < (grown ?? end) ? placed : (grown ?? inner);
      if (start === undefined) continue;
      const name = text.slice(start, end).replace(/[“”"]/g, '');
      const body = name.slice(0, name.length - m.suffix.length);
      // a verb-noun body is generic alone (服务) yet names a sector with its suffix (服务贸易)
      // …and a code number (985工程) is a whole body
      // …and a two-character sector jieba knows as one noun (种业, 林业) is named by its one character
      const word = tokens[m.first]!;
      const oneWord = table.type === 'Industry' && start === word.start && word.word === name && name.length === 2 && /^n/.test(word.tag);
      const bodyNames = inner !== undefined || /^\d{3,4}$/.test(body) || oneWord;
      if (isGenericName(table.type, name, m.suffix) || (!bodyNames && isGenericName(table.type, body || name))) continue;
      if (body.length < (table.minBody.get(m.suffix) ?? 0)) continue;
      if (table.needsShortBody.has(m.suffix) && !isSectorBody(body, tokens, start, m.suffixStart, table)) continue;
      if (table.needsProperBody.has(m.suffix) && !hasProperBody(tokens, start, m.first, m.suffixStart, table.type)) {
        if (!table.sectorDesignations.has(m.suffix) || !namesSector(tokens, start, m.suffixStart)) continue;
      }
      if (table.needsPlaceBody.has(m.suffix) && !hasPlaceBody(tokens, start, m.suffixStart)) continue;
      if (table.notNames?.test(name)) continue;
      out.push({ type: table.type, name, start, end, rule: table.rule });
    }
  }
  return out;
}

/**
 * A sector word whose body is a word that usually opens a predicate (服务贸易, 研发经济, 首发经济):
 * right before a short-body suffix, one such two-character word is the body.
 */
function innerBody(tokens: Token[], table: SuffixTable, m: SuffixMatch): number | undefined {
  const prev = tokens[m.first - 1];
  if (!table.needsShortBody.has(m.suffix) || tokens[m.first]!.start !== m.suffixStart || !prev) return undefined;
  // …the object of the clause's verb (大力发展服务贸易), not the verb itself (，建设旅游强省)
  const verb = tokens[m.first - 2];
  const object = verb !== undefined && (LEADING_WORDS.has(verb.word) || verb.tag === 'v');
  return object && prev.word.length === 2 && /^\p{Script=Han}+$/u.test(prev.word) && prev.tag === 'vn' ? prev.start : undefined;
}

/** Tags of words that act rather than name (优化, 稳定, 努力): a sector's body is none of them. */
const ACTING_TAGS = new Set(['v', 'vd', 'd', 'ad', 'c', 'p', 'r', 'm']);

/**
 * The body of a short-body sector (数字贸易, 首发经济): 2–4 characters that name, not act, place or
 * qualify; a body ending in a verb that governs the sector word (优化农业, 政府管理经济) is a clause.
 */
function isSectorBody(body: string, tokens: Token[], start: number, suffixStart: number, table: SuffixTable): boolean {
  if (body.length < 2 || body.length > 4 || [...table.notBodies].some((w) => body.endsWith(w))) return false;
  const inner = tokens.filter((t) => t.start >= start && t.end <= suffixStart);
  // one noun-verb alone is a sector (服务贸易); a plain verb or adverb anywhere is a clause (优化金融)
  return !inner.some((t) => ACTING_TAGS.has(t.tag));
}

/** A framed name passes the same body checks as a grown one, and names no physical works. */
function isNamedBody(name: string, table: SuffixTable, suffix: string): boolean {
  const body = name.slice(0, name.length - suffix.length);
  if (isGenericName(table.type, name, suffix) || body.length < 2) return false;
  return !(table.notNames && table.notNames.test(name));
}
