// `npm run reference:build [-- --from DIR]`: turns the authoritative reference lists in
// ../shared/reference (see its README for provenance) into the project's lexicon data:
//   graph/reference/divisions.tsv          province / prefecture / county names with their parents
//   graph/reference/development-zones.tsv  the 2018 catalogue: name, province, level, type, leading industries
//   graph/lexicon/park-catalogue.txt       jieba entries: official zone names and their short forms → official name
//   graph/lexicon/region-divisions.txt     jieba entries: prefecture and county names
//   graph/lexicon/industry-gbt4754.txt     jieba entries: GB/T 4754-2017 industry names fit to be sector names
// Every file states its source in graph/reference/README.md. Run again when a reference list changes.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { zoneShortForms } from '../src/extract/zone-short-forms.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function readCsv(file: string): Array<Record<string, string>> {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = parseCsvLine(head!);
  return lines.map((l) => Object.fromEntries(parseCsvLine(l).map((v, i) => [cols[i]!, v])));
}

/** RFC 4180 fields: quoted fields may hold commas and doubled quotes. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}

const { values } = parseArgs({ options: { from: { type: 'string', default: path.resolve(ROOT, '../shared/reference') } } });
const from = values.from;
mkdirSync(path.join(ROOT, 'graph/reference'), { recursive: true });

// Divisions: placeholders (市辖区, 县 …) and statistical functional zones are not administrative units.
const divisions = readCsv(path.join(from, 'admin-divisions-2023.csv')).filter((d) => !d.note);
const byCode = new Map(divisions.map((d) => [d.code!, d]));
const divisionRows = divisions.map((d) => {
  const parent = d.parent_code ? byCode.get(d.parent_code!)?.name ?? '' : '';
  return [d.name, d.level, parent, d.province].join('\t');
});
writeFileSync(path.join(ROOT, 'graph/reference/divisions.tsv'), ['name\tlevel\tparent\tprovince', ...divisionRows].join('\n') + '\n');

// jieba entries for prefecture and county names the hand-made region lexicon lacks: without them jieba
// cuts 吴江区 into 吴江/nr 区/n. Two-character names (城区, 郊区, 矿区) are ordinary words too: left out.
const known = new Set(readFileSync(path.join(ROOT, 'graph/lexicon/region.txt'), 'utf8').split('\n').map((l) => l.split(' ')[0]));
const regionLines = [...new Set(divisions.filter((d) => d.level !== '省级' && d.name!.length >= 3 && !known.has(d.name!)).map((d) => d.name!))].map(
  (n) => `${n} 6000 Region`,
);
writeFileSync(path.join(ROOT, 'graph/lexicon/region-divisions.txt'), regionLines.join('\n') + '\n');

const zones = readCsv(path.join(from, 'development-zones-2018.csv'));
const zoneRows = zones.map((z) => [z.name, z.province, z.level, z.zone_type, z.leading_industries].join('\t'));
writeFileSync(path.join(ROOT, 'graph/reference/development-zones.tsv'), ['name\tprovince\tlevel\ttype\tleading_industries', ...zoneRows].join('\n') + '\n');

// Prefectures as texts write them before a zone's name (合肥 for 合肥市), by province.
const prefecturesOf = new Map<string, string[]>();
for (const d of divisions.filter((x) => x.level === '地级' && x.name!.endsWith('市'))) {
  prefecturesOf.set(d.province!, [...(prefecturesOf.get(d.province!) ?? []), d.name!.slice(0, -1)]);
}

// jieba entries: the official name, and each short form pointing at it. A short form claimed by two
// zones names neither, so it is left out.
const shortOwners = new Map<string, Set<string>>();
for (const z of zones) {
  for (const s of zoneShortForms(z.name!, z.province!, prefecturesOf.get(z.province!) ?? [])) {
    if (s === z.name) continue;
    shortOwners.set(s, (shortOwners.get(s) ?? new Set()).add(z.name!));
  }
}
const official = new Set(zones.map((z) => z.name!));
const parkLines = [...official].map((n) => `${n} 6000 Park`);
for (const [s, owners] of [...shortOwners].sort()) {
  if (owners.size === 1 && !official.has(s) && !s.includes(' ')) parkLines.push(`${s} 6000 Park=${[...owners][0]}`);
}
writeFileSync(path.join(ROOT, 'graph/lexicon/park-catalogue.txt'), parkLines.join('\n') + '\n');

// GB/T 4754 names ending like a sector (…业, …制造, …服务) become industry words; 门类 letters and
// residual classes (其他…) are no sector a text names. Two-character ones (农业, 渔业) count only where a
// text lists them as sectors (see entity-lexicon.ts).
const industries = readCsv(path.join(from, 'gbt4754-2017.csv'))
  .map((r) => r.name!)
  .filter((n) => /(业|制造|服务)$/.test(n) && !/^其他|及其他|、/.test(n) && n.length >= 2 && n.length <= 12);
writeFileSync(path.join(ROOT, 'graph/lexicon/industry-gbt4754.txt'), [...new Set(industries)].map((n) => `${n} 4000 Industry`).join('\n') + '\n');

console.log(`divisions ${divisionRows.length}, region entries ${regionLines.length}, zones ${zoneRows.length}, park entries ${parkLines.length}, industry entries ${new Set(industries).size}`);
