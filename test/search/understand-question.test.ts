import { describe, expect, it } from 'vitest';
import { metricWords, questionType, relationCues, understandQuestion, wantedEntityType, yearsIn } from '../../src/search/understand-question.js';

describe('question type', () => {
  it.each([
    ['通州区到2025年高新技术企业目标是多少？', 'number'],
    ['每年新开工重大项目几个？', 'number'],
    ['高新区占比要达到多少？', 'number'],
    ['通州区有哪些园区？', 'list'],
    ['新一代信息技术产业向哪几个领域拓展？', 'list'],
    ['请列举通州区的主导产业', 'list'],
    ['南通高新区是什么的主阵地？', 'explanation'],
    ['如何加快融入国内大循环？', 'explanation'],
  ])('%s → %s', (question, type) => {
    expect(questionType(question)).toBe(type);
  });
});

describe('what a list question asks for', () => {
  it.each([
    ['通州区有哪些园区？', 'Park'],
    ['有哪些产业园？', 'Park'],
    ['通州区有哪些主导产业？', 'Industry'],
    ['新一代信息技术产业向哪些领域拓展？', 'Industry'],
    ['通州区要培育哪些生产性服务业？', 'Industry'],
    ['有哪些政策支持新一代信息技术产业？', 'Policy'],
    ['通州区实施了哪些工程？', 'Policy'],
  ])('%s → %s', (question, type) => {
    expect(wantedEntityType(question)).toBe(type);
  });

  it('reads the kind before a list cue that ends the question', () => {
    expect(wantedEntityType('通州区的园区有哪些？')).toBe('Park');
  });

  it('is undefined when no kind is named, or the noun asked for is no entity kind', () => {
    expect(wantedEntityType('通州区有哪些？')).toBeUndefined();
    expect(wantedEntityType('海智汇园要集成哪些功能？')).toBeUndefined();
    expect(wantedEntityType('智能装备产业向哪些方向升级？')).toBeUndefined();
  });
});

describe('cues, years and metric words', () => {
  it('maps verbs to relations', () => {
    expect(relationCues('新一代信息技术产业向哪些领域拓展？')).toEqual(['EXTENDS_TO']);
    expect(relationCues('汽车零部件产业与哪些产业深度融合？')).toEqual(['INTEGRATES_WITH']);
    expect(relationCues('南通高新区是哪些产业的主阵地？')).toEqual(['HOSTS']);
  });

  it('reads years written with or without 年', () => {
    expect(yearsIn('到2025年，2030目标')).toEqual([2025, 2030]);
    expect(yearsIn('增长12025个')).toEqual([]);
  });

  it('drops target cue words, years and the region from the metric words', () => {
    const words = metricWords(['通州', '通州区', '2025年', '2025', '高新技术企业', '高新', '目标'], [
      { id: 'Region:通州区', name: '通州区', type: 'Region' },
    ]);
    expect(words).toEqual(['高新技术企业', '高新']);
  });

  it('drops a region the question names without a stored entity, and 今年', () => {
    const q = '海拉尔今年新修多少个公厕？';
    expect(metricWords(['海拉尔', '拉尔', '今年', '新修', '公厕'], [], q)).toEqual(['新修', '公厕']);
  });

  it('puts it together, with the period', () => {
    const analysis = understandQuestion('每年新注册重大产业项目有多少个？', ['每年', '新注', '注册', '重大', '产业', '项目'], []);
    expect(analysis).toMatchObject({ type: 'number', years: [], period: '每年', metricWords: ['新注', '注册', '重大', '产业', '项目'] });
  });
});
