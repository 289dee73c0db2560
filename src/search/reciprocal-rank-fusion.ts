// Reciprocal rank fusion (Cormack et al., 2009): each list adds weight / (k0 + rank) for every item it
// ranks. Robust to channels whose scores live on different scales (BM25, cosine, entity counts).
export interface RankedItem<T> {
  key: string;
  score: number;
  item: T;
}

export interface FusedItem<T, C extends string> {
  key: string;
  score: number;
  item: T;
  /** Per list: the item's 1-based rank and the list's own score. */
  ranks: Partial<Record<C, { rank: number; score: number }>>;
}

/** The usual constant: dampens the advantage of the very top ranks. */
export const RRF_K0 = 60;

/**
 * Fuses ranked lists (each best first; a key repeated within a list counts once, at its best rank).
 * Items a list scores exactly alike share its rank: they add the same 1 / (k0 + average position), and
 * report the rank of the first of them — a channel that cannot tell items apart must not order them.
 * Ties in the fused score go to the better best rank, then to the key, so the order is deterministic.
 */
export function reciprocalRankFusion<T, C extends string>(
  lists: ReadonlyArray<{ channel: C; items: ReadonlyArray<RankedItem<T>>; weight?: number }>,
  k0: number = RRF_K0,
): Array<FusedItem<T, C>> {
  const fused = new Map<string, FusedItem<T, C> & { best: number }>();
  for (const { channel, items, weight = 1 } of lists) {
    const seen = new Set<string>();
    const unique = items.filter(({ key }) => !seen.has(key) && Boolean(seen.add(key)));
    for (let start = 0; start < unique.length; ) {
      let end = start + 1;
      while (end < unique.length && unique[end]!.score === unique[start]!.score) end++;
      const rank = start + 1;
      const averageRank = (start + 1 + end) / 2;
      for (const { key, score, item } of unique.slice(start, end)) {
        let entry = fused.get(key);
        if (!entry) {
          entry = { key, score: 0, item, ranks: {}, best: rank };
          fused.set(key, entry);
        }
        entry.score += weight / (k0 + averageRank);
        entry.ranks[channel] = { rank, score };
        entry.best = Math.min(entry.best, rank);
      }
      start = end;
    }
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.best - b.best || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ best: _best, ...rest }) => rest);
}
