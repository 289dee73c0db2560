import { describe, expect, it } from 'vitest';
import type { DocumentFacts, RelationType } from '../model/index.js';
import { factsOf } from '../../test/support/extract-facts.js';
import type { EntityType } from '../model/index.js';
import type { ResolvedMention } from './resolve-entities.js';
import { passageView } from './passage-view.js';
import { partOfList } from './rel-part-of.js';
import { documentNames } from './rel-names.js';
import { RULES } from './rule-ids.js';

/** "from > to" by entity names, an industry's 产业 suffix dropped (the entity layer may add it). */
const edges = (facts: DocumentFacts, type: RelationType): string[] => {
  const name = (id: string): string => id.replace(/^[A-Za-z]+:/, '').replace(/产业$/, '');
  return facts.relations.filter((r) => r.type === type).map((r) => `${name(r.from)} > ${name(r.to)}`);
};

const rulesOf = (facts: DocumentFacts, type: RelationType): string[] =>
  facts.relations.filter((r) => r.type === type).flatMap((r) => r.evidence.map((e) => e.rule));

// [behaviour, text, type, an edge the text states]
const STATED: Array<[string, string, RelationType, string]> = [
  ['由A向B、C拓展: the 由-part extends to each industry after 向', '装备制造产业以智能制造产业园建设为依托，加快由通用机械向工业机器人、航空装备等领域延伸；', 'EXTENDS_TO', '通用机械 > 工业机器人'],
  ['由A向B: so does the industry the sentence is about', '装备制造产业以智能制造产业园建设为依托，加快由通用机械向工业机器人、航空装备等领域延伸；', 'EXTENDS_TO', '装备制造 > 航空装备'],
  ['A与B、C深度融合: A integrates with each', '推动文化产业与旅游业、体育产业深度融合', 'INTEGRATES_WITH', '文化 > 体育'],
  ['an industry that takes a park as its base is hosted there', '装备制造产业以智能制造产业园建设为依托，加快发展', 'HOSTS', '智能制造产业园 > 装备制造'],
  ['a park that develops industries hosts them', '宁波经济技术开发区重点发展新能源汽车、集成电路等产业。', 'HOSTS', '宁波经济技术开发区 > 集成电路'],
  ['在P布局Y: the park hosts what is laid out in it', '在滨海高新区布局集成电路和生物医药产业。', 'HOSTS', '天津滨海高新技术产业开发区 > 生物医药'],
  ['发展Y，建设P: the park built in the clause after the industry hosts it', '加快发展跨境电商，建设江海物流园。', 'HOSTS', '江海物流园 > 跨境电商'],
  ['a park whose name holds an industry hosts it', '加快建设苏州生物医药产业园，壮大生物医药产业。', 'HOSTS', '苏州生物医药产业园 > 生物医药'],
  ['a list closed by 等 and a grouping: each item is part of it', '培育壮大智能网联汽车、新型显示、生物制药等先进制造业。', 'PART_OF', '新型显示 > 先进制造业'],
  ['a short qualifier may stand between 等 and the head (等乡村X)', '鼓励发展光伏发电、生物质能等乡村新能源。', 'PART_OF', '光伏发电 > 新能源'],
  ['a grouping, then 包括 and a list: each item is part of it', '加快发展现代服务业，包括金融服务、电子商务、人力资源服务。', 'PART_OF', '电子商务 > 现代服务业'],
  ['实施P，推动Y: the programme supports the industry of the next clause', '实施制造业数字化转型行动，推动工业互联网平台建设。', 'SUPPORTS', '制造业数字化转型行动 > 工业互联网'],
  ['实施P，…，推动Y: a clause naming nothing may stand between the policy and its aim', '实施蓝色港湾行动，完善配套设施，推动海洋经济加快发展。', 'SUPPORTS', '蓝色港湾行动 > 海洋经济'],
  ['实施P，做强A、B等X: the policy is aimed at the grouping', '实施智造强市行动，做强智能网联汽车、新型显示等先进制造业。', 'SUPPORTS', '智造强市行动 > 先进制造业'],
  ['发展Y，实施P: the aim opening the sentence', '发展林下经济，实施生态富民战略。', 'SUPPORTS', '生态富民战略 > 林下经济'],
  ['扶持Y的P: the policy is for the industry it names before it', '全面落实扶持家政服务业和养老服务业的贷款贴息政策。', 'SUPPORTS', '贷款贴息政策 > 家政服务业'],
  ['a lead sentence names the sector the next sentence’s policies serve', '壮大海洋经济。实施蓝色港湾行动，推进智慧渔港建设工程。', 'SUPPORTS', '蓝色港湾行动 > 海洋经济'],
  ['a policy written right after its sector is that sector’s', '全面推行制造业“链长制”，提升产业链韧性。', 'SUPPORTS', '链长制 > 制造业'],
  ['为促进Y发展，…制定P: the policy a statement of purpose makes supports what it names', '为推动海洋经济加快发展，依据《海域使用管理法》，市政府出台《海洋牧场建设三年行动方案》。', 'SUPPORTS', '海洋牧场建设三年行动方案 > 海洋经济'],
  ['a policy whose name holds an industry supports it', '推进工业互联网创新发展工程。\n工业互联网产业规模持续扩大。', 'SUPPORTS', '工业互联网创新发展工程 > 工业互联网'],
];

// [behaviour, text, type, an edge the text does not state]
const NOT_STATED: Array<[string, string, RelationType, string]> = [
  ['a policy does not support an industry named after a later clause’s own subject', '实施数字化转型伙伴行动，支持滨海高新区发展集成电路。', 'SUPPORTS', '数字化转型伙伴行动 > 集成电路'],
  ['实施P，做强A、B等X: the members are X’s, not the policy’s aims', '实施智造强市行动，做强智能网联汽车、新型显示等先进制造业。', 'SUPPORTS', '智造强市行动 > 新型显示'],
  ['a short sector name inside a longer policy name needs an aim after it', '深化文化体制改革。\n文化产业增加值稳步增长。', 'SUPPORTS', '文化体制改革 > 文化'],
  ['an enumeration’s items are not part of an industry that is no grouping of them', '推动临港产业园与港口物流园协同发展。', 'PART_OF', '临港产业园 > 港口物流园'],
];

describe('relations', () => {
  it.each(STATED)('%s', (_behaviour, text, type, edge) => {
    expect(edges(factsOf(text), type)).toContain(edge);
  });

  it.each(NOT_STATED)('%s', (_behaviour, text, type, edge) => {
    expect(edges(factsOf(text), type)).not.toContain(edge);
  });

  it('a numbered group: each of A、B、C is part of the 三大X that follows (rule on given mentions)', () => {
    const text = '做强纺织服装、精密仪器、绿色食品三大支柱产业。';
    const at = (name: string, type: EntityType = 'Industry'): ResolvedMention => {
      const start = text.indexOf(name);
      return { entityId: `${type}:${name}`, type, name, start, end: start + name.length, rule: RULES.entityLexicon };
    };
    const view = passageView({ id: 'p', docId: 'd', ordinal: 0, heading: '', text, start: 0, end: text.length, tokens: [] }, [
      at('纺织服装'),
      at('精密仪器'),
      at('绿色食品'),
      at('支柱产业'),
    ]);
    const facts = partOfList(view, documentNames([], []));
    expect(facts.map((f) => `${f.from} > ${f.to}`)).toEqual([
      'Industry:纺织服装 > Industry:支柱产业',
      'Industry:精密仪器 > Industry:支柱产业',
      'Industry:绿色食品 > Industry:支柱产业',
    ]);
    expect(facts.every((f) => f.evidence[0]!.rule === RULES.relPartOfGroup)).toBe(true);
  });

  it('the section’s main-base park hosts the leading industries opening the clauses that follow', () => {
    const text = [
      '以临空经济示范区为主阵地，统筹产业布局。',
      '全区将着力壮大主导产业，航空物流产业以货运枢纽为依托；推动临空制造业与跨境电商深度融合；精密仪器产业以龙头企业为重点。',
    ].join('\n');
    const facts = factsOf(text, { heading: '壮大临空产业' });
    const hosts = edges(facts, 'HOSTS').filter((e) => e.startsWith('临空经济示范区 >'));
    expect(hosts).toEqual(expect.arrayContaining(['临空经济示范区 > 航空物流', '临空经济示范区 > 精密仪器']));
    expect(rulesOf(facts, 'HOSTS')).toContain('rel.hosts-lead');
  });

  it('co-occurrence links only pairs nothing else relates', () => {
    const facts = factsOf('推动文化产业与旅游业深度融合，宁波经济技术开发区加快建设。\n宁波经济技术开发区重点发展文化产业。');
    const co = facts.relations.filter((r) => r.type === 'CO_OCCURS');
    const related = new Set(facts.relations.filter((r) => r.type !== 'CO_OCCURS').flatMap((r) => [`${r.from}|${r.to}`, `${r.to}|${r.from}`]));
    for (const r of co) {
      expect(r.from < r.to).toBe(true);
      expect(related.has(`${r.from}|${r.to}`)).toBe(false);
    }
    for (const r of facts.relations) expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('every relation’s evidence names its rule and a span of the text', () => {
    const text = '加快发展现代服务业，包括金融服务、电子商务、人力资源服务。';
    for (const r of factsOf(text).relations) {
      for (const e of r.evidence) {
        expect(e.rule).toMatch(/^rel\./);
        expect(e.end).toBeGreaterThan(e.start);
        expect(e.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});
