import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/model/index.js';
import { groupCoverage, metricCoverage, metricGroups, phraseAround, rankTargets, unitFit } from '../../src/search/match-targets.js';
import { stateTarget } from '../../src/search/state-target.js';
import { understandQuestion } from '../../src/search/understand-question.js';

function target(metric: string, value: number, unit: string, comparator: Target['comparator'], extra: Partial<Target> = {}): Target {
  return {
    id: `t:${metric}`,
    metric,
    value,
    unit,
    comparator,
    quote: '',
    measures: [],
    evidence: { docId: 'd', passageId: 'd:1', start: 0, end: 1, rule: 'target.reach' },
    ...extra,
  };
}

const TARGETS = [
  target('地区生产总值', 2000, '亿元', '>=', { year: 2025 }),
  target('新注册重大产业项目', 30, '个', '>=', { period: '每年' }),
  target('高新区占比', 80, '%', '>='),
  target('新开工重大项目', 30, '个', '>=', { period: '每年' }),
  target('高新技术企业', 500, '家', '=', { year: 2025 }),
  target('省级民营科技企业', 800, '家', '>=', { year: 2025 }),
  target('新增城镇就业', 4, '万人', '>='),
  target('城镇登记失业率', 3, '%', '<='),
];

/** Question → expected metric, with the question's informative tokens as jieba would give them. */
const CASES: Array<[string, string[], string]> = [
  ['通州区到2025年高新技术企业目标是多少？', ['通州区', '2025年', '高新', '技术', '企业', '高新技术', '目标'], '高新技术企业'],
  ['通州区的GDP目标是多少？', ['通州区', 'gdp', '目标'], '地区生产总值'],
  ['失业率要控制在多少以内？', ['失业', '失业率', '控制'], '城镇登记失业率'],
  ['确保每年新开工的重大项目有多少个？', ['确保', '每年', '新开', '开工', '重大', '项目'], '新开工重大项目'],
  ['新注册重大产业项目中高新区占比要达到多少？', ['新注', '注册', '重大', '产业', '项目', '高新', '高新区', '占比'], '高新区占比'],
  ['省级民营科技企业到2025年要达到多少家？', ['省级', '民营', '科技', '企业', '2025年'], '省级民营科技企业'],
];

describe('matching a number question to targets', () => {
  it.each(CASES)('%s → %s', (question, terms, metric) => {
    const ranked = rankTargets(TARGETS, question, understandQuestion(question, terms, []));
    expect(ranked[0]!.target.metric).toBe(metric);
    expect(ranked[0]!.score).toBeGreaterThanOrEqual(0.5);
  });

  it('scores an unrelated question low', () => {
    const question = '火星上的天气怎么样？';
    const ranked = rankTargets(TARGETS, question, understandQuestion(question, ['火星', '天气'], []));
    expect(ranked[0]!.score).toBeLessThan(0.2);
  });

  it('measures how much of the metric the question covers', () => {
    expect(metricCoverage('高新技术企业', '高新技术企业目标')).toBe(1);
    expect(metricCoverage('城镇登记失业率', '失业率多少')).toBeCloseTo(3 / 7);
    expect(metricCoverage('高新技术企业', '火星')).toBe(0);
  });

  it('prefers a percentage for a ratio question and the asked unit otherwise', () => {
    expect(unitFit('%', '占比多少')).toBeGreaterThan(0);
    expect(unitFit('个', '占比多少')).toBeLessThan(0);
    expect(unitFit('家', '达到多少家')).toBeGreaterThan(0);
    expect(unitFit('亿元', '多少')).toBe(0);
  });

  it('holds a count further from a money question than a percentage, unless the question counts', () => {
    expect(unitFit('万元', '平台最高奖补多少？')).toBeGreaterThan(0);
    expect(unitFit('家', '平台最高奖补多少？')).toBeLessThan(unitFit('%', '设备购置奖补多少？'));
    expect(unitFit('%', '设备购置奖补多少？')).toBeLessThan(0);
    expect(unitFit('个', '今年投资项目有多少个？')).toBeGreaterThan(0);
    expect(unitFit('%', '按设备购置额的多少给予奖补？')).toBeGreaterThan(0);
    expect(unitFit('%', '固定资产投资涨了多少？')).toBe(0);
    expect(unitFit('亿元', '固定资产投资涨了多少？')).toBe(0);
    expect(unitFit('万元', '按设备购置额的多少给予奖补？')).toBeLessThan(0);
  });
});

describe('stating a target as a sentence', () => {
  it.each([
    [TARGETS[4]!, '到2025年，高新技术企业达500家'],
    [TARGETS[1]!, '每年新注册重大产业项目30个以上'],
    [TARGETS[7]!, '城镇登记失业率控制在3%以内'],
    [TARGETS[0]!, '到2025年，地区生产总值2000亿元以上'],
    [target('研发投入强度', 2.5, '%', 'range', { valueMax: 3 }), '研发投入强度2.5%至3%'],
  ])('%# → %s', (t, sentence) => {
    expect(stateTarget(t)).toBe(sentence);
  });
});

describe('a metric less specific than the question', () => {
  it('finds the phrase the question writes around the metric', () => {
    expect(phraseAround('海拉尔区今年固定资产投资的预期目标是什么？', '投资', ['固定', '资产', '固定资产', '投资'])).toBe('固定资产投资');
    expect(phraseAround('城镇新增就业目标是多少？', '城镇新增就业', ['城镇', '新增', '就业'])).toBe('城镇新增就业');
    expect(phraseAround('物价涨幅', '投资', ['物价'])).toBe('');
  });

  it('ranks a bare 投资 below a target stating the whole phrase the question asks about', () => {
    const q = '固定资产投资目标是多少？';
    const analysis = understandQuestion(q, ['固定', '资产', '固定资产', '投资', '目标'], []);
    const bare = target('投资', 8.6, '亿元', '=', { quote: '全年计划投资8.6亿元' });
    const whole = target('固定资产投资', 500, '亿元', '=', { quote: '固定资产投资500亿元' });
    const stated = target('投资', 120, '亿元', '=', { quote: '完成固定资产投资120亿元' });
    const ranked = rankTargets([bare, whole, stated], q, analysis);
    expect(ranked[0]!.target).toBe(whole);
    expect(ranked.find((m) => m.target === bare)!.score).toBeLessThan(ranked.find((m) => m.target === stated)!.score);
  });
});

describe('metric words as groups of wordings', () => {
  it('counts an everyday phrase once, met by any of its wordings', () => {
    const groups = metricGroups(['物价', '涨幅'], '物价涨幅目标是多少？');
    expect(groups).toContainEqual(expect.arrayContaining(['物价', '居民消费价格']));
    expect(groups.filter((g) => g[0] === '物价')).toHaveLength(1);
    // the policy term names the phrase: its other wordings do not dilute the match
    expect(groupCoverage('居民消费价格涨幅', groups)).toBe(1);
    expect(groupCoverage('城镇调查失业率', groups)).toBe(0);
  });

  it('reads a share of GDP as an intensity', () => {
    expect(metricGroups(['研发', '经费'], '研发经费占GDP多少？').flat()).toContain('强度');
  });
});

describe('targets that both match fully', () => {
  it('keep this year’s target ahead of a year-less one by more than a runner-up’s share', () => {
    const q = '2026年城镇新增就业目标是多少？';
    const analysis = understandQuestion(q, ['2026年', '城镇', '新增', '就业', '目标'], []);
    const stated = target('城镇新增就业', 120, '万人', '=', { year: 2026 });
    const yearless = target('新增城镇就业', 4, '万人', '>=');
    const [first, second] = rankTargets([yearless, stated], q, analysis);
    expect(first!.target).toBe(stated);
    expect(first!.score).toBe(1);
    expect(second!.strength).toBeLessThan(first!.strength * 0.85);
  });
});
