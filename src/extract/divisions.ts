// China's administrative divisions (国家统计局 2023 statistical division codes, province / prefecture /
// county; graph/reference/divisions.tsv, built from ../shared/reference by scripts/build-reference-data.ts).
// Answers "which division is this name, and what contains it", for document regions and scope.
import { readFileSync } from 'node:fs';

export interface Division {
  name: string;
  level: '省级' | '地级' | '县级';
  /** The containing division's name ('' for a province). */
  parent: string;
  province: string;
}

const FILE = new URL('../../graph/reference/divisions.tsv', import.meta.url);

const DIVISIONS: Division[] = readFileSync(FILE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [name, level, parent, province] = line.split('\t');
    return { name: name!, level: level as Division['level'], parent: parent ?? '', province: province ?? '' };
  });

const SUFFIX = /(省|市|特别行政区|地区|盟|区|县|旗)$/;
/** 楚雄彝族自治州 → 楚雄: the peoples named before 自治 go with the level word. */
const AUTONOMOUS = /^(.{2,}?)(?:\p{Script=Han}{1,3}?族)*自治(?:区|州|县|旗)$/u;

/** The name a text writes without its level word: 江苏省 → 江苏, 南通市 → 南通, 通州区 → 通州 (two characters at least). */
export function shortDivisionName(name: string): string {
  const short = AUTONOMOUS.exec(name)?.[1] ?? name.replace(SUFFIX, '');
  return short.length >= 2 ? short : name;
}

const byName = new Map<string, Division[]>();
for (const d of DIVISIONS) {
  for (const key of new Set([d.name, shortDivisionName(d.name)])) byName.set(key, [...(byName.get(key) ?? []), d]);
}

/** Divisions a full or short name may stand for (several counties share a name: 通州区). */
export function divisionsNamed(name: string): Division[] {
  return byName.get(name) ?? [];
}

/** The full name with its containing prefecture for a county (南通市通州区), as a jurisdiction is written. */
export function qualifiedDivisionName(d: Division): string {
  return d.level === '县级' && d.parent && !d.name.startsWith(d.parent) ? d.parent + d.name : d.name;
}

/** Every division above `d`, nearest first. */
export function ancestorsOf(d: Division): string[] {
  const out: string[] = [];
  if (d.level === '县级' && d.parent) out.push(d.parent);
  if (d.level !== '省级' && d.province) out.push(d.province);
  return [...new Set(out)];
}

/** The longest division name (full or short) the text starts with, e.g. 安徽省人民政府办公厅 → 安徽省. */
export function leadingDivision(text: string): Division | undefined {
  for (let n = Math.min(12, text.length); n >= 2; n--) {
    const found = divisionsNamed(text.slice(0, n));
    if (found.length === 1) return found[0];
    if (found.length > 1) return found.find((d) => d.level === '省级') ?? found.find((d) => d.level === '地级');
  }
  return undefined;
}
