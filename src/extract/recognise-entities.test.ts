import { describe, expect, it } from 'vitest';
import type { EntityType } from '../model/index.js';
import { getSegmenter } from '../segment/segmenter.js';
import { recogniseEntities } from './recognise-entities.js';
import { GENERIC_WORDS } from './generic-names.js';

const recognise = (text: string): Array<[EntityType, string]> =>
  recogniseEntities(text, getSegmenter().tag(text)).map((e) => [e.type, e.name]);

describe('recogniseEntities', () => {
  it.each<[string, string, EntityType, string]>([
    ['a park is the phrase ending in a park suffix', '通州区始终把发展的着力点放在实体经济上,以云溪高新区为主阵地', 'Park', '云溪高新区'],
    ['a catalogued zone’s short form names its official zone', '以南通高新区为主阵地', 'Park', '南通高新技术产业开发区'],
    ['a designated zone for a sector is a park', '设立丝路电商合作先行区', 'Park', '丝路电商合作先行区'],
    ['a verb that carries out a programme frames its whole name', '高质量完成国有企业改革深化提升行动', 'Policy', '国有企业改革深化提升行动'],
    ['the verb frames each programme of a list', '实施城乡居民增收计划、职业技能提升培训行动', 'Policy', '职业技能提升培训行动'],
    ['a quote that ends the clause of a programme verb is a policy', '率先推进制造业“智改数转网联”，规上企业', 'Policy', '智改数转网联'],
    ['short coordinated qualifiers share a programme suffix', '坚决打好蓝天、碧水、净土保卫战，', 'Policy', '蓝天、碧水、净土保卫战'],
    ['a quoted count joins the programme word after it', '构建“1650”产业体系', 'Policy', '1650产业体系'],
    ['sectors named by their trade are industries', '着力发展数字贸易、离岸贸易', 'Industry', '离岸贸易'],
    ['fields listed before 领域 and an industry word are industries', '制定实施脑机接口、量子计算、硅光等领域未来产业培育方案', 'Industry', '量子计算产业'],
    ['a quoted slogan the sentence carries out is a policy', '深入实施“放管服”', 'Policy', '放管服'],
    ['a park name stops at the verb before it', '更高标准推进海智汇园、江海圆梦谷建设', 'Park', '海智汇园'],
    ['a park may end in 谷 and be followed by 建设', '更高标准推进海智汇园、江海圆梦谷建设', 'Park', '江海圆梦谷'],
    ['a park suffix may be spread over tokens', '发挥江苏自贸试验区联动创新区建设的优势', 'Park', '江苏自贸试验区联动创新区'],
    ['an industry takes its 产业 along', '推动汽车零部件产业与新能源深度融合', 'Industry', '汽车零部件产业'],
    ['a bare industry is named in its 产业 form', '推动汽车零部件产业与新能源深度融合', 'Industry', '新能源产业'],
    ['an 、-list closed by 等 and an industry head names industries', '大力培育现代物流、科技服务、商务服务、信息服务等生产性服务业', 'Industry', '商务服务产业'],
    ['the places an industry extends to are industries', '加快由印刷线路板向集成电路零部件、半导体光电等领域拓展', 'Industry', '半导体光电产业'],
    ['the 由-part of an extension is an industry', '加快由印刷线路板向集成电路零部件、半导体光电等领域拓展', 'Industry', '印刷线路板产业'],
    ['a quoted programme named by the word after it', '常态化开展“大项目突破年”活动,强化专业招商', 'Policy', '大项目突破年'],
    ['a quoted name ending like a programme', '细化“链长制”招商', 'Policy', '链长制'],
    ['a quoted numeral joins the word after it', '扎实开展“八五”普法', 'Policy', '八五普法'],
    ['a programme name keeps the verb right before its suffix', '通州区将实施就业质量提升工程', 'Policy', '就业质量提升工程'],
    ['coordinated lexicon terms share a suffix', '实施区域碳达峰、碳中和行动计划', 'Policy', '碳达峰、碳中和行动计划'],
    ['a document in book-title marks is a policy', '根据《关于推进北京市数据专区建设的指导意见》', 'Policy', '关于推进北京市数据专区建设的指导意见'],
    ['a lexicon alias resolves to its canonical name', '深入落实长三角一体化', 'Policy', '长三角区域一体化发展'],
    ['an organisation may hold 和', '责任单位：省经济和信息化厅、省财政厅', 'Organization', '省经济和信息化厅'],
    ['a province short name is the province', '美丽江苏通州样板', 'Region', '江苏省'],
    ['a district with its suffix is a region', '呼伦贝尔市海拉尔区人民政府', 'Region', '海拉尔区'],
    ['a quote of parallel phrases is one slogan', '持续巩固“小切口、大变化”成果', 'Policy', '小切口、大变化'],
    ['a quote named by the mechanism after it', '健全“两端联审”机制', 'Policy', '两端联审'],
    ['与 joins two nouns inside a framed programme name', '深化燃气企业与供热企业整合改革', 'Policy', '燃气企业与供热企业整合改革'],
    ['the sector heading a list is a sector', '增强船舶融资、海损理算等海事服务能级', 'Industry', '海事服务产业'],
    ['a head cut in two by jieba is read whole', '培育工业设计、认证咨询等知识密集型服务贸易', 'Industry', '认证咨询产业'],
    ['a numeral word inside an item stays', '培育类脑计算、第七代移动通信等未来产业', 'Industry', '第七代移动通信产业'],
    ['each item of a framed list of programmes is a programme', '实施花卉振兴、果园质量提升、新一轮茶产业提升行动', 'Policy', '花卉振兴'],
    ['a short law in book-title marks is a policy', '依照《渔业法》加强管理', 'Policy', '渔业法'],
    ['a party committee’s proposal in book-title marks is a policy', '根据《中共某省委关于制定某省第十个五年计划的建议》', 'Policy', '中共某省委关于制定某省第十个五年计划的建议'],
    ['a strategy may be named by two characters', '实施品牌战略，加强队伍建设', 'Policy', '品牌战略'],
    ['a four-character slogan that raises a place is a policy', '深入实施科教兴黔战略，建设旅游强省', 'Policy', '旅游强省'],
    ['a zone word after a county written without its level word', '抓好兰坪锌生产基地的建设', 'Park', '兰坪锌生产基地'],
    ['a place in brackets stays inside a zone’s name', '建设国家热带作物科技(云南)基地', 'Park', '国家热带作物科技(云南)基地'],
    ['a word of three or more ending in 谷 names a zone', '推进西南生物谷建设', 'Park', '西南生物谷'],
    ['a quote joins the governance words after it', '深化高层建筑消防等5个“一类事”全链条治理', 'Policy', '一类事全链条治理'],
    ['a quoted item of a list closed by 等 and a programme word is a programme', '“一窗通办”、“一码通行”等改革效应持续释放', 'Policy', '一码通行'],
    ['a quoted name before the suffix takes no long clause before it', '完成国企采购平台接入市公共资源“一网统采”试点', 'Policy', '一网统采试点'],
    ['a quote ending a long clause its verb opens is carried out', '做好农村金融、跨境金融、海洋金融、航运金融、碳金融“三篇小文章”，建设', 'Policy', '三篇小文章'],
    ['an emergency plan is a document', '修订城市内涝专项应急预案，提升', 'Policy', '城市内涝专项应急预案'],
    ['a verb-noun body names a sector with its suffix', '大力发展加工贸易', 'Industry', '加工贸易'],
    ['a designated economic zone with a place is a park', '支持皖江生态经济区发展特色产业', 'Park', '皖江生态经济区'],
    ['a code number is a programme’s whole body', '抓好某大学"985工程"二期建设', 'Policy', '985工程'],
    ['a short slogan takes the noun it is about', '抓好内贸“三新”，加快', 'Policy', '内贸三新'],
    ['items of a list of programmes the clause carries out are programmes', '实施水体污染源头防控、建筑垃圾综合治理等行动，深化', 'Policy', '水体污染源头防控'],
    ['one programme before 等专项行动 is a programme', '开展工程款拖欠清理整治等专项行动，组建', 'Policy', '工程款拖欠清理整治'],
    ['a trade-in programme is a policy', '加力扩围开展家电以旧换新，发放消费券', 'Policy', '家电以旧换新'],
    ['a two-character sector jieba knows as one noun is an industry', '加快推进茶业振兴', 'Industry', '茶业'],
    ['verbs chained after the frame verb open no name', '巩固拓展深入贯彻廉洁自律规定精神学习教育成果', 'Policy', '廉洁自律规定'],
    ['a named campaign is a policy', '深入开展爱国卫生运动，提高', 'Policy', '爱国卫生运动'],
    ['an idiom right before a bare suffix is the body', '严格执行一票否决制度,建立', 'Policy', '一票否决制度'],
    ['an area and the development set for it is a regional strategy', '推动西北地区高质量发展，加大', 'Policy', '西北地区高质量发展'],
    ['a named support tool is a policy instrument', '用好普惠养老贷款支持工具，引导', 'Policy', '普惠养老贷款支持工具'],
    ['a slogan may raise a field (科技兴农)', '深入实施质量兴农、品牌强农', 'Policy', '质量兴农'],
    ['a slogan jieba knows as one word', '坚持全面依法治国，', 'Policy', '依法治国'],
    ['quoted items of a zone list are zones', '深化“星火空间”、“云帆社区”等创新示范区建设', 'Park', '云帆社区'],
    ['an unknown word in a zone list is a zone', '持续提升西岭芯港、无人机园等特色产业园区能级', 'Park', '西岭芯港'],
    ['a place listed before a zone that opens with a place shares its zone word', '争取建设勐满、畹町边境贸易区', 'Park', '勐满'],
    ['a zone named after its place keeps what stands between', '推进滨江企业出海总部集聚区建设', 'Park', '滨江企业出海总部集聚区'],
    ['园区 with a place is one zone', '高标准建设无锡国家级零碳园区', 'Park', '无锡国家级零碳园区'],
    ['a zone inside a plan’s name stays a park', '出台实施滨江商务区及周边地区专项规划', 'Park', '滨江商务区'],
  ])('%s', (_why, text, type, name) => {
    expect(recognise(text)).toContainEqual([type, name]);
  });

  it.each<[string, string, string]>([
    ['a verb before a park is not part of it', '聚力金沙湾新区开发', '聚力金沙湾新区'],
    ['a word that only relates industries is no industry', '带动上下游相关产业发展', '相关产业'],
    ['产业结构 is not an industry', '“调绿”产业结构', '调绿产业'],
    ['an enterprise is not an industry', '鼓励创新型领军企业牵头组建新型研发机构', '领军企业'],
    ['a generic mechanism is not a policy', '完善基本养老保险待遇和基础养老金正常调整机制', '调整机制'],
    ['a party to a sentence is not a policy', '进一步优化人才政策体系', '人才政策'],
    ['a park word inside a common word is no park', '引导企业入园,新建公园和幼儿园', '公园'],
    ['a development area word is not a region', '推进园区、城区和社区建设', '城区'],
    ['an honorific designation with neither place nor sector is no park', '创建国家生态文明建设示范区', '国家生态文明建设示范区'],
    ['a quoted nickname is no policy', '打响“沧海号”品牌', '沧海号'],
    ['a clause ending in 经济 is no sector', '引导社会资金投向经济', '社会资金投向经济'],
    ['加强 is no means of a slogan', '进一步加强省际合作', '加强省'],
    ['a frame stops at a quote that closes after the suffix', '抓好某大学"985工程"二期建设', '某大学985工程'],
    ['工业 before a noun qualifies it', '挖掘典型工业应用案例，建设特色工业云服务', '典型工业'],
    ['an area deepening its cooperation sets no strategy', '推动晋陕省际交界地区深化协同发展', '晋陕省际交界地区深化协同发展'],
    ['a product of a sector is no industry', '丰富系列冰雪旅游产品，突破冰雪旅游制约性瓶颈', '系列冰雪旅游'],
    ['a solution is a product, no programme', '培育推广一批低成本数字孪生解决方案', '低成本数字孪生解决方案'],
    ['园区 without a place is a class', '打造一批市级零碳园区', '市级零碳园区'],
    ['traits listed before 行业 are no industries', '加强对垄断、高收入等特殊行业收入分配的监督', '高收入'],
    ['a verb governing 经济 is no sector', '转变政府管理经济的方式', '政府管理经济'],
    ['an ordinal and a verb glued to 改革 are no programme', '二是深化改革扩大开放，', '二是深化改革'],
    ['reform of key fields names no programme', '抓好重点领域改革。', '重点领域改革'],
    ['战略 before 科技力量 qualifies, it names no strategy', '统筹在京国家战略科技力量建设', '京国家战略'],
  ])('%s', (_why, text, notName) => {
    expect(recognise(text).map(([, n]) => n)).not.toContain(notName);
  });

  it('never makes a generic word an entity', () => {
    const text = '加快推动产业发展,支持企业就业创业,建设园区、开发区和高新区,完善政策制度,实施行动计划和重大工程。';
    const names = recognise(text).map(([, n]) => n);
    expect(names.filter((n) => GENERIC_WORDS.has(n))).toEqual([]);
    expect(names).not.toContain('高新区');
  });

  it('starts no name with a separator', () => {
    const names = recognise('制定实施、动态优化稳就业系列政策，加强运力保障').map(([, n]) => n);
    expect(names.filter((n) => /^[、，]/.test(n))).toEqual([]);
  });

  it('recognises what a question is about', () => {
    expect(recognise('通州区到2025年高新技术企业目标是多少？')).toContainEqual(['Region', '通州区']);
    expect(recognise('新一代信息技术产业向哪些领域拓展')).toContainEqual(['Industry', '新一代信息技术产业']);
  });

  it('keeps an industry and the policy named after it apart', () => {
    const found = recognise('支持工业互联网发展,实施工业互联网创新发展行动计划');
    expect(found).toContainEqual(['Industry', '工业互联网产业']);
    expect(found).toContainEqual(['Policy', '工业互联网创新发展行动计划']);
  });
});
