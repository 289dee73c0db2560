// Answer spans from real sentences of policy texts: the amount a sentence states for the question,
// a Target's value as its quote writes it, the clause and the enumeration that answer, and the body
// an organisation question asks for.
import { describe, expect, it } from 'vitest';
import { amountSpans, bestAmountSpan, bestClause, enumerationSpan, respectiveAmountSpan, targetValueSpan } from '../../src/search/answer-span.js';
import { asksOrganisation, dutyGroups, organisationIn } from '../../src/search/answer-organisation.js';
import { questionType } from '../../src/search/understand-question.js';

const slice = (text: string, s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);

describe('amounts', () => {
  it('keeps the qualifier and leaves out years and dates', () => {
    const text = '2026年2月3日，城镇调查失业率5%以内，居民消费价格涨幅2%左右，新增就业60万人以上';
    expect(amountSpans(text).map((s) => slice(text, s))).toEqual(['5%以内', '2%左右', '60万人以上']);
  });

  it('reads the amount of the clause the question is about', () => {
    const text = '今年经济社会发展主要预期目标是：地区生产总值按增长5%安排；一般公共预算收入增长2%；城镇新增就业120万人，城镇调查失业率5%左右；居民消费价格涨幅2%左右';
    expect(slice(text, bestAmountSpan(text, [['就业'], ['城镇']], '城镇新增就业多少人？'))).toBe('120万人');
    expect(slice(text, bestAmountSpan(text, [['物价', '居民消费价格']], '物价涨幅目标？'))).toBe('2%左右');
    expect(slice(text, bestAmountSpan(text, [['失业率']], '失业率控制在多少？'))).toBe('5%左右');
  });

  it('reads the amount in the unit asked first, and the one the words before it name', () => {
    const rule = '对省内建成的标识解析二级节点项目省级按照不超过项目投资额30%的比例给予一次性奖补，最高300万元。';
    expect(slice(rule, bestAmountSpan(rule, [['标识'], ['解析'], ['项目'], ['奖补'], ['最高']], '标识解析二级节点项目最高奖补多少？'))).toBe('300万元');
    expect(slice(rule, bestAmountSpan(rule, [['项目'], ['投资额'], ['奖补']], '按项目投资额的多少给予奖补？'))).toBe('30%');
    const land = '新增自然保护区面积40万公顷、森林面积150万公顷左右。';
    expect(slice(land, bestAmountSpan(land, [['森林'], ['面积']], '森林面积要增加多少？'))).toBe('150万公顷左右');
  });

  it('prefers the unit the question asks for when clauses tie', () => {
    const text = '建设项目30个，总投资120亿元';
    expect(slice(text, bestAmountSpan(text, [['建设']], '建设多少个？'))).toBe('30个');
  });

  it('finds a Target’s value as its quote writes it', () => {
    const quote = '全市生产总值增长5%左右';
    expect(slice(quote, targetValueSpan(quote, 5))).toBe('5%左右');
    expect(targetValueSpan(quote, 6)).toBeUndefined();
    const list = '交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元';
    expect(slice(list, targetValueSpan(list, 450))).toBe('450亿元');
  });

  it('pairs a 分别 list’s amounts with the item the question names', () => {
    const grant = '对评估等级在3A、4A、5A级的企业，省级分别给予一次性奖补50万元、100万元、150万元。';
    expect(slice(grant, bestAmountSpan(grant, [['奖补'], ['企业']], '对评估等级为5A级的企业给予多少一次性奖补？'))).toBe('150万元');
    expect(slice(grant, bestAmountSpan(grant, [['奖补'], ['企业']], '3A级企业奖补多少？'))).toBe('50万元');
    const invest = '力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元';
    expect(slice(invest, respectiveAmountSpan(invest, '交通领域投资要达到多少？'))).toBe('2400亿元');
    expect(slice(invest, respectiveAmountSpan(invest, '能源投资多少？'))).toBe('1700亿元');
    const income = '城镇居民和农村居民人均可支配收入分别增长6%和8%';
    expect(slice(income, respectiveAmountSpan(income, '农村居民收入增长多少？'))).toBe('8%');
  });

  it('reads no 分别 pair when the question names no single item or the counts differ', () => {
    const invest = '力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元';
    expect(respectiveAmountSpan(invest, '领域投资额多少？')).toBeUndefined();
    expect(respectiveAmountSpan('交通、水利领域投资额分别达2400亿元', '交通投资多少？')).toBeUndefined();
    expect(respectiveAmountSpan('城乡常住居民人均可支配收入分别增长7%和8%左右', '城镇居民收入增长多少？')).toBeUndefined();
  });

  it('reads none from a sentence without amounts', () => {
    expect(bestAmountSpan('坚持民生为大，切实把好事办实、实事办好。', [['民生']], '多少件？')).toBeUndefined();
  });
});

describe('clauses and enumerations', () => {
  it('picks the clause that covers the question', () => {
    const text = '专区数据使用应遵循集约利用和最小授权原则，按需申请共享数据并在授权范围内使用，不得以营利为目的对原始数据以任何形式进行交易。';
    expect(slice(text, bestClause(text, [['原始数据'], ['交易', '买卖']]))).toBe('不得以营利为目的对原始数据以任何形式进行交易');
  });

  it('lists the items without the verb before them or the count after them', () => {
    const text = '数据专区是各类专题数据区域的统称，一般分为领域类、区域类及综合基础类三种类型。';
    expect(slice(text, enumerationSpan(text))).toBe('领域类、区域类及综合基础类');
    expect(enumerationSpan('没有列举的句子。')).toBeUndefined();
  });
});

describe('organisation questions', () => {
  it.each([
    ['安徽支持工业互联网发展若干政策由哪个部门负责解释？', true],
    ['数据安全主体责任由谁承担？', true],
    ['外网建设的责任单位是哪个？', true],
    ['谁来盯着运营单位把技术规范建好？', true],
    ['谁能享受补贴？', false],
    ['有哪些园区？', false],
    ['城镇新增就业多少人？', false],
  ])('%s asks for a body: %s', (q, expected) => {
    expect(asksOrganisation(q)).toBe(expected);
    if (expected) expect(questionType(q)).toBe('organisation');
  });

  const whole = (text: string) => ({ start: 0, end: text.length });

  it('takes the body a sentence puts in charge', () => {
    const text = '本政策自2021年开始执行，由省经济和信息化厅负责解释。';
    expect(organisationIn(text, whole(text))?.name).toBe('省经济和信息化厅');
  });

  it('takes the subject that takes charge', () => {
    const a = '北京市经济和信息化局负责数据专区的统筹协调和监督指导。';
    expect(organisationIn(a, whole(a))?.name).toBe('北京市经济和信息化局');
    const b = '运营单位作为数据专区的管理责任主体，承担专区数据安全主体责任。';
    expect(organisationIn(b, whole(b))?.name).toBe('运营单位');
  });

  it('takes the lead bodies of the responsibility note after the statement, citing both', () => {
    const passage = '加快5G和千兆光网建设，实现全面覆盖。（责任单位：省通信管理局，省铁塔公司、各基础电信企业，各市人民政府）';
    const sentence = { start: 0, end: passage.indexOf('。') + 1 };
    const found = organisationIn(passage, sentence);
    expect(found?.name).toBe('省通信管理局');
    expect(found?.end).toBe(passage.length);
  });

  it('takes the body of the clause stating the asked duty when a sentence names two', () => {
    const text = '北京市大数据工作推进小组负责数据专区建设和应用的总体指导和重大问题决策，北京市大数据工作推进小组办公室负责组织推进相关决策落实。';
    expect(organisationIn(text, whole(text))?.name).toBe('北京市大数据工作推进小组');
    expect(organisationIn(text, whole(text), ['落实'])?.name).toBe('北京市大数据工作推进小组办公室');
  });

  it.each([
    ['重大决策由谁去落实？', ['落实']],
    ['若干政策由哪个部门负责解释？', ['负责', '解释']],
    ['外网建设的责任单位是哪个？', []],
  ])('reads the duty %s asks about', (q, duty) => {
    const groups = [['重大'], ['决策'], ['落实'], ['政策'], ['负责'], ['解释'], ['外网'], ['建设'], ['责任单位', '牵头单位'], ['部门']];
    expect(dutyGroups(q, groups).map((g) => g[0])).toEqual(duty);
  });

  it('finds no body where the sentence names none', () => {
    const text = '坚持“政府引导、市场运作”，营造良好发展环境。';
    expect(organisationIn(text, whole(text))).toBeUndefined();
  });
});
