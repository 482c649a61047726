// Ordinary least squares by Householder QR (Golub & Van Loan, Matrix Computations, 4th ed.,
// §5.2 and §5.3): numerically stable where the normal equations square the condition number, which
// matters for lagged series that are strongly autocorrelated. Only the residual sum of squares is
// needed by the Granger test, and it depends on the column space alone, so a column that is (to
// rounding) a combination of earlier ones is skipped — the same RSS a pseudo-inverse solution
// (statsmodels' default) gives.

/** Relative size below which a column's remaining norm counts as zero (linearly dependent). */
const RANK_TOLERANCE = 1e-10;

export interface LeastSquaresFit {
  /** Σ (y − Xβ̂)². */
  rss: number;
  /** Number of linearly independent columns used. */
  rank: number;
}

/**
 * Fits y on the given columns (each of y's length; add a column of ones for a constant) and
 * returns the residual sum of squares.
 */
export function leastSquares(
  columns: ReadonlyArray<ArrayLike<number>>,
  y: ArrayLike<number>,
): LeastSquaresFit {
  const m = y.length;
  const a = columns.map((column) => Float64Array.from(column));
  const b = Float64Array.from(y);
  let row = 0;
  for (let j = 0; j < a.length && row < m; j++) {
    const col = a[j]!;
    let original = 0;
    let norm = 0;
    for (let i = 0; i < m; i++) original += columns[j]![i]! ** 2;
    for (let i = row; i < m; i++) norm += col[i]! ** 2;
    norm = Math.sqrt(norm);
    if (norm <= RANK_TOLERANCE * Math.sqrt(original) || norm === 0) continue;
    // v = x + sign(x_0)‖x‖e_0, reflect H = I − 2vvᵀ/(vᵀv); the sign avoids cancellation.
    const alpha = col[row]! >= 0 ? -norm : norm;
    const v = new Float64Array(m - row);
    for (let i = row; i < m; i++) v[i - row] = col[i]!;
    v[0] = v[0]! - alpha;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i]! ** 2;
    if (vv === 0) continue;
    const reflect = (target: Float64Array): void => {
      let dot = 0;
      for (let i = row; i < m; i++) dot += v[i - row]! * target[i]!;
      const factor = (2 * dot) / vv;
      for (let i = row; i < m; i++) target[i] = target[i]! - factor * v[i - row]!;
    };
    for (let k = j + 1; k < a.length; k++) reflect(a[k]!);
    reflect(b);
    col[row] = alpha;
    for (let i = row + 1; i < m; i++) col[i] = 0;
    row++;
  }
  let rss = 0;
  for (let i = row; i < m; i++) rss += b[i]! ** 2;
  return { rss, rank: row };
}
