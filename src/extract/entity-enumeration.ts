// Rules entity.enumeration and entity.transition-source: a 、-list closed by 等 and an industry head
// names one industry per item ("培育现代物流、科技服务、商务服务、信息服务等生产性服务业"); a list
// of 领域 counts when it is where an industry extends to ("由印刷线路板向集成电路零部件、半导体光电等
// 领域拓展"), and then the 由-part is an industry too.
import type { Token } from '../model/index.js';
import type { EntityCandidate } from './entity-candidate.js';
import { parseEntityTag } from './entity-tag.js';
import { isGenericName } from './generic-names.js';
import { INNER_VERBS, LEADING_WORDS, STRIP_PREFIXES, isHardBoundary, isPunctuation } from './name-words.js';
import { RULES } from './rule-ids.js';
import { SUFFIX_TABLES } from './suffix-tables.js';
import { divisionsNamed } from './divisions.js';

/** GUIDELINES "Industry": public services as government duties are no sector (公共服务, 政务服务). */
const PUBLIC_SERVICE = /(公共|政务|便民|基本|公益|社会|优质|全方位|综合|配套)服务$/;
const NOT_INDUSTRY_HEAD = /(企业|就业|创业|作业|事业|专业|职业|物业|营业)$/;
const INDUSTRY_HEAD_WORDS = new Set(['行业', '产业', '赛道', '板块', '业态']);
const FIELD_HEAD_WORDS = new Set(['领域', '方向']);
const EXTEND_VERBS = new Set(['拓展', '延伸', '升级', '发展', '迈进', '进军', '转型', '布局', '攀升', '拓宽', '转变']);
const LAST_SEPARATORS = new Set(['和', '及', '以及', '与']);
/** Words after a head that show the list qualifies something else ("…等制造业关键业务环节", "…等产业活动"). */
const HEAD_CONTINUATIONS = new Set(
  '环节 关键 业务 企业 产品 场景 应用 需求 活动 大会 会议 论坛 博览会 展会 项目 平台 人才 技术 模式 标准 数据 设备 系统 服务 工作 部门 单位 主体 基地 品牌 园区 链 链条'.split(' '),
);
const GROUP_NUMERAL = /^[二三四五六七八九十两]$/;

type HeadKind = 'industry' | 'field' | 'park' | 'policy';

/** Programme words that head a list of programmes (实施A、B等行动; 开展A等专项行动): each item is one. */
const POLICY_HEADS = new Set(['行动', '专项行动', '行动计划', '改革']);
const POLICY_TABLE = SUFFIX_TABLES.find((t) => t.type === 'Policy')!;

/** Zone words that head a list of parks (抓好A、B和C等工业园区建设): each item names one zone. */
const PARK_SUFFIXES = new Set(SUFFIX_TABLES.find((t) => t.type === 'Park')!.suffixes);
const PARK_HEADS = new Set([...PARK_SUFFIXES].filter((s) => s.length >= 2));

interface Item {
  first: number;
  last: number;
  /** The item stood in quotes (“模速空间”): first and last are inside them. */
  quoted?: boolean;
}

function headKind(word: string, whole = true): HeadKind | undefined {
  if (FIELD_HEAD_WORDS.has(word)) return 'field';
  if (PARK_HEADS.has(word)) return 'park';
  if (POLICY_HEADS.has(word)) return 'policy';
  if (INDUSTRY_HEAD_WORDS.has(word)) return 'industry';
  if (/(业|经济|旅游|贸易|制造|能源|材料|装备|医药)$/.test(word) && !NOT_INDUSTRY_HEAD.test(word) && word.length >= 2) return 'industry';
  // a named service sector heads its branches (航运金融、海事仲裁等航运服务); bare 服务 does not
  if (whole && /服务$/.test(word) && word.length >= 4 && !PUBLIC_SERVICE.test(word)) return 'industry';
  return undefined;
}

/** How far after a closer a head may reach: "等前沿性未来产业" reads three words to 产业. */
const HEAD_REACH = 3;

/**
 * The head after the closer: the first word within reach that names a kind of industry or field
 * (…等前沿性未来产业, …等特色旅游); a field head followed by an industry word ("…等领域未来产业")
 * says the fields are industries.
 */
function headPhrase(tokens: Token[], h: number): { kind: HeadKind; start: number; end: number; industryAfterField: boolean } | undefined {
  for (let k = h; k < h + HEAD_REACH && k < tokens.length; k++) {
    const w = tokens[k]!.word;
    // a head jieba cut in two (服务/vn 贸易/vn: a bare two-character sector word needs its body) is read whole; a service head must name its sector with a noun (防治/v 服务 is an activity)
    const next1 = tokens[k + 1];
    const joined = next1 && !isHardBoundary(tokens[k]!) && !isHardBoundary(next1) && !(headKind(next1.word) && next1.word.length > 2) ? w + next1.word : '';
    const kind = headKind(w) ?? (k + 1 < h + HEAD_REACH + 1 && joined.length <= 6 && /^(n|vn|nz)/.test(tokens[k]!.tag) ? headKind(joined, !w.endsWith('型')) : undefined);
    if (!kind) {
      if (isHardBoundary(tokens[k]!)) return undefined;
      continue;
    }
    const end = headKind(w) ? k : k + 1;
    const next = tokens[end + 1]?.word ?? '';
    return { kind, start: k, end, industryAfterField: kind === 'field' && headKind(next) === 'industry' };
  }
  return undefined;
}

/** Index of the head token after a list closer at `i` ("等", "三大"), or -1. */
function headAfter(tokens: Token[], i: number): number {
  const w = tokens[i]!.word;
  if (w.length > 2) return -1;
  if (w === '等' || w === '等等') return i + 1;
  if (GROUP_NUMERAL.test(w) && tokens[i + 1]?.word === '大') return i + 2;
  if (/^[二三四五六七八九十两]大$/.test(w)) return i + 1;
  return -1;
}

const PREDICATE_TAGS = new Set(['v', 'l', 'vd', 'ad']);
/**
 * An item of only verbs, adjectives or numerals (垄断、高收入等特殊行业), or one that ends in an
 * adjective (创新能力强), states a trait, not a sector.
 */
const TRAIT_TAGS = new Set(['v', 'a', 'ad', 'vd', 'd', 'b', 'm']);
/** GUIDELINES "Industry": enterprises and institutions are not industries (中介机构等服务业). */
const NOT_SECTOR_END = /(机构|组织|单位|企业|公司|集团|部门)$/;

/** First token of an item that ends at `last`, stopping at boundaries and predicate words. */
function itemStart(tokens: Token[], last: number): number {
  let start = last + 1;
  for (let k = last; k >= 0; k--) {
    const t = tokens[k]!;
    // a name may hold a word jieba reads as a numeral (某地三七, 第七代移动通信) or end in a one-character zone word (大飞机园)
    const hanNumeral = (t.tag === 'm' && /^\p{Script=Han}{2,}$/u.test(t.word) && !STRIP_PREFIXES.has(t.word)) || (k === last && PARK_SUFFIXES.has(t.word));
    // industry names hold no verb, idiom or adverb: "投向先进制造" → 先进制造, "稳步发展住房" → 住房
    // a one-character piece names nothing: jieba cut the item's word in two (超高/v 清/x)
    const cutWord = k === last - 1 && start === last && tokens[last]!.word.length === 1 && !isHardBoundary(t);
    if (!cutWord && ((isHardBoundary(t) && !hanNumeral) || (LEADING_WORDS.has(t.word) && k !== last) || (PREDICATE_TAGS.has(t.tag) && k !== last && !parseEntityTag(t.tag)))) break;
    start = k;
  }
  return start;
}

/** A quoted item ending at `last` (its closing quote): the tokens inside the quotes. */
function quotedItem(tokens: Token[], last: number): Item | undefined {
  if (tokens[last]?.word !== '”') return undefined;
  for (let k = last - 1; k >= 0 && last - k <= 8; k--) {
    const w = tokens[k]!.word;
    if (w === '“') return k + 1 < last ? { first: k + 1, last: last - 1, quoted: true } : undefined;
    if (/[，。；、,;”]/.test(w)) return undefined;
  }
  return undefined;
}

/** Start of the 的-modifier ending at `de`, back to the list separator before it (or `de` + 1 when there is none near). */
function modifierStart(tokens: Token[], de: number): number {
  for (let k = de - 1; k >= 0 && de - k <= 8; k--) {
    const w = tokens[k]!.word;
    if (w === '、') return k + 1;
    if (/^[，。；：,;:]$/.test(w)) break;
  }
  return de + 1;
}

/** The list items before `closer`, last first; empty unless there are two or more. */
function listItems(tokens: Token[], closer: number): Item[] {
  const items: Item[] = [];
  let last = closer - 1;
  while (last >= 0) {
    const quote = quotedItem(tokens, last);
    const first = quote ? quote.first : itemStart(tokens, last);
    if (first > last) break;
    items.push(quote ?? { first, last });
    let open = quote ? first - 1 : first;
    // a 的-modifier before an item is not its name (、以民族医药为主的现代中药、): the list goes on before it
    if (tokens[open - 1]?.word === '的') open = modifierStart(tokens, open - 1);
    // items pair up with 和/及 anywhere in a list (养蜂和水产养殖、竹产、茶叶及园艺等产业); a layout space is no break
    let s = open - 1;
    while (s > 0 && tokens[s]!.word.trim() === '') s--;
    const sep = tokens[s];
    if (!sep || (sep.word !== '、' && !LAST_SEPARATORS.has(sep.word))) break;
    last = s - 1;
    while (last > 0 && tokens[last]!.word.trim() === '') last--;
  }
  return items.length >= 2 ? items : [];
}

export function enumerationCandidates(text: string, tokens: Token[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (let i = 1; i < tokens.length - 1; i++) {
    const h = headAfter(tokens, i);
    const head = tokens[h];
    if (!head) {
      bareHeadList(out, text, tokens, i);
      continue;
    }
    const found = headPhrase(tokens, h);
    if (!found || HEAD_CONTINUATIONS.has(tokens[found.end + 1]?.word ?? '')) continue;
    const { kind, industryAfterField } = found;
    const items = kind === 'policy' ? programmeItems(tokens, i) : listItems(tokens, i);
    if (items.length === 0) continue;
    if (kind === 'policy') {
      for (const it of items) pushProgramme(out, text, tokens, it);
      continue;
    }
    // the sector a list is headed by is a sector too (…等航运服务: 航运服务)
    if (kind === 'industry') pushHead(out, text, tokens, h, found.start, found.end);
    const firstItem = items[items.length - 1]!;
    const towards = tokens[firstItem.first - 1]?.word === '向';
    if (kind === 'field') {
      const extends_ = EXTEND_VERBS.has(tokens[h + 1]?.word ?? '') || towards;
      const known = items.some((it) => tokensOf(tokens, it).some((t) => parseEntityTag(t.tag)?.type === 'Industry'));
      if (!extends_ && !known && !industryAfterField) continue;
    }
    for (const it of items) {
      if (kind === 'park' && namesZone(tokens, it)) {
        // a zone list names zones by place or by their own name (文山三七、楚雄医药等工业园区; “A”、“B”等示范区)
        const name = text.slice(tokens[it.first]!.start, tokens[it.last]!.end);
        if (!isGenericName('Park', name)) out.push({ type: 'Park', name, start: tokens[it.first - (it.quoted ? 1 : 0)]!.start, end: tokens[it.last + (it.quoted ? 1 : 0)]!.end, rule: RULES.entityZoneList });
        continue;
      }
      // a list of what a zone gathers names sectors
      if (it.quoted || !namesSector(tokens, it)) continue;
      push(out, text, tokens[it.first]!.start, tokens[it.last]!.end, RULES.entityEnumeration);
    }
    if (kind === 'field' && towards) transitionSource(out, text, tokens, firstItem.first - 1);
  }
  return out;
}

/**
 * The sector a list is headed by is a sector too (…等航运服务), with the qualifiers before it that name
 * rather than rank it (…等洁净能源; not 前沿性 or 知识密集型).
 */
function pushHead(out: EntityCandidate[], text: string, tokens: Token[], h: number, start: number, end: number): void {
  let first = start;
  // a bare class word (业态, 产业) is named by the nouns before it too (新型体育业态)
  const qualifiers = INDUSTRY_HEAD_WORDS.has(tokens[start]!.word) ? /^(z|b|a|n)$/ : /^(z|b|a)$/;
  while (first > h && qualifiers.test(tokens[first - 1]!.tag) && !/[型性]$/.test(tokens[first - 1]!.word)) first--;
  const name = text.slice(tokens[first]!.start, tokens[end]!.end);
  if (!INDUSTRY_HEAD_WORDS.has(name.replace(/^新型?/, ''))) push(out, text, tokens[first]!.start, tokens[end]!.end, RULES.entityEnumeration);
}

/** A list of programmes, or one programme the clause's verb carries out (开展A等专项行动). */
function programmeItems(tokens: Token[], closer: number): Item[] {
  const items: Item[] = [];
  let last = closer - 1;
  for (;;) {
    // a programme's name holds verbs and idioms (水体污染源头防控): it runs back to a separator or the clause's verb
    let first = last + 1;
    while (first - 1 >= 0 && !isPunctuation(tokens[first - 1]!.word) && !LIST_BREAKS.has(tokens[first - 1]!.word) && !POLICY_TABLE.frameVerbs.has(tokens[first - 1]!.word)) first--;
    if (first > last) return [];
    items.push({ first, last });
    const sep = tokens[first - 1];
    if (sep?.word !== '、') break;
    last = first - 2;
  }
  // only a list the clause's verb carries out (实施A、B等行动; 开展A等专项行动)
  return POLICY_TABLE.frameVerbs.has(tokens[items[items.length - 1]!.first - 1]?.word ?? '') ? items : [];
}

const LIST_BREAKS = new Set(['、', '和', '及', '以及', '与', '的']);

/** GUIDELINES "Policy": an item of a list headed by a programme word names a programme when it names an action. */
function pushProgramme(out: EntityCandidate[], text: string, tokens: Token[], it: Item): void {
  const inner = tokensOf(tokens, it);
  const name = text.slice(tokens[it.first]!.start, tokens[it.last]!.end);
  if (name.length < 3 || name.length > 16 || isGenericName('Policy', name) || !inner.some((t) => /^(v|vn|l|i)$/.test(t.tag) || INNER_VERBS.has(t.word))) return;
  out.push({ type: 'Policy', name, start: tokens[it.first]!.start, end: tokens[it.last]!.end, rule: RULES.entityEnumeration });
}

/** Heads that may follow a list without 等: "冶金、制糖、纺织行业" lists three industries. */
const BARE_HEADS = new Set(['行业', '产业']);

function bareHeadList(out: EntityCandidate[], text: string, tokens: Token[], i: number): void {
  if (!BARE_HEADS.has(tokens[i]!.word) || tokens[i - 1]?.word === '等' || HEAD_CONTINUATIONS.has(tokens[i + 1]?.word ?? '')) return;
  const items = listItems(tokens, i);
  if (items.length < 2) return;
  for (const it of items) if (namesSector(tokens, it)) push(out, text, tokens[it.first]!.start, tokens[it.last]!.end, RULES.entityEnumeration);
}

/** "由X向…": X, when 由 opens the same clause part. */
function transitionSource(out: EntityCandidate[], text: string, tokens: Token[], towards: number): void {
  const last = towards - 1;
  const first = itemStart(tokens, last);
  if (first > last) return;
  // 由 may stand before one 的-modifier of the source (由 + adjective + 的 + industry)
  let k = first - 1;
  if (tokens[k]?.word === '的') k = itemStart(tokens, k - 1) - 1;
  if (tokens[k]?.word !== '由') return;
  push(out, text, tokens[first]!.start, tokens[last]!.end, RULES.entityTransition);
}

function namesSector(tokens: Token[], it: Item): boolean {
  const inner = tokensOf(tokens, it);
  if (inner.length > 1 && inner[inner.length - 1]!.tag === 'a') return false;
  // one activity verb alone is a listed sector (旅游、娱乐、健身等产业)
  const activity = inner.length === 1 && inner[0]!.tag === 'v' && inner[0]!.word.length >= 2;
  return (activity || !inner.every((t) => TRAIT_TAGS.has(t.tag) && !parseEntityTag(t.tag))) && !NOT_SECTOR_END.test(inner.map((t) => t.word).join(''));
}

/** An item of a zone list that names one zone: a place, a quoted name, or a word jieba does not know. */
function namesZone(tokens: Token[], it: Item): boolean {
  const inner = tokensOf(tokens, it);
  return it.quoted === true || startsWithPlace(inner[0]!) || PARK_SUFFIXES.has(inner[inner.length - 1]!.word) || inner.some((t) => t.tag === 'x' || t.tag === 'nz');
}

function startsWithPlace(t: Token): boolean {
  return t.tag === 'ns' || parseEntityTag(t.tag)?.type === 'Region' || divisionsNamed(t.word).length > 0;
}

function tokensOf(tokens: Token[], it: Item): Token[] {
  return tokens.slice(it.first, it.last + 1);
}

function push(out: EntityCandidate[], text: string, start: number, end: number, rule: EntityCandidate['rule'], type: 'Industry' | 'Park' = 'Industry'): void {
  const name = text.slice(start, end);
  // 5G, 6G, 4K are fields; a bare number or a quoted phrase is not
  if (name.length > 12 || /[“”"]/.test(name) || (/\d/.test(name) && !/^\d+[A-Za-z]+$/.test(name)) || isGenericName(type, name)) return;
  out.push({ type, name, start, end, rule });
}
