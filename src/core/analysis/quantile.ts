// Order statistics for the analyses' summaries. Linear interpolation between closest ranks
// (Hyndman & Fan 1996, definition 7 — what R, NumPy and spreadsheets use by default).

/** The q-quantile (0 ≤ q ≤ 1) of the values; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
