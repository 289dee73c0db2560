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
  });

  // GUIDELINES: the year is stated in the clause, its lead sentence or its heading; a plan's name is a period
  it('a five-year plan’s name is a period, not a year', () => {
    const [t] = targetsOf('地区生产总值年均增长5%左右', { heading: '二、“十五五”时期工作总体要求和目标任务' });
    expect(t).toMatchObject({ metric: '地区生产总值增长', period: '十五五时期年均' });
    expect(t!.year).toBeUndefined();
  });

  it('measures the entity its clause names, else the place its sentence is about', () => {
    const facts = factsOf('通州区以南通高新区为主阵地。\n通州区将实施就业质量提升工程，确保实现新增城镇就业4万人以上；确保每年新注册重大产业项目30个以上，其中高新区占比80%以上');
    const byMetric = Object.fromEntries(facts.targets.map((t) => [t.metric, t.measures]));
    expect(byMetric['新增城镇就业']).toEqual(['Region:通州区']);
    // a bare 高新区 is the document's one park of that class, whatever its canonical name
    expect(byMetric['高新区占比']).toEqual(facts.entities.filter((e) => e.type === 'Park').map((e) => e.id));
    expect(byMetric['高新区占比']).toHaveLength(1);
  });

  it('measures a document industry its metric spells out, and a continued metric measures the same', () => {
    const facts = factsOf('大力发展软件和信息服务业。\n到2025年，力争软件和信息服务业收入达到500亿元，年均增长15%以上');
    const industry = facts.entities.find((e) => e.type === 'Industry' && e.name.includes('信息服务业'));
    expect(industry).toBeDefined();
    expect(facts.targets.map((t) => t.measures)).toEqual([[industry!.id], [industry!.id]]);
  });

  it('measures the industry its section heading sets out to grow', () => {
    const facts = factsOf('第四节着力培育水运产业\n到2030年,内河货运量达5亿吨', { heading: '第四节着力培育水运产业' });
    const industry = facts.entities.find((e) => e.type === 'Industry' && e.name.startsWith('水运'));
    expect(industry).toBeDefined();
    expect(facts.targets.map((t) => t.measures)).toEqual([[industry!.id]]);
  });

  it('gives every target a deterministic id from its offsets', () => {
    const a = targetsOf('城镇登记失业率控制在3%以内');
    const b = targetsOf('城镇登记失业率控制在3%以内');
    expect(a[0]!.id).toBe(b[0]!.id);
    expect(a[0]!.id).toMatch(/^doc:t:\d+-\d+@\d+$/);
  });
});

type Row = [string, number, string, string, number?];
const rows = (targets: Target[]): Row[] =>
  targets.map((t) => (t.year === undefined ? [t.metric, t.value, t.unit, t.comparator] : [t.metric, t.value, t.unit, t.comparator, t.year]));

describe('targets: lists, counts and numbers in words', () => {
  it.each<[string, string, { heading?: string; title?: string }, Row[]]>([
    [
      '分别 gives one target per number in order, each item with the shared head',
      '力争全年工业、农业、服务业投资额分别达300亿元、80亿元、500亿元',
      { heading: '2024年重点工作' },
      [['工业投资额', 300, '亿元', '=', 2024], ['农业投资额', 80, '亿元', '=', 2024], ['服务业投资额', 500, '亿元', '=', 2024]],
    ],
    [
      'a comparator attaches to the number it follows',
      '城镇、农村集中供水率分别达到95%和85%左右',
      { heading: '发展目标' },
      [['城镇集中供水率', 95, '%', '='], ['农村集中供水率', 85, '%', '~']],
    ],
    [
      'parallel parts joined by 和 pair with 分别’s numbers',
      '城镇居民和农村居民人均可支配收入分别增长6%和8%',
      { heading: '主要目标' },
      [['城镇居民人均可支配收入增长', 6, '%', '='], ['农村居民人均可支配收入增长', 8, '%', '=']],
    ],
    ['a unit with a slash stays whole', 'PM2.5平均浓度下降到28微克/立方米', { heading: '主要目标' }, [['PM2.5平均浓度', 28, '微克/立方米', '=']]],
    [
      '进出口 with two values splits into 进口 and 出口',
      '力争全市外贸进出口额分别达到20亿美元和30亿美元以上',
      { heading: '发展目标' },
      [['全市外贸进口额', 20, '亿美元', '='], ['全市外贸出口额', 30, '亿美元', '>=']],
    ],
    [
      'a count verb takes the noun after each number of its list',
      '新建12家社区食堂、6家养老院和3家托育中心',
      { heading: '2024年重点工作' },
      [['新建社区食堂', 12, '家', '=', 2024], ['养老院', 6, '家', '=', 2024], ['托育中心', 3, '家', '=', 2024]],
    ],
    [
      'the counted object runs to its head, past a verb inside it',
      '完成30万平方米老旧小区综合改造',
      { heading: '2024年重点工作' },
      [['老旧小区综合改造', 30, '万平方米', '=', 2024]],
    ],
    [
      'a relative clause before 的 gives way to the head noun',
      '培育5家在全国具有引领作用的工业互联网平台',
      { heading: '发展目标' },
      [['工业互联网平台', 5, '家', '=']],
    ],
    [
      'a count of a count names the same object',
      '今年将办好10类30件惠民实事',
      { title: '2024年政府工作报告' },
      [['惠民实事', 10, '类', '=', 2024], ['惠民实事', 30, '件', '=', 2024]],
    ],
    ['约 before a number is approximate', '今年中央预算内投资增加约500亿元', { title: '2023年政府工作报告' }, [['中央预算内投资增加', 500, '亿元', '~', 2023]]],
    ['近 before a number is approximate', '今年转移支付规模近3万亿元', { title: '2023年政府工作报告' }, [['转移支付规模', 3, '万亿元', '~', 2023]]],
    [
      'a bare attribute or change verb continues the subject',
      '今年专项资金增加约200亿元、规模近900亿元，增长20%',
      { title: '2023年政府工作报告' },
      [['专项资金增加', 200, '亿元', '~', 2023], ['专项资金规模', 900, '亿元', '~', 2023], ['专项资金增长', 20, '%', '=', 2023]],
    ],
    ['a ratio gives one unit-less target per part', '三次产业结构调整为5∶40∶55', { heading: '发展目标' }, [['三次产业结构', 5, '', '='], ['三次产业结构', 40, '', '='], ['三次产业结构', 55, '', '=']]],
    ['a fraction is a unit-less value', '民营经济增加值占比达到三分之一左右', { heading: '发展目标' }, [['民营经济增加值占比', 0.3333, '', '~']]],
    ['翻一番 is one 番 as written', '到2035年人均地区生产总值比2020年翻一番', {}, [['人均地区生产总值', 1, '番', '=', 2035]]],
    ['a count in Chinese numerals is the object of a verb that makes something', '建好三个现代农业园区，培育百家农业龙头企业', { heading: '发展目标' }, [['现代农业园区', 3, '个', '='], ['农业龙头企业', 100, '家', '=']]],
    ['a range gives a lower and an upper bound', '力争每年新增高新技术企业5-6个', {}, [['新增高新技术企业', 5, '个', '>='], ['新增高新技术企业', 6, '个', '<=']]],
    ['守住 a red line is a floor', '坚决守住8000万亩耕地红线', { heading: '2024年重点工作' }, [['耕地红线', 8000, '万亩', '>=', 2024]]],
    ['a comparison base does not make a forward statement past', '今年财政支出规模比去年扩大1000亿元以上', { title: '2023年政府工作报告' }, [['财政支出规模比去年扩大', 1000, '亿元', '>=', 2023]]],
  ])('%s', (_why, text, opts, expected) => {
    expect(rows(targetsOf(text, opts))).toEqual(expected);
  });

  it('a lead paragraph’s year holds for the list under it, a lead sentence’s for its paragraph', () => {
    const targets = targetsOf('到2027年，全市数字化转型取得明显成效。\n规上工业企业数字化改造覆盖率达到90%。\n全社会研发投入强度达到3%。', { heading: '（二）发展目标' });
    expect(targets.map((t) => t.year)).toEqual([2027, 2027]);
    const [a, b] = targetsOf('数字经济核心产业增加值年均增长10%，到2027年占比达到15%。', { heading: '主要目标' });
    expect([a!.year, b!.year]).toEqual([2027, 2027]);
  });

  it('a period in the heading (2021-2023年) is the document’s period, not a year', () => {
    const [t] = targetsOf('力争培育国家级制造业单项冠军企业20家', { heading: '制造业数字化转型行动计划（2021-2023年）' });
    expect(t).toMatchObject({ value: 20, unit: '家' });
    expect(t!.year).toBeUndefined();
  });

  it('a plan that ended before the document is the past', () => {
    const title = '某省国民经济和社会发展第十四个五年规划纲要';
    expect(targetsOf('“十三五”期间，全省新建高速公路1000公里，地区生产总值年均增长7%', { title })).toEqual([]);
    expect(rows(targetsOf('“十四五”时期，地区生产总值年均增长6%', { title }))).toEqual([['地区生产总值增长', 6, '%', '=']]);
  });

  it('a size word may open the counted object', () => {
    expect(rows(targetsOf('培育5个千亿级产业集群', { heading: '主要目标' }))).toEqual([['千亿级产业集群', 5, '个', '=']]);
  });

  it('a bare verb after a new year continues the subject', () => {
    const targets = targetsOf('到2025年，软件产业收入突破1000亿元；到2030年，突破2000亿元', { heading: '主要目标' });
    expect(rows(targets)).toEqual([
      ['软件产业收入', 1000, '亿元', '>=', 2025],
      ['软件产业收入', 2000, '亿元', '>=', 2030],
    ]);
  });

  it('a year stated mid-paragraph holds for what follows, not for what precedes', () => {
    const targets = targetsOf('人口自然增长率控制在6‰以内。到2027年，森林覆盖率提高到45%。', { heading: '主要目标' });
    expect(targets.map((t) => [t.metric, t.year])).toEqual([
      ['人口自然增长率', undefined],
      ['森林覆盖率', 2027],
    ]);
  });

  it.each([
    ['a label counting an enumeration is not a target', '实施六大工程，深化“四个意识”教育'],
    ['a quoted slogan count is not a target', '精心打造四张“名片”'],
    ['a subsidy stated after the number is not a target', '按合同金额的30%，给予一次性奖补'],
    ['an eligibility threshold is not a target', '对3年期以上贷款给予贴息'],
    ['a plain figure outside a forward-looking statement is not a target', '全区学校120所'],
    ['a statistic of what exists now is not a target', '今年全市现有高新技术企业1200家'],
  ])('%s', (_why, text) => {
    expect(targetsOf(text, { title: '2024年政府工作报告' })).toEqual([]);
  });
});

describe('targets: the guidelines’ own examples', () => {
  it.each<[string, Row[]]>([
    ['到2025年高新技术企业达500家', [['高新技术企业', 500, '家', '=', 2025]]],
    ['每年新开工重大项目30个以上', [['新开工重大项目', 30, '个', '>=']]],
    ['培育3家跨行业跨领域综合型工业互联网平台', [['跨行业跨领域综合型工业互联网平台', 3, '家', '=']]],
    ['新建24座公共厕所', [['新建公共厕所', 24, '座', '=']]],
    ['完成800户的改造任务', [['改造任务', 800, '户', '=']]],
    ['全年计划投资8.6亿元', [['投资', 8.6, '亿元', '=']]],
    ['城乡居民收入分别增长7%和8%', [['城乡居民收入增长', 7, '%', '='], ['城乡居民收入增长', 8, '%', '=']]],
  ])('%s', (text, expected) => {
    expect(rows(targetsOf(text, { heading: '主要目标' }))).toEqual(expected);
  });

  it.each([['给予最高500万元奖励'], ['按30%给予补助'], ['2025年完成投资300亿元'], ['过去五年新增就业60万人']])('support or the past is no goal: %s', (text) => {
    expect(targetsOf(text, { heading: '主要目标', title: '2026年政府工作报告' })).toEqual([]);
  });
});
