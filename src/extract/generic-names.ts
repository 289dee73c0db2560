// Words that look like names but name nothing in particular: bare suffixes (产业, 高新区), class
// words (主导产业, 新兴产业), verbs. None of them may become an entity on its own.
import type { EntityType } from '../model/index.js';

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Generic for every type. */
export const GENERIC_WORDS = words(`
  加快 推动 推进 建设 发展 实施 落实 完善 开展 支持 培育 打造 构建 创新 改革 开放 服务 管理 保障 提升
  产业 行业 工业 企业 作业 事业 专业 就业 创业 商业 实业 物业 职业 营业 主业 经济 项目 平台 载体 领域
  实体经济 世界经济 国民经济 宏观经济 社会经济 市场经济 区域经济 城市经济 全球经济 国内经济 国际经济 规模经济 对外贸易 国际贸易 多边贸易
  相关产业 重点产业 配套产业 关联产业 实体产业 上下游产业 本地产业 新产业 重点行业 传统行业 新兴行业
  园区 开发区 高新区 新区 示范区 示范园 示范园区 产业园 产业园区 工业园 工业园区 科技园 科技园区 试验区 自贸区
  创新区 经开区 集聚区 合作区 实验区 先行区 先导区 基地 小镇 新片区 保税区 科学城 科技城 大学城 物流园 物流园区
  软件园 创业园 民办园 公办园 中试基地 生产基地 研发基地 示范基地 教育基地 培训基地 实训基地 孵化基地 创新基地 产业基地 特色园区
  政策 制度 计划 工程 行动 战略 规划 体制 机制 条例 纲要 行动计划 专项行动 重大工程 重点工程 国家战略 重大战略
  重大国家战略 国家重大战略 国家重大发展战略 发展战略 产业发展政策 相关政策 配套政策 扶持政策 优惠政策 支持政策 产业政策 各项政策 基本制度 管理制度
  政府 部门 单位 机构 有关部门 相关部门 各部门 地方政府 各级政府 人民政府 委员会 办公室 公司 集团 银行 大学
  地区 区域 城市 城镇 农村 乡村 社区 城区 全国 全省 全市 全区 国家 省 市 区 县
`);

/** Leading words that, with nothing else but the suffix, make a class name ("国家级高新区", "省级开发区"). */
const LEVEL_WORDS = /^(国家级|省级|市级|县级|区级|国家|省|市|县|区|各类|各级|各项|一批|多个|若干|重点领域|关键领域|重要领域|各领域|深层次|更深层次|地方|重点|新型|大型|小型|中小型|综合|专业|新兴|优势|传统|重要|高端|国际|世界级|一流|高水平|高质量|创新型)+$/;

/**
 * GUIDELINES "Industry": broad groupings are acceptable names and the heads that sectors are listed
 * under (A、B、C三大主导产业 → PART_OF 主导产业).
 */
const GROUPINGS = words(`主导产业 新兴产业 特色产业 优势产业 传统产业 支柱产业 先导产业 地标产业 基础产业 朝阳产业 优势特色产业
  特色优势产业 未来产业 新兴产业 战略性新兴产业 先进制造业 现代服务业 生产性服务业 生活性服务业 绿色产业`);

/** Industry bodies that only qualify (主导 + 产业) rather than name. */
const INDUSTRY_CLASS = /^[强大做]?(世界级|主导|新兴|特色|优势|传统|支柱|地标|相关|重点|配套|关联|实体|上下游|本地|基础|新|朝阳|夕阳|先导|首位|核心|龙头|骨干|群体|非农|支柱性|前沿性|前沿|绿色|高端|优质|重要|各类|其他|其它|这些|相应|本土|当地|区域|全市|全省|全区|新型|现代|新一代)+$/;

/** A counted class ("三项制度", "三大工程", "两个中心"). */
const COUNTED = /^(?!\d{3,}$)[一二三四五六七八九十两\d]+[大项个类批条种]?$/;

/** A counted class with any suffix ("三大工程", "三项制度", "两个基地"). */
const COUNTED_CLASS = /^[一二三四五六七八九十两\d]+[大项个类批条种](工程|制度|行动|计划|政策|战略|规划|产业|基地|园区|中心|机制)$/;

/** Words that only rank or size a class of zone: 省级高新技术开发区, 全球最大自由贸易区 name no one zone. */
const PARK_CLASS_PREFIX = /^(国家级|省级|市级|县级|区级|国家|全球最大|全国|各类|各级|一批|特色|公共|重点|综合)+/;
const PARK_CLASS_WORDS = words(`综合保税区 自由贸易区 自由贸易试验区 自贸试验区 保税港区 出口加工区 经济开发区 经济技术开发区 高新技术产业开发区
  高新技术开发区 特色产业园区 实训基地 科普基地 边境经济合作区 跨境经济合作区 工业集中区 产业集聚区 自由贸易港 开发区 园区`);

export function isGenericName(type: EntityType, name: string, suffix = ''): boolean {
  if (name.length < 2 || name.length > 30) return true;
  if (GENERIC_WORDS.has(name)) return true;
  // broad groupings are names even though their body only qualifies (传统产业, 主导产业)
  if (type === 'Industry' && GROUPINGS.has(name)) return false;
  if (type === 'Park') {
    const rest = name.replace(PARK_CLASS_PREFIX, '');
    if (PARK_CLASS_WORDS.has(rest) || GENERIC_WORDS.has(rest)) return true;
  }
  const body = suffix && name.endsWith(suffix) ? name.slice(0, name.length - suffix.length) : '';
  if (body && (LEVEL_WORDS.test(body) || COUNTED.test(body))) return true;
  if (COUNTED_CLASS.test(name)) return true;
  if (type === 'Industry') {
    const stem = name.replace(/(产业|业)$/, '');
    if (stem !== name && (INDUSTRY_CLASS.test(stem) || /型$/.test(stem))) return true;
  }
  // a name that is only digits, Latin letters or numerals names nothing — but a generation of a
  // technology does (5G, 6G)
  if (type === 'Industry' && /^\d+G$/.test(name)) return false;
  return /^[\d\s.%A-Za-z一二三四五六七八九十百千万亿]+$/.test(name);
}
