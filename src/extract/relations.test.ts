import { describe, expect, it } from 'vitest';
import type { DocumentFacts, RelationType } from '../model/index.js';
import { factsOf } from '../../test/support/extract-facts.js';

const edges = (facts: DocumentFacts, type: RelationType): string[] =>
  facts.relations.filter((r) => r.type === type).map((r) => `${r.from} > ${r.to}`);

describe('relations', () => {
  it('由A向B、C等领域拓展: the sentence’s industry extends to each industry after 向', () => {
    const facts = factsOf('新一代信息技术产业以特色产业园建设为引领,加快由印刷线路板向集成电路零部件、半导体光电等领域拓展;');
    expect(edges(facts, 'EXTENDS_TO')).toEqual([
      'Industry:新一代信息技术产业 > Industry:半导体光电产业',
      'Industry:新一代信息技术产业 > Industry:集成电路零部件产业',
    ]);
  });

  it('A与B、C等新兴产业深度融合: A integrates with each', () => {
    const facts = factsOf('推动汽车零部件产业与新一代信息技术、新能源、新材料等新兴产业深度融合');
    expect(edges(facts, 'INTEGRATES_WITH')).toEqual([
      'Industry:汽车零部件产业 > Industry:新一代信息技术产业',
      'Industry:汽车零部件产业 > Industry:新材料产业',
      'Industry:汽车零部件产业 > Industry:新能源产业',
    ]);
  });

  it('an industry that takes a park as its base is hosted there', () => {
    const facts = factsOf('新一代信息技术产业以特色产业园建设为引领,加快发展');
    expect(edges(facts, 'HOSTS')).toEqual(['Park:特色产业园 > Industry:新一代信息技术产业']);
  });

  it('a park that develops industries hosts them', () => {
    const facts = factsOf('苏州工业园区重点发展生物医药、人工智能等战略性新兴产业。');
    expect(edges(facts, 'HOSTS')).toContain('Park:苏州工业园区 > Industry:生物医药产业');
  });

  it('the section’s main-base park hosts its leading industries', () => {
    const text = [
      '通州区始终把发展的着力点放在实体经济上,以南通高新区为主阵地,统筹产业布局。',
      '坚定不移做大做强“一主一新一智”三大主导产业。新一代信息技术产业以特色产业园建设为引领;推动汽车零部件产业与新能源深度融合;智能装备产业以成套设备为重点。',
    ].join('\n');
    const facts = factsOf(text, { heading: '坚持产业强区' });
    const hosts = facts.relations.filter((r) => r.type === 'HOSTS' && r.from === 'Park:南通高新区');
    expect(hosts.map((r) => r.to).sort()).toEqual(['Industry:新一代信息技术产业', 'Industry:智能装备产业', 'Industry:汽车零部件产业']);
    expect(hosts[0]!.evidence.map((e) => e.rule)).toEqual(['rel.hosts-lead', 'rel.hosts-lead']);
  });

  it('a policy named after an industry supports it', () => {
    const facts = factsOf('实施《安徽省工业互联网创新发展行动计划》，支持工业互联网发展。');
    expect(edges(facts, 'SUPPORTS')).toContain('Policy:安徽省工业互联网创新发展行动计划 > Industry:工业互联网产业');
  });

  it('a policy followed by a verb of support supports the industry after it', () => {
    const facts = factsOf('实施乡村振兴战略，大力发展现代农业和文化旅游。');
    expect(edges(facts, 'SUPPORTS')).toContain('Policy:乡村振兴战略 > Industry:现代农业');
  });

  it('a region at the front of a park’s name contains it; adjacent regions nest', () => {
    const facts = factsOf('聚力南通高新区建设。江苏省南通市');
    expect(edges(facts, 'CONTAINS')).toEqual(['Region:南通市 > Park:南通高新区']);
    expect(edges(facts, 'PART_OF')).toContain('Region:南通市 > Region:江苏省');
  });

  it('list items belong to the industry that closes the list', () => {
    const facts = factsOf('大力培育现代物流、科技服务、商务服务、信息服务等生产性服务业');
    expect(edges(facts, 'PART_OF')).toHaveLength(4);
    expect(edges(facts, 'PART_OF')).toContain('Industry:现代物流产业 > Industry:生产性服务业');
  });

  it('co-occurrence links only pairs nothing else relates, weighted by passages', () => {
    const facts = factsOf('推动汽车零部件产业与新能源深度融合，南通高新区加快建设。\n南通高新区加快发展汽车零部件产业。');
    const co = facts.relations.filter((r) => r.type === 'CO_OCCURS');
    expect(co.some((r) => [r.from, r.to].includes('Industry:新能源产业') && [r.from, r.to].includes('Industry:汽车零部件产业'))).toBe(false);
    const parkCar = facts.relations.find((r) => r.from === 'Park:南通高新区' && r.to === 'Industry:汽车零部件产业');
    expect(parkCar?.type).toBe('HOSTS');
    for (const r of co) expect(r.from < r.to).toBe(true);
    for (const r of facts.relations) expect(r.evidence.length).toBeGreaterThan(0);
  });
});
