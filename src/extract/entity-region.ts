// Rule entity.suffix-region: a place name (jieba tag ns) ending in an administrative suffix, or
// followed by one as its own token (通州区, 海拉尔区, 呼伦贝尔市 + 海拉尔 + 区). Generic area words
// (园区, 城区, 社区, 景区 …) are not regions.
import type { Token } from '../model/index.js';
import type { EntityCandidate } from './entity-candidate.js';
import { RULES } from './rule-ids.js';

const ADMIN_SUFFIX = /(省|市|区|县|州|盟|旗|镇|乡|自治区|自治州|自治县|特别行政区)$/;
const ADMIN_TOKEN = new Set(['省', '市', '区', '县', '州', '盟', '旗', '镇', '乡', '自治区', '自治州', '自治县']);
const NOT_REGION = new Set(
  `园区 城区 社区 景区 市区 郊区 小区 片区 街区 山区 牧区 林区 灾区 新区 辖区 全区 全市 全省 全县 城市 都市 超市 上市 开发区
   高新区 试验区 示范区 保护区 风景区 功能区 核心区 集聚区 老城区 主城区 中心城区 新城区 城乡 城镇 乡镇 村镇 集镇 重镇
   名镇 古镇 小镇 乡县 各省 各市 各区 各县 本市 本省 本区 外省 外市 该市 该县 我省 我市 我区 我县 特区 湾区 大湾区 库区
   矿区 园区内 城区内 市县 省市 区县 县区 县市 省区 地市 州市 盟市 旗县 苏区 老区 边区 藏区 战区 军区 营区 校区 园区`.split(/\s+/),
);

export function regionSuffixCandidates(text: string, tokens: Token[]): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tag !== 'ns') continue;
    let end = t.end;
    const next = tokens[i + 1];
    if (ADMIN_SUFFIX.test(t.word)) {
      if (t.word.length < 3 || NOT_REGION.has(t.word)) continue;
    } else if (next && ADMIN_TOKEN.has(next.word) && t.word.length >= 2) {
      end = next.end;
    } else continue;
    const name = text.slice(t.start, end);
    if (NOT_REGION.has(name) || /(城市|都市|城区|上市)$|[名强大重古][县镇市]$/.test(name)) continue;
    out.push({ type: 'Region', name, start: t.start, end, rule: RULES.entitySuffixRegion });
  }
  return out;
}
