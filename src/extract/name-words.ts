// Word lists that decide where a name starts when we grow it leftwards from its suffix
// ("…推进海智汇园建设" → 海智汇园). jieba's part-of-speech tags are too noisy to decide alone.
import type { Token } from '../model/index.js';

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Function words: never inside a name. */
export const FUNCTION_WORDS = words(`
  的 之 地 得 和 与 及 以及 或 或者 并 并且 而 而且 等 等等 在 于 对 对于 向 由 以 为 从 自 把 将 被 让 使 给
  同 跟 按 按照 依照 依据 根据 通过 经 经过 关于 针对 沿 沿着 是 有 也 都 又 再 还 就 才 所 其 其中 这 那 该
  此 各 每 既 即 但 则 如 像 比 较 至 到 以上 以下 以内 左右 方面 同时 此外 以来 期间 为主 之一 着 了 过 中 上
  下 内 外 里 后 前 间 时 好 更 最 很 个 只 仅 均 共 另 做 作 去 来 能 要 会 可 应 需 须 必须 不 没 无 未 非 亦 且 乃 若 如果 因 因为 所以 由于 为了 以便 包括 涉及 推进行 领域 方面 环节 会同 联合 不得 务必 严禁 禁止 防止 避免 负责 设在 由省 由市
`);

/** Verbs and adverbs that open a predicate: a name starts after them (unless one sits right before the suffix). */
export const LEADING_WORDS = words(`
  推进 推动 加快 加速 实施 落实 完善 开展 深入开展 发挥 对接 支持 鼓励 引导 培育 发展 打造 构建 建立 健全
  深化 强化 加强 提升 提高 扩大 促进 优化 聚力 聚焦 争创 创建 创成 设立 组建 举办 做大 做强 做大做强 做优 做精
  壮大 发展壮大 引进 巩固 保持 规划 争取 参与 融入 用好 申报 认定 获批 批准 成立 启动 探索 建成 形成 实现 推广
  承接 布局 招引 集聚 服务 助力 带动 依托 围绕 瞄准 面向 立足 坚持 继续 切实 加大 努力 力争 确保 主动 更好 不断
  逐步 全力 积极 大力 着力 全面 持续 进一步 深入 扎实 稳步 有序 统筹 高标准 高水平 全方位 充分 抓好 做好
  搞好 办好 改造 改造提升 拓展 延伸 实行 执行 贯彻 贯彻落实 深入实施 全面实施 大力实施 大力发展 加快发展 积极发展
  重点发展 培植 扶持 规范 落实好 用足 支撑 保障 确立 深入推进 扎实推进 加快推进 全面推进 积极推进 稳步推进
  有序推进 持续推进 大力推进 着力推进 推进实施 高质量 加快建设 积极创建 争取 谋划 编制 制定 出台 修订 研究 明确
  严格 严守 严格落实 落地 落细 实现 提速 提档 升级 提档升级 注重 重视 突出 强调 紧扣 紧盯 抢抓 抓住 把握 用活
  不断完善 持续完善 进一步完善 加快完善 健全完善 这一 改革 应用 建立健全 全面推行 推行 认真执行 严格执行 适时调整 调整 综合运用 运用 处理 创造 破除 试行 扩展 兴办 整顿
  合理配置 逐步形成 兴建 修改 理顺 造成 出去 代表 关进 开发 建好 管好 运营 建设 培养 增强 增加 增设 利用 疏通 搞 打通 设在 会同 新增 推出 引入 吸引 对标 营造 优化提升 整合 联合 共建 共享 牵头 配合 协同 实施好 全面落实 认真落实 聚 办 抓 建
  打好 打赢 打造好 开放 创办 创设 申建 打响 擦亮 叫响 放大 做深 做实 做细 筹建 新建 扩建 续建 改建 完成 入选 获评 命名 获得
  取得 迈向 走向 建设成 建成为 成为 作为 视为 列为 纳入 加入 进入 参加 对标 学习 借鉴 复制 推行 拥有 具有 形成
  高起点 大手笔 系统 精准 精心 全域 深度 广泛 更大 更加 大幅 显著 明显 努力 尽快 抓紧 全速 全面 继续 同步
  始终 一直 长期 已经 已 正在 正 将 即将 初步 基本 主要 重点 着重 优先 率先 先行 首先 充分 合理 科学 有效
  评为 被评为 选为 力度 一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 进行 各项
`);

/** Verbs that may sit inside a name, right before a bare suffix (提升行动, 倍增计划, 惠民工程, 联动创新区). */
export const INNER_VERBS = words(`
  提升 倍增 振兴 发展 创新 建设 整治 培育 提质 扩面 强基 赋能 转型 升级 示范 引领 推广 融合 攻坚 保护 修复 治理
  改造 增强 深化 提高 促进 带动 联动 协同 保障 服务 支持 扶持 激励 构建 突破 壮大 引进 共建 互通 贯标 崛起 开放
  惠民 富民 强链 补链 延链 育苗 登云 上云 护航 领航 起航 倍增 提速 攀登 筑峰 蓄水 领军 扬帆 启航 腾飞 安居 兴业
  减负 降本 增效 合作 振兴发展 转型升级 提档 赶超 跨越 集聚 孵化 加速 优化 行动 计划 自主 应用 改革 结合
  试验 研发 加工 制造 出口 进口 保税 交易 贸易 转化 创业 就业 共享 共治 一体化 高质量发展
`);

/** Words dropped from the front of a grown name ("全省…", "一批…"). */
export const STRIP_PREFIXES = words(`
  全省 全市 全区 全县 全镇 全国 全域 我省 我市 我区 我县 本市 本省 本区 本县 各 各类 各级 各地 各个 一批 一系列 一些
  新一轮 一个 一流 若干 大 小 首个 首批 首家 相关 有关 统一 所有 其他 其它 多个 一大批 一揽子 一大 该 本 上述 下列 以下 首批 第一批
`);

/** Tags that always end a name: prepositions, conjunctions, particles, pronouns, adverbs, numerals, idioms. */
const BOUNDARY_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'r', 'rr', 'rz', 'd', 'm', 'mq', 'q', 'y', 'e', 'o', 'i', 'f', 'zg']);

const NUMERAL_TAGS = new Set(['m', 'mq', 'q']);
const GROUP_COUNT = /^[一二三四五六七八九十两]+大$/;
const NUMERAL = /[\d一二三四五六七八九十百千万亿两几数〇]/;

const PUNCT_OR_SPACE = /^[\s\p{P}\p{S}]+$/u;

/** True when the token can never be part of a name. */
export function isHardBoundary(token: Token): boolean {
  if (PUNCT_OR_SPACE.test(token.word)) return true;
  if (FUNCTION_WORDS.has(token.word)) return true;
  // a one-character verb (落, 使, 搞) never sits inside a name
  if (token.tag === 'v' && token.word.length === 1) return true;
  // a group count (三大, 十大) closes a list, whatever jieba tags it
  if (GROUP_COUNT.test(token.word)) return true;
  if (!BOUNDARY_TAGS.has(token.tag)) return false;
  // jieba tags 零部件 "mq": a numeral tag only ends a name when the word holds a numeral.
  if (NUMERAL_TAGS.has(token.tag)) return NUMERAL.test(token.word) || token.word.length === 1;
  return true;
}

export function isPunctuation(word: string): boolean {
  return PUNCT_OR_SPACE.test(word);
}
