import { describe, expect, it } from 'vitest';
import type { Target } from '../model/index.js';
import { factsOf } from '../../test/support/extract-facts.js';

type Expected = Partial<Pick<Target, 'metric' | 'value' | 'valueMax' | 'unit' | 'comparator' | 'year' | 'period'>> & { rule?: string };

const targetsOf = (text: string, opts: { heading?: string; title?: string } = {}): Target[] => factsOf(text, opts).targets;

describe('targets', () => {
  it.each<[string, string, Expected]>([
    ['跨越 is a floor, and the year carries', '到2025年地区生产总值跨越2000亿元大关,经济总量力争全市第一', { metric: '地区生产总值', value: 2000, unit: '亿元', comparator: '>=', year: 2025, rule: 'target.floor' }],
    ['每年 is a period, not part of the metric', '确保每年新注册重大产业项目30个以上', { metric: '新注册重大产业项目', value: 30, unit: '个', comparator: '>=', period: '每年' }],
    ['控制在…以内 is a ceiling', '城镇登记失业率控制在3%以内', { metric: '城镇登记失业率', value: 3, unit: '%', comparator: '<=', rule: 'target.ceiling' }],
    ['达 without a bound word is an equality', '力争到2025年高新技术企业达500家', { metric: '高新技术企业', value: 500, unit: '家', comparator: '=', year: 2025, rule: 'target.reach' }],
    ['a growth rate keeps its verb in the metric', '今年国内生产总值增长5.5%左右', { metric: '国内生产总值增长', value: 5.5, unit: '%', comparator: '~', rule: 'target.growth-rate' }],
    ['年均 is a period of a growth rate', '到2025年地区生产总值年均增长6%以上', { metric: '地区生产总值增长', comparator: '>=', period: '年均', year: 2025 }],
    ['a range has a lower and an upper value', '力争每年新增高新技术企业5-6个', { value: 5, valueMax: 6, unit: '个', comparator: 'range', rule: 'target.range' }],
    ['a percentage range too', '到2025年研发投入强度达到3%-3.5%', { value: 3, valueMax: 3.5, unit: '%', comparator: 'range' }],
    ['不低于 is a floor', '到2025年森林覆盖率不低于48%', { metric: '森林覆盖率', comparator: '>=', value: 48 }],
    ['不超过 is a ceiling', '单位生产总值能耗到2025年不超过0.5吨标准煤', { comparator: '<=', value: 0.5, unit: '吨标准煤' }],
    ['a counted object after the number is the metric', '今年新增50家以上先进智能工厂', { metric: '新增先进智能工厂', value: 50, unit: '家', comparator: '>=' }],
    ['今年 is the document’s year', '今年城镇新增就业1100万人以上', { metric: '城镇新增就业', year: 2022, comparator: '>=' }],
  ])('%s', (_why, text, expected) => {
    const targets = targetsOf(text, { title: '2022年政府工作报告' });
    expect(targets).toHaveLength(1);
    const { rule, ...fields } = expected;
    expect(targets[0]).toMatchObject(fields);
    if (rule) expect(targets[0]!.evidence.rule).toBe(rule);
    expect(targets[0]!.quote).toContain(text.match(/-?\d[\d.,%-]*/)![0].replace(/[%-]$/, ''));
  });

  it('splits a 、-list into targets that share the year', () => {
    const targets = targetsOf('力争到2025年高新技术企业达500家、省级民营科技企业800家以上');
    expect(targets.map((t) => [t.metric, t.value, t.comparator, t.year])).toEqual([
      ['高新技术企业', 500, '=', 2025],
      ['省级民营科技企业', 800, '>=', 2025],
    ]);
  });

  it('gives a second value of 分别 the same metric', () => {
    const targets = targetsOf('到2025年城乡居民人均可支配收入分别增长7%和8%左右');
    expect(targets.map((t) => [t.metric, t.value, t.comparator])).toEqual([
      ['城乡居民人均可支配收入增长', 7, '='],
      ['城乡居民人均可支配收入增长', 8, '~'],
    ]);
  });

  it.each([
    ['a past achievement is not a target', '去年完成地区生产总值1000亿元以上'],
    ['growth over the previous year is a report', '地区生产总值比上年增长8%以上'],
    ['a year before the document’s is the past', '2021年国内生产总值达到114万亿元,增长8.1%'],
    ['a review paragraph stays in the past', '这五年，综合经济实力再攀新高峰。全市生产总值从4.16万亿元增加到5.67万亿元'],
    ['a subsidy is not a target', '对跨行业跨领域工业互联网平台省级给予奖补，最高3000万元以上'],
    ['a number qualifying a noun is not a target', '成为全国首个经济总量突破5万亿元的城市'],
    ['a bracket is not a target', '对小微企业年应纳税所得额100万元至300万元部分'],
    ['a year or a duration is not a target', '利用2-3年时间，建立健全数据专区管理制度'],
  ])('%s', (_why, text) => {
    expect(targetsOf(text, { title: '2022年政府工作报告' })).toEqual([]);
  });

  it('finds nothing in a review section', () => {
    expect(targetsOf('地区生产总值增长6%左右', { heading: '一、2021年工作回顾' })).toEqual([]);
  });

  it('takes the year from the section heading', () => {
    expect(targetsOf('地区生产总值增长6%左右', { heading: '三、2022年政府工作任务' })[0]?.year).toBe(2022);
    expect(targetsOf('地区生产总值年均增长5%左右', { heading: '二、“十五五”时期工作总体要求和目标任务' })[0]?.year).toBe(2030);
  });

  it('measures the entity its clause names, else the place its sentence is about', () => {
    const facts = factsOf('通州区以南通高新区为主阵地。\n通州区将实施就业质量提升工程，确保实现新增城镇就业4万人以上；确保每年新注册重大产业项目30个以上，其中高新区占比80%以上');
    const byMetric = Object.fromEntries(facts.targets.map((t) => [t.metric, t.measures]));
    expect(byMetric['新增城镇就业']).toEqual(['Region:通州区']);
    expect(byMetric['高新区占比']).toEqual(['Park:南通高新区']);
  });

  it('gives every target a deterministic id from its offsets', () => {
    const a = targetsOf('城镇登记失业率控制在3%以内');
    const b = targetsOf('城镇登记失业率控制在3%以内');
    expect(a[0]!.id).toBe(b[0]!.id);
    expect(a[0]!.id).toMatch(/^doc:t:\d+-\d+@\d+$/);
  });
});
