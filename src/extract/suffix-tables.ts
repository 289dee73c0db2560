// Name suffixes per entity type, with the words that look like a suffix but are not one
// (公园 ends in 园, 格局 in 局) and the words that, following a suffix, show it was not the end of
// a name (人才政策体系, 产业结构).
import type { EntityType } from '../model/index.js';
import type { RuleId } from './rule-ids.js';
import { RULES } from './rule-ids.js';
import type { GrowOptions } from './grow-name.js';

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

export interface SuffixTable {
  type: EntityType;
  rule: RuleId;
  /** Longest first. */
  suffixes: string[];
  /** Suffixes that must be a whole token (a single character such as 园 or 谷 inside a word means nothing). */
  wholeTokenOnly: Set<string>;
  /** Ordinary words ending in a suffix: a token ending with one of them is no name (公园, 调整机制, 骨干企业). */
  blockedEndings: Set<string>;
  /** A following token that shows the suffix does not end a name. */
  continuations: Set<string>;
  grow: GrowOptions;
  /** Suffixes whose name needs a proper-noun body (a place, an unknown word, a level prefix): 基地, 银行. */
  needsProperBody: Set<string>;
  /** Suffixes whose body must be at least 3 characters (人才政策, 水利工程 are classes, not names). */
  needsLongBody: Set<string>;
}

const byLength = (a: string, b: string): number => b.length - a.length;

function table(
  type: EntityType,
  rule: RuleId,
  suffixes: string,
  opts: { whole?: string; blocked?: string; continuations?: string; proper?: string; long?: string; grow: GrowOptions },
): SuffixTable {
  return {
    type,
    rule,
    suffixes: words(suffixes).sort(byLength),
    wholeTokenOnly: new Set(words(opts.whole ?? '')),
    blockedEndings: new Set(words(opts.blocked ?? '')),
    continuations: new Set(words(opts.continuations ?? '')),
    grow: opts.grow,
    needsProperBody: new Set(opts.proper === '*' ? words(suffixes) : words(opts.proper ?? '')),
    needsLongBody: new Set(words(opts.long ?? '')),
  };
}

export const SUFFIX_TABLES: SuffixTable[] = [
  table(
    'Park',
    RULES.entitySuffixPark,
    `高新区 高新技术产业开发区 经济技术开发区 开发区 经开区 产业园区 产业园 工业园区 工业园 工业集中区 科技园区 科技园
     软件园 创业园 物流园区 物流园 示范区 示范园区 示范园 新区 新片区 创新区 试验区 自贸区 保税区 合作区 实验区 先行区
     先导区 集聚区 科学城 科技城 大学城 谷 园 基地 小镇`,
    {
      whole: '谷 园',
      blocked: `公园 花园 校园 家园 乐园 幼儿园 动物园 植物园 陵园 庄园 果园 茶园 菜园 田园 游乐园 园园 桃园 低谷 山谷 峡谷
        河谷 稻谷 粮谷 波谷 入园 进园 办园 宅基地 根据地 营地 田园 菜园 苗圃园 墓园 园林`,
      continuations: '内 外 区 规划 企业 管委会 管理委员会',
      proper: '基地 集聚区',
      grow: { maxLength: 18, stopAtOuterVerb: true },
    },
  ),
  table('Industry', RULES.entitySuffixIndustry, '产业 业', {
    blocked: `企业 就业 创业 行业 专业 作业 事业 职业 营业 物业 农业 工业 商业 实业 主业 副业 伟业 学业 失业 毕业 复业 转业 从业
      开业 歇业 停业 同业 各业 百业 执业 大业 家业 基业 功业 霸业 各行业 各行各业 农林牧渔业 企事业 毕业 结业 肄业 敬业 乐业`,
    continuations: `结构 布局 链 集群 体系 生态 基础 工人 项目 基金 政策 园 园区 平台 用地 投资 升级 转型 化 队伍 工作 发展
      规模 门类 分工 梯度 合作 联盟 协会 人才 用工 技术 工艺 领域 示范园 示范区 基地 集聚 集聚区 带 组织 资本 模式
      招商 链条 配套 创新 融合 协作 集聚度 竞争力 能级 层次 质量 效益 增加值 产值 营收 大会 会议 论坛
      博览会 展会 企业 关键 环节`,
    grow: { maxLength: 12, stopAtRegion: true, stopAtVerb: true, stripPrefix: /^(省级|市级|县级|国家级|县域|全省|全市|全区|全国|工业|我省|我市|本市|[一二三四五六七八九十两\d]+大)/, stopAtIndustry: true },
  }),
  table('Policy', RULES.entitySuffixPolicy, '行动计划 计划 工程 行动 政策 制度 战略 规划 条例 纲要 制', {
    blocked: `体制 机制 控制 编制 限制 抑制 管制 研制 压制 节制 复制 定制 建制 税制 法制 学制 规制 专制 强制 牵制 克制 遏制 绘制
      自制 改制 压制 轮值 期制 所有制 公有制 创制 承制 抵制 全日制 责任制 税制 兵制`,
    continuations: `体系 措施 工具 框架 文件 环境 红利 效应 取向 空间 改革 建设 创新 安排 优势 执行 实施 落实 要求 目标 任务
      师 技术 项目 管理 设计 布局 储备 研究 编制 意识 能力 合力 协同 衔接 支持 举措`,
    long: '行动计划 计划 工程 行动 政策 制度 战略 规划',
    grow: { maxLength: 20, joinCoordinate: true },
  }),
  table(
    'Organization',
    RULES.entitySuffixOrganization,
    `人民政府办公厅 人民政府 办公厅 办公室 委员会 管委会 总局 总署 集团 有限公司 公司 银行 大学 学院 研究院 研究所
     科学院 交易所 协会 商会 联合会 法院 检察院 部 厅 局 委 署`,
    {
      whole: '部 厅 局 委 署',
      proper: '*',
      blocked: '格局 布局 结局 大局 全局 开局 当局 干部 内部 外部 全部 局部 东部 西部 中部 北部 南部 总部 基层部',
      continuations: '主任 书记 局长 厅长 部长 领导 工作 职能 系统 干部',
      grow: { maxLength: 20, allowAnd: true },
    },
  ),
];
