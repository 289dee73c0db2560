// Collects relation statements into relations: one per (type, from, to), weight = number of
// distinct supporting statements, evidence in document order.
import type { Evidence, Relation, RelationType } from '../model/index.js';

export interface RelationFact {
  type: RelationType;
  from: string;
  to: string;
  evidence: Evidence[];
}

export function collectRelations(facts: RelationFact[]): Relation[] {
  const byKey = new Map<string, Relation>();
  const seen = new Set<string>();
  for (const f of facts) {
    if (f.from === f.to) continue;
    const key = `${f.type}|${f.from}|${f.to}`;
    const rel = byKey.get(key) ?? { type: f.type, from: f.from, to: f.to, weight: 0, evidence: [] };
    byKey.set(key, rel);
    // a statement counts once however many rules or passes found it
    const evKey = `${key}|${f.evidence[0]?.passageId}|${f.evidence[0]?.start}`;
    if (seen.has(evKey)) continue;
    seen.add(evKey);
    rel.evidence.push(...f.evidence);
    rel.weight += 1;
  }
  for (const r of byKey.values()) if (r.evidence.length > 1) r.evidence.sort((a, b) => a.start - b.start || a.end - b.end);
  // sort by the precomputed key (type|from|to): building strings inside the comparator costs more than the rules
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}

/** Pairs already related in either direction, whatever the type (CO_OCCURS only fills the gaps). */
export function relatedPairs(relations: Relation[]): Set<string> {
  const out = new Set<string>();
  for (const r of relations) {
    out.add(`${r.from}|${r.to}`);
    out.add(`${r.to}|${r.from}`);
  }
  return out;
}
