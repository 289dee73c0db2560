// Percentiles, medians and spreads for the benchmark table: every figure is a median of repeated
// runs, shown with its spread (min–max over the runs).
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, runs: sorted.length };
}

/** "12.3 (11.0–14.2)", or just the median when there was one run. */
export function formatSpread(s: Spread | undefined, digits = 1): string {
  if (!s || !Number.isFinite(s.median)) return '—';
  const f = (x: number) => x.toFixed(digits);
  return s.runs > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}
