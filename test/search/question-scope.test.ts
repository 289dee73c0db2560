// Scope rules as data (graph/scope, graph/reference/divisions.tsv, the region lexicon): which regions,
// years and periods a question names, and which documents stay inside its scope.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../src/model/index.js';
import { askedYears, documentRegion, documentYear, issuedNames, passageFit, questionScope, resolveScope } from '../../src/search/question-scope.js';
import { buildScopeRules, loadScopeRules, parseDivisions, parseRegionAliases } from '../../src/search/scope-rules.js';
import { yearFit } from '../../src/search/year-fit.js';

const rules = loadScopeRules();

function doc(id: string, title: string, extra: Partial<DocumentMeta> = {}): DocumentMeta {
  return { id, title, source: `/corpus/${id}.txt`, sha256: id, chars: 1, ingestedAt: '2026-01-01T00:00:00Z', ...extra };
}

const DOCS = [
  doc('js', '2026年江苏省政府工作报告', { region: '江苏省', publishedAt: '2026-02-03' }),
  doc('sh', '2026年上海市政府工作报告', { region: '上海市', publishedAt: '2026-02-03' }),
  doc('nt', '南通高新区发展规划', { region: '南通市', publishedAt: '2021' }),
  doc('cn', '政府工作报告', { region: '中国', publishedAt: '2022' }),
  doc('hl', '政 府 工 作 报 告', { region: '呼伦贝尔市海拉尔区', publishedAt: '2019-03-04' }),
  doc('xx', '关于推进数据专区建设的指导意见'),
];

describe('questionScope', () => {
  it.each([
    ['江苏2026年交通领域投资要达到多少？', ['江苏省'], [2026]],
    ['海拉尔区空气优良天数要达到多少天？', ['海拉尔区'], []],
    ['内蒙古今年的目标', ['内蒙古自治区'], []],
    ['园区有哪些？', [], []],
  ])('%s names %j and the years %j', (q, regions, years) => {
    expect(questionScope(q, rules)).toMatchObject({ regions, years });
  });

  it('reads 今年 and 明年 relative to each document, and a stated year as stated', () => {
    expect(questionScope('上海今年新增多少座公园？', rules).relativeYear).toEqual({ word: '今年', offset: 0 });
    expect(questionScope('明年的目标', rules).relativeYear?.offset).toBe(1);
    expect(questionScope('2026年今年', rules).relativeYear).toBeUndefined();
  });

  it('names the plan period with its years', () => {
    expect(questionScope('江苏“十五五”时期研发经费年均增长多少？', rules).period).toMatchObject({ name: '十五五', from: 2026, to: 2030 });
    expect(questionScope('第十五届人民代表大会', rules).period).toBeUndefined();
  });

  it('asks about the whole country with 全国 when no region is named', () => {
    expect(questionScope('2022年全国城镇新增就业目标是多少？', rules)).toMatchObject({ national: true, regions: [] });
  });
});

describe('documents in scope', () => {
  const fits = (q: string) => Object.fromEntries([...resolveScope(questionScope(q, rules), q, DOCS, rules).documents].map(([id, d]) => [id, d.fit]));

  it('keeps a province’s documents and those of its cities, a larger region only where a passage names the asked one', () => {
    expect(fits('江苏今年城镇新增就业多少？')).toEqual({ js: 'in', sh: 'out', nt: 'in', cn: 'contains', hl: 'out', xx: 'unknown' });
  });

  it('keeps a county inside its prefecture and province', () => {
    expect(fits('呼伦贝尔市的目标')).toMatchObject({ hl: 'in', js: 'out' });
    expect(fits('内蒙古的目标')).toMatchObject({ hl: 'in' });
  });

  it('asks the national documents only, for a national question', () => {
    expect(fits('全国物价涨幅目标')).toMatchObject({ cn: 'in', js: 'out', sh: 'out', xx: 'unknown' });
  });

  it('does not restrict a question that names no region', () => {
    const scope = resolveScope(questionScope('高新技术企业有多少家？', rules), '高新技术企业有多少家？', DOCS, rules);
    expect(scope.restricted).toBe(false);
    expect([...scope.documents.values()].every((d) => d.fit === 'in')).toBe(true);
  });

  it('keeps to a document named by its title', () => {
    const q = '《关于推进数据专区建设的指导意见》由谁负责？';
    expect(fits(q)).toEqual({ js: 'out', sh: 'out', nt: 'out', cn: 'out', hl: 'out', xx: 'in' });
  });

  it('keeps to a notice named by a document it issues, and says which words named it', () => {
    const notice = doc('ah', '安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划（2021-2023年）的通知', { region: '安徽省' });
    expect(issuedNames(notice.title)).toEqual(['支持工业互联网发展若干政策', '安徽省工业互联网创新发展行动计划']);
    const scope = resolveScope(questionScope('支持工业互联网发展若干政策由哪个部门负责解释？', rules), '支持工业互联网发展若干政策由哪个部门负责解释？', [...DOCS, notice], rules);
    expect(scope.documents.get('ah')!.fit).toBe('in');
    expect(scope.documents.get('js')!.fit).toBe('out');
    expect(scope.documentNames).toEqual(['支持工业互联网发展若干政策']);
    expect(issuedNames('2026年江苏省政府工作报告')).toEqual([]);
  });

  it('lets a passage of a larger region’s document in only when it names the asked region', () => {
    const q = '上海的目标';
    const scope = resolveScope(questionScope(q, rules), q, DOCS, rules);
    expect(passageFit(scope, 'cn', '支持上海建设国际科技创新中心', rules)).toBe('in');
    expect(passageFit(scope, 'cn', '城镇新增就业1100万人以上', rules)).toBe('out');
    expect(passageFit(scope, 'js', '任何文字', rules)).toBe('out');
  });

  it('reads 今年 as each document’s own year', () => {
    const q = '今年的目标';
    const scope = resolveScope(questionScope(q, rules), q, DOCS, rules);
    expect(askedYears(scope, 'js')).toEqual([2026]);
    expect(askedYears(scope, 'hl')).toEqual([2019]);
    expect(askedYears(scope, 'xx')).toEqual([]);
  });
});

describe('the asked year', () => {
  const q = '海拉尔区今年要完成多少户棚户区改造？';
  const scope = resolveScope(questionScope(q, rules), q, DOCS, rules);

  it('favours this year’s tasks and disfavours last year’s review (今年 = the document’s 2019)', () => {
    expect(yearFit({ docId: 'hl', heading: '二、2019年工作安排 / （二）围绕提升城市品质' }, '继续推进棚户区改造，完成800户的改造任务', scope)).toBe(1);
    expect(yearFit({ docId: 'hl', heading: '一、2018年工作回顾 / （五）民生事业提标升级' }, '棚户区改造完成4000户', scope)).toBe(-1);
    expect(yearFit({ docId: 'hl', heading: '' }, '今年经济社会发展的主要预期目标是', scope)).toBe(1);
    expect(yearFit({ docId: 'hl', heading: '（三）产业' }, '完成投资', scope)).toBe(0);
  });

  it('disfavours a document too old or too new to speak of the year stated', () => {
    const plan = doc('yn', '云南省国民经济和社会发展第十个五年计划纲要', { publishedAt: '2001' });
    const q = '2022年城镇新增就业多少？';
    const scope = resolveScope(questionScope(q, rules), q, [...DOCS, plan], rules);
    expect(yearFit({ docId: 'yn', heading: '第二节' }, '扩大就业', scope)).toBe(-1);
    expect(yearFit({ docId: 'cn', heading: '' }, '扩大就业', scope)).toBe(0);
    expect(yearFit({ docId: 'js', heading: '' }, '扩大就业', scope)).toBe(0);
    const past = resolveScope(questionScope('2005年森林覆盖率', rules), '2005年森林覆盖率', [...DOCS, plan], rules);
    expect(yearFit({ docId: 'yn', heading: '' }, '森林覆盖率', past)).toBe(0);
    expect(yearFit({ docId: 'js', heading: '' }, '森林覆盖率', past)).toBe(-1);
  });

  it('is neutral when the question names no year', () => {
    const plain = resolveScope(questionScope('棚户区改造', rules), '棚户区改造', DOCS, rules);
    expect(yearFit({ docId: 'hl', heading: '一、2018年工作回顾' }, '完成4000户', plain)).toBe(0);
  });
});

describe('document facts used by scope', () => {
  it('takes the most specific region a region value names, and national names as 全国', () => {
    expect(documentRegion({ region: '呼伦贝尔市海拉尔区', title: '' }, rules)).toBe('海拉尔区');
    expect(documentRegion({ region: '中华人民共和国', title: '' }, rules)).toBe('全国');
    expect(documentRegion({ title: '2026年江苏省政府工作报告' }, rules)).toBe('江苏省');
    expect(documentRegion({ title: '政府工作报告' }, rules)).toBeUndefined();
  });

  it('takes the year from publishedAt, else from the title', () => {
    expect(documentYear({ publishedAt: '2019-03-04', title: '' })).toBe(2019);
    expect(documentYear({ publishedAt: '2022', title: '' })).toBe(2022);
    expect(documentYear({ title: '2026年上海市政府工作报告' })).toBe(2026);
    expect(documentYear({ title: '无年份' })).toBeUndefined();
  });
});

describe('scope rule data', () => {
  it('resolves shared county names to every reading and leaves two-character county stems alone', () => {
    const built = buildScopeRules(
      { relativeYears: [], periods: [], national: { words: [], regionNames: [] }, regionSuffixes: ['省', '市', '区'] },
      parseDivisions('name\tlevel\tparent\tprovince\n江苏省\t省级\t\t江苏省\n南通市\t地级\t江苏省\t江苏省\n通州区\t县级\t南通市\t江苏省\n北京市\t省级\t\t北京市\n通州区\t县级\t\t北京市\n鼓楼区\t县级\t南京市\t江苏省'),
      parseRegionAliases('江苏 6000 Region=江苏省\n苏南 6000 Region'),
    );
    expect(built.regions.within('通州区', '江苏省')).toBe(true);
    expect(built.regions.within('通州区', '北京市')).toBe(true);
    expect(built.regions.within('南通市', '北京市')).toBe(false);
    expect(built.regions.mentions('江苏和苏南的鼓楼').map((m) => m.name)).toEqual(['江苏省', '苏南']);
  });

  it('refuses rules that do not parse', () => {
    expect(() => buildScopeRules({ periods: 'x' }, [], new Map())).toThrow();
  });
});
