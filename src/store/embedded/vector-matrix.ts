// Exact cosine k-NN over every passage embedding, held as one Float32Array in dimension-major order
// (column j of all passages is contiguous). sqlite-vec scans its table per query at ~2 ms per 4,000
// passages; this scan touches only the query's non-zero dimensions — the hashing fallback's query
// vectors have a few dozen of 512 — and a dense model vector costs one pass over the matrix.
import type { Db } from './open-database.js';
import { all } from './open-database.js';

export interface VectorMatrix {
  dimension: number;
  /** Passage rowids (pk), one per matrix row. */
  pks: Int32Array;
  /** Tie order of equal distances: document id, then ordinal. */
  docIds: string[];
  ordinals: Int32Array;
  /** columns[j * n + i] = component j of passage i. */
  columns: Float32Array;
  norms: Float32Array;
}

export function buildVectorMatrix(db: Db, dimension: number): VectorMatrix {
  const rows = all<{ pk: number; doc_id: string; ordinal: number; embedding: Buffer }>(
    db,
    'SELECT pk, doc_id, ordinal, embedding FROM passages WHERE embedding IS NOT NULL AND length(embedding) = ? ORDER BY pk',
    dimension * 4,
  );
  const n = rows.length;
  const columns = new Float32Array(n * dimension);
  const norms = new Float32Array(n);
  const pks = new Int32Array(n);
  const ordinals = new Int32Array(n);
  const docIds = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    pks[i] = r.pk;
    ordinals[i] = r.ordinal;
    docIds[i] = r.doc_id;
    // The blob's bytes may not be 4-aligned within its buffer: copy before viewing as floats.
    const v = new Float32Array(new Uint8Array(r.embedding).buffer);
    let sum = 0;
    for (let j = 0; j < dimension; j++) {
      const x = v[j]!;
      columns[j * n + i] = x;
      sum += x * x;
    }
    norms[i] = Math.sqrt(sum);
  }
  return { dimension, pks, docIds, ordinals, columns, norms };
}

/** The k nearest passages as (pk, cosine distance), nearest first; ties by document id, then ordinal. */
export function nearestPassages(m: VectorMatrix, query: readonly number[], k: number): Array<{ pk: number; distance: number }> {
  const n = m.pks.length;
  if (n === 0 || k <= 0) return [];
  const dots = new Float64Array(n);
  let qNorm = 0;
  const used: number[] = [];
  for (let j = 0; j < m.dimension; j++) {
    const w = query[j]!;
    if (w === 0) continue;
    qNorm += w * w;
    used.push(j);
  }
  qNorm = Math.sqrt(qNorm);
  // Four columns per pass over the sums: the sums' loads and stores, not the columns', bound the scan.
  const c = m.columns;
  let u = 0;
  for (; u + 4 <= used.length; u += 4) {
    const [j0, j1, j2, j3] = [used[u]!, used[u + 1]!, used[u + 2]!, used[u + 3]!];
    const [w0, w1, w2, w3] = [query[j0]!, query[j1]!, query[j2]!, query[j3]!];
    const [b0, b1, b2, b3] = [j0 * n, j1 * n, j2 * n, j3 * n];
    for (let i = 0; i < n; i++) dots[i]! += w0 * c[b0 + i]! + w1 * c[b1 + i]! + w2 * c[b2 + i]! + w3 * c[b3 + i]!;
  }
  for (; u < used.length; u++) {
    const j = used[u]!;
    const w = query[j]!;
    const base = j * n;
    for (let i = 0; i < n; i++) dots[i]! += w * c[base + i]!;
  }
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++) distance[i] = qNorm === 0 || m.norms[i] === 0 ? 1 : 1 - dots[i]! / (qNorm * m.norms[i]!);
  const before = (a: number, b: number) =>
    distance[a]! < distance[b]! ||
    (distance[a] === distance[b] && (m.docIds[a]! < m.docIds[b]! || (m.docIds[a] === m.docIds[b] && m.ordinals[a]! < m.ordinals[b]!)));
  // The best k kept sorted; past the first k, a passage farther than the k-th best (most of them)
  // costs one comparison.
  const best: number[] = [];
  let worst = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (best.length === k && distance[i]! > worst) continue;
    if (best.length === k && !before(i, best[k - 1]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(best[mid]!, i)) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, i);
    if (best.length > k) best.pop();
    if (best.length === k) worst = distance[best[k - 1]!]!;
  }
  return best.map((i) => ({ pk: m.pks[i]!, distance: distance[i]! }));
}
