// Rule entity.heading-industry (graph/rules/heading.json): a section heading that sets a sector to
// grow ("第三节加快发展林下资源开发创新产业") names that sector whole, verbs and 的 included — a
// heading is a title, not a clause, so the words that end a name in running text belong to it.
import { z } from 'zod';
import type { EntityCandidate } from './entity-candidate.js';
import { readRuleFile } from './rule-files.js';
import { RULES } from './rule-ids.js';
import { isGenericName } from './generic-names.js';

const HeadingRules = z.object({ rule: z.literal(RULES.entityHeadingIndustry), about: z.string(), verbs: z.array(z.string()), ends: z.array(z.string()), notEnds: z.array(z.string()) });
const rules = HeadingRules.parse(readRuleFile('heading.json'));
const VERBS = [...rules.verbs].sort((a, b) => b.length - a.length);
const ENDS = new RegExp(`(${rules.ends.join('|')})$`);
const NOT_ENDS = new RegExp(`(${rules.notEnds.join('|')})$`);

/** A heading's ordinal (第二节, 三、, （四）); a contents line may hold several headings in a row. */
const ORDINAL = /(第[一二三四五六七八九十百]+[章节篇]|^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）)/g;
const LINE = /[^\n]+/g;

export function headingCandidates(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  LINE.lastIndex = 0;
  for (let line = LINE.exec(text); line; line = LINE.exec(text)) {
    if (line[0].length > 60 || /[。；，,;]/.test(line[0])) continue;
    ORDINAL.lastIndex = 0;
    const marks = [...line[0].matchAll(ORDINAL)];
    if (marks.length === 0 || marks[0]!.index !== 0) continue;
    marks.forEach((m, i) => {
      const from = m.index! + m[0].length;
      const to = i + 1 < marks.length ? marks[i + 1]!.index! : line![0].length;
      const c = sectorOf(line![0].slice(from, to).trimEnd(), line!.index + from);
      if (c) out.push(c);
    });
  }
  return out;
}

/** The sector after the heading's last development verb, when what follows ends in an industry word. */
function sectorOf(title: string, offset: number): EntityCandidate | undefined {
  if (!ENDS.test(title) || NOT_ENDS.test(title)) return undefined;
  let cut = -1;
  for (const v of VERBS) {
    const at = title.lastIndexOf(v);
    if (at >= 0 && at + v.length > cut) cut = at + v.length;
  }
  const name = cut >= 0 ? title.slice(cut) : '';
  if (name.length < 3 || name.length > 14 || isGenericName('Industry', name)) return undefined;
  return { type: 'Industry', name, start: offset + cut, end: offset + title.length, rule: RULES.entityHeadingIndustry };
}
