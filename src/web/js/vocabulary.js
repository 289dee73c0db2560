// The graph's fixed vocabulary as the page shows it: Chinese labels and colours for entity types and
// relation types, and comparator symbols for targets. One place, so legend, badges and graph agree.
// `color` fills nodes and draws lines (at least 3:1 against white, WCAG's bar for graphics); `ink`
// writes badge text on a 13% tint of `color` (at least 4.5:1). test/web-contrast.test.ts checks both.

export const ENTITY_TYPES = [
  { id: 'Park', label: '园区', color: '#2369c8', ink: '#174a8c' },
  { id: 'Industry', label: '产业', color: '#c4600f', ink: '#8a3f06' },
  { id: 'Policy', label: '政策', color: '#23884a', ink: '#17603a' },
  { id: 'Region', label: '地区', color: '#7d55b8', ink: '#5b3a8f' },
  { id: 'Organization', label: '机构', color: '#c03c63', ink: '#8f2447' },
];

export const RELATION_TYPES = [
  { id: 'HOSTS', label: '承载', color: '#1f6fb2', hint: '园区承载产业' },
  { id: 'SUPPORTS', label: '支持', color: '#1f7a43', hint: '政策支持产业或园区' },
  { id: 'EXTENDS_TO', label: '延伸至', color: '#b85a14', hint: '产业向某领域延伸拓展' },
  { id: 'INTEGRATES_WITH', label: '融合', color: '#8a4fc4', hint: '产业之间深度融合' },
  { id: 'PART_OF', label: '隶属', color: '#8b5a3c', hint: '属于更大的实体' },
  { id: 'CONTAINS', label: '包含', color: '#127c85', hint: '地区包含园区' },
  { id: 'CO_OCCURS', label: '共现', color: '#6b7480', hint: '在同一段落中出现（弱关系，默认不显示）' },
];

/** Relations a text states; co-occurrence is the fallback, drawn only when asked for. */
export const STATED_RELATIONS = RELATION_TYPES.map((r) => r.id).filter((id) => id !== 'CO_OCCURS');

const byId = (list) => new Map(list.map((item) => [item.id, item]));
const entityTypes = byId(ENTITY_TYPES);
const relationTypes = byId(RELATION_TYPES);

/** Relations without a meaningful direction: drawn without arrow heads. */
export const SYMMETRIC_RELATIONS = new Set(['CO_OCCURS', 'INTEGRATES_WITH']);

export const DEFAULT_OVERVIEW_TYPES = ['Park', 'Industry', 'Policy'];

export function entityType(id) {
  return entityTypes.get(id) ?? { id, label: id, color: '#6b7280', ink: '#4b5563' };
}

export function relationType(id) {
  return relationTypes.get(id) ?? { id, label: id, color: '#6b7280', hint: '' };
}

const COMPARATORS = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<', '~': '约' };

/** "≥ 2000 亿元", "30–50 个", "约 3 %". */
export function formatTargetValue(target) {
  const value = formatNumber(target.value);
  if (target.comparator === 'range' && target.valueMax !== undefined) return `${value}–${formatNumber(target.valueMax)} ${target.unit}`.trim();
  return `${COMPARATORS[target.comparator] ?? target.comparator} ${value} ${target.unit}`.trim();
}

export function formatNumber(n) {
  return Number.isInteger(n) ? n.toLocaleString('zh-CN') : String(n);
}

export const ANSWER_KINDS = { number: '数值', list: '列表', explanation: '说明', none: '未找到答案' };

export const SEARCH_CHANNELS = { fulltext: '全文', vector: '语义', graph: '图谱' };
