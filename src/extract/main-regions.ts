// The document's own province, city and district: the most mentioned region of each level. Used to
// qualify bare level-prefixed organisations ("省财政厅" in an Anhui document is 安徽省财政厅), so two
// provinces' finance departments do not merge into one entity.

export interface MainRegions {
  province?: string;
  city?: string;
  district?: string;
}

const LEVELS: Array<[keyof MainRegions, RegExp]> = [
  ['province', /(省|自治区)$/],
  ['city', /市$/],
  ['district', /(区|县|旗)$/],
];

export function mainRegions(regionNames: string[]): MainRegions {
  const counts = new Map<string, number>();
  for (const n of regionNames) counts.set(n, (counts.get(n) ?? 0) + 1);
  const out: MainRegions = {};
  for (const [level, re] of LEVELS) {
    let best: string | undefined;
    let bestCount = 0;
    // ties go to the name first in code-point order, so the result does not depend on input order
    for (const [name, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (re.test(name) && count > bestCount) {
        best = name;
        bestCount = count;
      }
    }
    if (best) out[level] = best;
  }
  return out;
}

/** "省财政厅" → "安徽省财政厅" when the document's province is known; other names unchanged. */
export function qualifyOrganization(name: string, regions: MainRegions): string {
  const prefix = name[0];
  const region = prefix === '省' ? regions.province : prefix === '市' ? regions.city : prefix === '区' || prefix === '县' ? regions.district : undefined;
  if (!region || name.length < 3) return name;
  // the district level must match its suffix (区 → …区, 县 → …县)
  if ((prefix === '区' || prefix === '县') && !region.endsWith(prefix)) return name;
  return region + name.slice(1);
}
