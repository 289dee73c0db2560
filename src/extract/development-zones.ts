// The 2018 national catalogue of development zones (《中国开发区审核公告目录（2018年版）》, 2,543 zones;
// graph/reference/development-zones.tsv, built from ../shared/reference by scripts/build-reference-data.ts):
// what the catalogue says of a park the text names — province, level, type, leading industries.
import { readFileSync } from 'node:fs';

export interface CataloguedZone {
  name: string;
  province: string;
  /** 国家级 or 省级. */
  level: string;
  /** 经济技术开发区, 高新技术产业开发区, 海关特殊监管区域, … */
  type: string;
  leadingIndustries: string[];
  source: string;
}

export const ZONE_CATALOGUE_SOURCE = '中国开发区审核公告目录（2018年版）';

const FILE = new URL('../../graph/reference/development-zones.tsv', import.meta.url);

const ZONES = new Map<string, CataloguedZone>(
  readFileSync(FILE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [name, province, level, type, industries] = line.split('\t');
      const zone: CataloguedZone = {
        name: name!,
        province: province ?? '',
        level: level ?? '',
        type: type ?? '',
        leadingIndustries: (industries ?? '').split('、').filter(Boolean),
        source: ZONE_CATALOGUE_SOURCE,
      };
      return [zone.name, zone];
    }),
);

/** The catalogue's record of a zone by its official name or any of the names given (aliases). */
export function catalogueRecord(names: readonly string[]): CataloguedZone | undefined {
  for (const n of names) {
    const zone = ZONES.get(n);
    if (zone) return zone;
  }
  return undefined;
}
