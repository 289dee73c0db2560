// The short forms a text uses for an official development-zone name (2018 catalogue): without the
// province prefix (河北平山经济开发区 → 平山经济开发区) and with the type abbreviated
// (合肥高新技术产业开发区 → 合肥高新区, 北京经济技术开发区 → 北京经开区, 苏州工业园区综合保税区 → …综保区).
// Pure; shared by the reference-data builder and name resolution.

/** Official type words and the abbreviations texts write for them, longest first. */
const TYPE_ABBREVIATIONS: Array<[string, string[]]> = [
  ['高新技术产业开发区', ['高新区', '高新技术开发区']],
  ['高新技术产业园区', ['高新区', '高新园区']],
  ['经济技术开发区', ['经开区', '开发区']],
  ['经济开发区', ['经开区', '开发区']],
  ['综合保税区', ['综保区']],
];

const PROVINCE_SUFFIX = /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/;

/** The province's name as texts write it before a zone: 江苏省 → 江苏, 广西壮族自治区 → 广西. */
export function provinceShortName(province: string): string {
  const short = province.replace(PROVINCE_SUFFIX, '');
  return short.length >= 2 ? short : province;
}

/**
 * `places` are the prefectures of the zone's province as texts write them (合肥 for 合肥市): a zone
 * named after its prefecture and district is written without the prefecture too (合肥庐阳经济开发区 →
 * 庐阳经济开发区).
 */
/** The name keeps a place of its own before its type word (庐阳经济开发区), not a bare type (高新技术产业开发区). */
function hasOwnStem(rest: string): boolean {
  const type = TYPE_ABBREVIATIONS.find(([t]) => rest.endsWith(t))?.[0] ?? rest.match(/(经济开发区|工业园区|开发区|园区|区)$/)?.[0] ?? '';
  return rest.length - type.length >= 2;
}

export function zoneShortForms(name: string, province: string, places: readonly string[] = []): string[] {
  const bodies = new Set([name]);
  const provinceless = [province, provinceShortName(province)].filter((p) => name.startsWith(p)).map((p) => name.slice(p.length));
  for (const rest of provinceless) {
    // what is left must still name a place: two characters before the type word at least
    if (rest.length >= 6) bodies.add(rest);
  }
  for (const base of [name, ...provinceless]) {
    for (const place of places) {
      const rest = base.startsWith(place) ? base.slice(place.length) : '';
      if (rest.length >= 6 && hasOwnStem(rest)) bodies.add(rest);
    }
  }
  const out = new Set<string>();
  for (const b of bodies) {
    out.add(b);
    for (const [type, abbreviations] of TYPE_ABBREVIATIONS) {
      if (!b.endsWith(type)) continue;
      const stem = b.slice(0, -type.length);
      if (stem.length >= 2) for (const a of abbreviations) out.add(stem + a);
      break;
    }
  }
  return [...out];
}
