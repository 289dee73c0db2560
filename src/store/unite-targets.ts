// targetsForAny's answer on both stores: the union of the look-ups' lists, each target once, in the
// store's order (document, position, id).
import type { Target } from '../model/index.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function uniteTargets(lists: Iterable<readonly Target[]>): Target[] {
  const unique = new Map<string, Target>();
  for (const list of lists) for (const t of list) unique.set(t.id, t);
  return [...unique.values()].sort((a, b) => cmp(a.evidence.docId, b.evidence.docId) || a.evidence.start - b.evidence.start || cmp(a.id, b.id));
}
