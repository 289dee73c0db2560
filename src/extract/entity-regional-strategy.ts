// Rule entity.regional-strategy (graph/rules/policy.json "regionalStrategies"): an area named as 地区
// or 流域 and the development set for it (东南地区高质量发展, 宁杭地区双城经济圈建设) is a regional
// strategy, a policy by GUIDELINES 'Policy'.
import { z } from 'zod';
import type { EntityCandidate } from './entity-candidate.js';
import { readRuleFile } from './rule-files.js';
import { RULES } from './rule-ids.js';

const Rules = z.object({ regionalStrategies: z.object({ about: z.string(), areas: z.array(z.string()), aims: z.array(z.string()) }) });
const { regionalStrategies: r } = Rules.parse(readRuleFile('policy.json'));
const alt = (xs: string[]): string => [...xs].sort((a, b) => b.length - a.length).join('|');
/** Up to six characters and the area word, an optional aim joined by 和, then the development aim. */
const STRATEGY = new RegExp(`(\\p{Script=Han}{2,6}(?:${alt(r.areas)}))((?:\\p{Script=Han}{2,6}和)?(?:(?!深化|推动|推进|促进|加快)\\p{Script=Han}{2})?(?:${alt(r.aims)}))(?=[，。；、和等,;\\s]|$)`, 'gu');
/** Words that open a clause rather than name an area. */
const NOT_AREA = /^(推动|推进|促进|支持|加快|实施|深化|深入|全面|持续|着力|大力|积极|各|本|全)/;

const AREA_WORD = new RegExp(alt(r.areas));

export function regionalStrategyCandidates(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  // the full pattern is costly to try at every position: most passages name no 地区 or 流域
  if (!AREA_WORD.test(text)) return out;
  STRATEGY.lastIndex = 0;
  for (let m = STRATEGY.exec(text); m; m = STRATEGY.exec(text)) {
    let area = m[1]!;
    let start = m.index;
    // the area starts after a verb the regex took along (推动中部地区 → 中部地区)
    for (let verb = NOT_AREA.exec(area); verb; verb = NOT_AREA.exec(area)) {
      area = area.slice(verb[0].length);
      start += verb[0].length;
    }
    if (area.length < 4) continue;
    const end = m.index + m[0].length;
    out.push({ type: 'Policy', name: text.slice(start, end), start, end, rule: RULES.entityRegionalStrategy });
  }
  return out;
}
