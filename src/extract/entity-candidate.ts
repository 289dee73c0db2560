// A possible entity mention found by one rule in one text, before document-level resolution.
import type { EntityType } from '../model/index.js';
import { RULES, type RuleId } from './rule-ids.js';

export interface EntityCandidate {
  type: EntityType;
  /** The name as written (quotes stripped). */
  name: string;
  /** Canonical name given by the lexicon for an alias ("工信部" → "工业和信息化部"). */
  canonical?: string;
  /** Offsets local to the text the rule read. */
  start: number;
  end: number;
  rule: RuleId;
}

/** Rules that read a curated source rank above pattern rules when two candidates cover the same span. */
const RULE_RANK: Partial<Record<RuleId, number>> = {
  [RULES.entityLexicon]: 3,
  [RULES.entityTitledDocument]: 2,
  [RULES.entityQuotedProgramme]: 2,
  // a quoted item of a zone list (“A”、“B”等示范区) names a zone, not a slogan
  [RULES.entityZoneList]: 3,
};

/**
 * A shorter name inside a longer one of another type stays a mention of its own: a Region (南通 in
 * 南通高新区) for containment, an Industry in a programme's or a zone's name (直播电商 in
 * 直播电商发展三年行动) for what the programme supports and the zone hosts, a Park in a programme's
 * name (滨江商务区 in 滨江商务区及周边地区专项规划) for what the programme supports.
 */
function nestsIn(c: EntityCandidate, outer: EntityCandidate): boolean {
  const nestable = (c.type === 'Region' && outer.type !== 'Region') || (c.type === 'Industry' && (outer.type === 'Policy' || outer.type === 'Park')) || (c.type === 'Park' && outer.type === 'Policy');
  return nestable && c.start >= outer.start && c.end <= outer.end;
}

/**
 * Keeps the longest candidate where candidates overlap; a nested name survives (nestsIn).
 */
export function selectCandidates(candidates: EntityCandidate[]): EntityCandidate[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || (RULE_RANK[b.rule] ?? 1) - (RULE_RANK[a.rule] ?? 1) || a.start - b.start,
  );
  const kept: EntityCandidate[] = [];
  for (const c of sorted) {
    const clash = kept.find((k) => c.start < k.end && k.start < c.end);
    if (!clash) kept.push(c);
    else if (nestsIn(c, clash)) {
      if (!kept.some((k) => k !== clash && c.start < k.end && k.start < c.end)) kept.push(c);
    }
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
