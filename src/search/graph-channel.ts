// The graph channel: what the graph knows the query is about. Passages stating the Target facts whose
// metric the query names (the passage a number comes from), passages mentioning the entities it
// names, and, at half weight, passages mentioning their one-hop neighbours by a stated relation.
import { RELATION_TYPES, type RelationType } from '../model/index.js';
import type { PassageHit } from '../store/port.js';
import { rankFoundTargets, targetLookups } from './find-targets.js';
import type { SearchDeps } from './search-deps.js';
import type { QuestionAnalysis } from './understand-question.js';

/** Relations stated in the text; CO_OCCURS is only the fallback and would flood the expansion. */
export const STATED_RELATIONS: RelationType[] = RELATION_TYPES.filter((t) => t !== 'CO_OCCURS');

const NEIGHBOUR_WEIGHT = 0.5;
/** A passage stating a matching target outranks one that merely mentions an entity. */
const TARGET_WEIGHT = 2;
const MAX_EXPANDED_ENTITIES = 5;
const NEIGHBOURS_PER_ENTITY = 10;

/**
 * Regions are left out: the region a document is about is mentioned in most of its passages, so it
 * would only add a flat vote for them, and full-text already matches its name.
 */
export async function graphPassages(deps: Pick<SearchDeps, 'store'>, query: string, analysis: QuestionAnalysis, k: number): Promise<PassageHit[]> {
  const focus = analysis.entities.filter((e) => e.type !== 'Region');
  const ids = focus.map((e) => e.id);
  // One round trip: the store's graph look-up (mentions and capped expansion) with the target
  // look-ups riding along; then at most one more for the passages stating the targets.
  const lookups = targetLookups(query, analysis);
  const found =
    ids.length || lookups
      ? await deps.store.graphChannel(ids, { rels: STATED_RELATIONS, expandFrom: MAX_EXPANDED_ENTITIES, perEntity: NEIGHBOURS_PER_ENTITY, k, ...(lookups ? { targets: lookups } : {}) })
      : { direct: [], expanded: [] };
  const { direct, expanded } = found;
  const targets = lookups ? rankFoundTargets(found.targets ?? [], query, analysis) : [];

  const scored = new Map<string, { hit: PassageHit; score: number; order: number }>();
  const add = (hits: readonly PassageHit[], weight: number): void => {
    for (const hit of hits) {
      const entry = scored.get(hit.passage.id) ?? { hit, score: 0, order: scored.size };
      entry.score += weight * hit.score;
      scored.set(hit.passage.id, entry);
    }
  };
  const targetScore = new Map<string, number>();
  for (const { target, score } of targets) {
    const id = target.evidence.passageId;
    targetScore.set(id, Math.max(targetScore.get(id) ?? 0, score));
  }
  const stating = targetScore.size ? await deps.store.getPassages([...targetScore.keys()]) : [];
  add(
    stating.map((hit) => ({ ...hit, score: targetScore.get(hit.passage.id) ?? 0 })),
    TARGET_WEIGHT,
  );
  add(direct, 1);
  add(expanded, NEIGHBOUR_WEIGHT);
  return [...scored.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, k)
    .map(({ hit, score }) => ({ ...hit, score }));
}
