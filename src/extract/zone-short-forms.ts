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

export function zoneShortForms(name: string, province: string): string[] {
  const bodies = new Set([name]);
  for (const prefix of [province, provinceShortName(province)]) {
    const rest = name.startsWith(prefix) ? name.slice(prefix.length) : '';
    // what is left must still name a place: two characters before the type word at least
    if (rest.length >= 6) bodies.add(rest);
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
