import { describe, expect, it } from 'vitest';
import type { SegmentedPassage } from '../model/index.js';
import { resolveEntities } from './resolve-entities.js';
import type { EntityCandidate } from './entity-candidate.js';
import { RULES } from './rule-ids.js';
import { factsOf } from '../../test/support/extract-facts.js';

const names = (text: string, type: string): string[] =>
  factsOf(text)
    .entities.filter((e) => e.type === type)
    .map((e) => e.name);

describe('document-level resolution', () => {
  it('resolves a bare generic park word to the document’s one fuller name ending with it', () => {
    const facts = factsOf('以云溪高新区为主阵地。\n其中高新区占比80%以上。');
    const parks = facts.entities.filter((e) => e.type === 'Park');
    expect(parks.map((e) => e.name)).toEqual(['云溪高新区']);
    expect(parks[0]!.aliases).toContain('高新区');
    expect(facts.mentions.filter((m) => m.entityId === 'Park:云溪高新区')).toHaveLength(2);
  });

  it('resolves a catalogued zone’s short form and its official name to one park', () => {
    const facts = factsOf('支持合肥高新区建设。\n合肥高新技术产业开发区发展人工智能。');
    const parks = facts.entities.filter((e) => e.type === 'Park');
    expect(parks.map((e) => e.name)).toEqual(['合肥高新技术产业开发区']);
    expect(parks[0]!.aliases).toContain('合肥高新区');
  });

  it('drops a bare generic park word the document cannot resolve', () => {
    expect(names('推动开发区、高新区转型升级。', 'Park')).toEqual([]);
  });

  it('makes one industry of a name written with and without 产业', () => {
    const facts = factsOf('新一代信息技术产业以特色产业园建设为引领。\n推动汽车零部件产业与新一代信息技术深度融合。');
    const it = facts.entities.filter((e) => e.name.startsWith('新一代信息技术'));
    expect(it.map((e) => e.id)).toEqual(['Industry:新一代信息技术产业']);
    expect(it[0]!.aliases).toContain('新一代信息技术');
  });

  it('prefers the 业 form where the document writes one', () => {
    expect(names('发展现代物流业。\n培育现代物流、科技服务等生产性服务业。', 'Industry')).toContain('现代物流业');
    expect(names('发展现代物流业。\n培育现代物流、科技服务等生产性服务业。', 'Industry')).not.toContain('现代物流产业');
  });

  it('qualifies a provincial department by the document’s province', () => {
    const text = '安徽省推进工业互联网。安徽省支持企业上云。\n（责任单位：省经济和信息化厅、省财政厅）';
    expect(names(text, 'Organization')).toEqual(['安徽省经济和信息化厅', '安徽省财政厅']);
  });

  it('joins a bare district name to the document’s district', () => {
    const facts = factsOf('通州区将持续培育特色产业。通州区作出全新定位。\n打造美丽江苏通州样板。');
    expect(facts.mentions.filter((m) => m.entityId === 'Region:通州区').map((m) => m.surface)).toContain('通州');
  });

  it('keeps identical names of different types apart', () => {
    const passage: SegmentedPassage = { id: 'd:p0', docId: 'd', ordinal: 0, heading: '', text: '长江经济带', start: 0, end: 5, tokens: [] };
    const candidate = (type: EntityCandidate['type']): EntityCandidate => ({ type, name: '长江经济带', start: 0, end: 5, rule: RULES.entityLexicon });
    const { entities } = resolveEntities('d', [passage], [[candidate('Policy'), candidate('Region')]]);
    expect(entities.map((e) => e.id)).toEqual(['Policy:长江经济带', 'Region:长江经济带']);
  });
});
