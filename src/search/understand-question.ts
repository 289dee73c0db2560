// Question understanding, pure: what kind of answer a question wants (a number, a list, an
// explanation), which years, periods and metric words it names, what kind of entity a list question
// asks for, and which relations its verbs point at. Entities are recognised elsewhere (they need the
// store) and passed in.
import type { EntityType, RelationType } from '../model/index.js';
import type { ResolvedScope } from './question-scope.js';
import type { EntityRef, QuestionType, Understanding } from './search-schemas.js';
import { asksOrganisation } from './answer-organisation.js';
import { STOPWORDS } from './query-tokens.js';
import { loadScopeRules } from './scope-rules.js';

export interface QuestionAnalysis extends Understanding {
  /** Relations the question's verbs point at, most specific first (empty when none). */
  relations: RelationType[];
  /** A period the question names ("每年"). */
  period?: string;
  /** Where and when the question asks about, against the stored documents (ask sets it). */
  docScope?: ResolvedScope;
}

const LIST_CUE = /有哪些|哪些|有哪|哪几|列举|列出|包括什么|包含什么|都有什么/;
const NUMBER_CUE = /多少|几|目标|达到|比例|占比|比重|多大|多高|多快|多长|多久|百分之|什么水平/;

/** Entity kinds a list question may ask for; a longer cue wins over a shorter one at the same place. */
const TYPE_CUES: Array<[EntityType, RegExp]> = [
  ['Park', /产业园|园区|开发区|高新区|示范区|创新区|新区|集聚区|基地|综合体|园|谷/g],
  ['Industry', /产业集群|产业|行业|服务业|制造业|领域|业态|产品/g],
  ['Policy', /政策|制度|计划|行动|工程|活动|举措|措施|机制|战略/g],
  ['Region', /地区|区域|城市|镇街|乡镇|街道/g],
  ['Organization', /企业|机构|公司|单位|部门/g],
];

const RELATION_CUES: Array<[RelationType, RegExp]> = [
  ['EXTENDS_TO', /拓展|延伸|升级|转向|迈向/],
  ['INTEGRATES_WITH', /融合|结合/],
  ['HOSTS', /主阵地|承载|集聚|布局|依托|落户|聚集/],
  ['SUPPORTS', /支持|扶持|支撑|推动|培育|促进|保障/],
  ['CONTAINS', /包含|包括|下辖|辖区/],
  ['PART_OF', /属于|隶属/],
];

/** Words that say "this is a target" without naming what is measured. */
const TARGET_WORDS = new Set(['目标', '达到', '达', '实现', '力争', '确保', '预期', '预计', '要求', '规划', '计划', '届时', '年', '年底', '末', '控制', '控制在', '比例', '以上', '以内', '左右', '每年', '年均', '未来', '五年']);
/** A five-year plan's name (十四五, 十五五, “十五”) says when, not what is measured. */
const PLAN_NAME = /^[“"]?十[一二三四五六七八九]?五[”"]?$/;

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
const RATIO_BASE = /占(?:到)?([^，。？?！!\s]{2,10}?)(?:的)?(?:多少|比重|比例|比率|百分之)/;
const PERIOD = /每年|年均|每年度/;

export function questionType(question: string): QuestionType {
  // "哪些部门负责" asks for the bodies in charge, not for a list of entities.
  if (asksOrganisation(question)) return 'organisation';
  if (LIST_CUE.test(question)) return 'list';
  if (NUMBER_CUE.test(question)) return 'number';
  return 'explanation';
}

/**
 * The entity kind a list question asks for: the noun right after the list cue ("哪些园区"); when the
 * cue ends the question ("园区有哪些？"), the last kind named before it. A noun that is no entity kind
 * ("哪些功能") asks for no kind.
 */
export function wantedEntityType(question: string): EntityType | undefined {
  const cue = LIST_CUE.exec(question);
  if (!cue) return firstTypeCue(question);
  const after = question.slice(cue.index + cue[0].length);
  if (/[\p{L}\p{N}]/u.test(after)) return firstTypeCue(after, TYPE_NOUN_REACH);
  return lastTypeCue(question.slice(0, cue.index));
}

/** How far after the cue the noun may start ("哪些重点产业", "哪些新兴产业"). */
const TYPE_NOUN_REACH = 6;

function typeCues(scope: string): Array<{ type: EntityType; at: number; length: number }> {
  return TYPE_CUES.flatMap(([type, re]) => [...scope.matchAll(re)].map((m) => ({ type, at: m.index, length: m[0].length })));
}

function firstTypeCue(scope: string, reach = Infinity): EntityType | undefined {
  const best = typeCues(scope)
    .filter((c) => c.at <= reach)
    .sort((a, b) => a.at - b.at || b.length - a.length)[0];
  return best?.type;
}

function lastTypeCue(scope: string): EntityType | undefined {
  const best = typeCues(scope).sort((a, b) => b.at + b.length - (a.at + a.length) || b.length - a.length)[0];
  return best?.type;
}

/** Whether a word only names an entity kind ("园区", "产业园"), saying nothing else about what is asked. */
export function isKindWord(word: string): boolean {
  let rest = word;
  for (const [, re] of TYPE_CUES) rest = rest.replace(re, '');
  return rest.length === 0;
}

export function relationCues(question: string): RelationType[] {
  return RELATION_CUES.filter(([, re]) => re.test(question)).map(([type]) => type);
}

export function yearsIn(question: string): number[] {
  return [...new Set([...question.matchAll(YEAR)].map((m) => Number(m[1])))];
}

/**
 * Metric words: the informative terms that are neither target cue words, years and numbers, nor
 * part of a recognised region's name (通州区 says where, not what is measured).
 */
/** The base a share is taken of ("占GDP多少" → "GDP"), lowercase, or "". */
export function ratioBase(question: string): string {
  return RATIO_BASE.exec(question)?.[1]?.toLowerCase() ?? '';
}

/** The question without the base a share is taken of ("占GDP多少" → "多少"). */
export function withoutRatioBase(question: string): string {
  return question.replace(RATIO_BASE, (m, base: string) => m.replace(base, ''));
}

export function metricWords(terms: readonly string[], entities: readonly EntityRef[], question = ''): string[] {
  // where and when: the regions it names (海拉尔 even when no Region entity is stored) and 今年/明年
  const rules = loadScopeRules();
  const regions = [
    ...entities.filter((e) => e.type === 'Region').map((e) => e.name),
    ...rules.regions.mentions(question).map((m) => question.slice(m.start, m.end)),
  ];
  const when = new Set(rules.relativeYears.flatMap((r) => r.words));
  // "占GDP多少", "占地区生产总值的比重": the base a share is taken of is not what is measured.
  const base = ratioBase(question);
  return terms.filter(
    (t) =>
      !STOPWORDS.has(t) &&
      !(base && base.includes(t)) &&
      !TARGET_WORDS.has(t) &&
      !when.has(t) &&
      !PLAN_NAME.test(t) &&
      !/^[\d.,%]+[年月日]?$/.test(t) &&
      !regions.some((name) => name.includes(t)) &&
      /\p{L}/u.test(t),
  );
}

export function understandQuestion(question: string, terms: readonly string[], entities: readonly EntityRef[]): QuestionAnalysis {
  const type = questionType(question);
  const wanted = type === 'list' ? wantedEntityType(question) : undefined;
  const period = PERIOD.exec(question)?.[0];
  return {
    type,
    entities: [...entities],
    metricWords: metricWords(terms, entities, question),
    years: yearsIn(question),
    ...(wanted ? { wantedType: wanted } : {}),
    relations: relationCues(question),
    ...(period ? { period: period === '年均' ? '年均' : '每年' } : {}),
  };
}
