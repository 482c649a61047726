// Granger causality (C. W. J. Granger, "Investigating Causal Relations by Econometric Models and
// Cross-spectral Methods", Econometrica 37(3), 1969), as the ssr-based F test of statsmodels'
// `grangercausalitytests` computes it, so that the numbers agree with it.
//
// For each lag L = 1 … N, on the n joined observations:
//   rows t = L … n−1 remain, m = n − L of them;
//   restricted:   y_t = c + Σ_{i=1..L} a_i y_{t−i} + e          → RSS_r
//   unrestricted: y_t = c + Σ a_i y_{t−i} + Σ_{i=1..L} b_i x_{t−i} + e → RSS_u
//   df_num = L, df_den = m − 2L − 1,
//   F = ((RSS_r − RSS_u) / L) / (RSS_u / df_den),  p = 1 − F_cdf(F; L, df_den).
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import { invalidOption } from '../errors.js';
import type { IndicatorPoint } from '../types.js';
import { leastSquares } from './least-squares.js';

/** One lag's test; the field names are those of the CLI's JSON contract (statsmodels' terms). */
export interface GrangerResult {
  lag: number;
  /** null when the unrestricted model fits exactly (RSS_u = 0): F is undefined. */
  f: number | null;
  p: number | null;
  df_num: number;
  df_den: number;
}

export interface JoinedSeries {
  dates: string[];
  cause: number[];
  effect: number[];
}

/** Inner join on date, in date order; joined rows are taken as consecutive observations. */
export function joinSeries(
  cause: readonly IndicatorPoint[],
  effect: readonly IndicatorPoint[],
): JoinedSeries {
  const effectByDate = new Map(effect.map((point) => [point.date, point.value]));
  const joined = cause
    .filter((point) => effectByDate.has(point.date))
    .map((point) => ({ date: point.date, cause: point.value, effect: effectByDate.get(point.date)! }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    dates: joined.map((row) => row.date),
    cause: joined.map((row) => row.cause),
    effect: joined.map((row) => row.effect),
  };
}

/** The largest lag the F test can be run at with n observations (df_den ≥ 1). */
export function maxGrangerLag(n: number): number {
  return Math.max(0, Math.floor((n - 2) / 3));
}

/** Does `cause` help predict `effect` beyond effect's own past? One result per lag 1 … maxLag. */
export function grangerCausality(
  cause: readonly number[],
  effect: readonly number[],
  maxLag: number,
): GrangerResult[] {
  const n = Math.min(cause.length, effect.length);
  if (!(Number.isInteger(maxLag) && maxLag >= 1)) throw invalidOption('max-lag', maxLag, 'an integer ≥ 1');
  if (maxLag > maxGrangerLag(n)) {
    throw invalidOption(
      'max-lag',
      maxLag,
      maxGrangerLag(n) === 0
        ? `a series of at least 5 joined observations (got ${n})`
        : `at most ${maxGrangerLag(n)} for ${n} joined observations (the F test needs n ≥ 3·lag + 2)`,
    );
  }
  const results: GrangerResult[] = [];
  for (let lag = 1; lag <= maxLag; lag++) {
    const m = n - lag;
    const y = effect.slice(lag, n);
    const ones = new Array<number>(m).fill(1);
    const ownLags = Array.from({ length: lag }, (_, i) => effect.slice(lag - 1 - i, n - 1 - i));
    const causeLags = Array.from({ length: lag }, (_, i) => cause.slice(lag - 1 - i, n - 1 - i));
    const restricted = leastSquares([...ownLags, ones], y).rss;
    const unrestricted = leastSquares([...ownLags, ...causeLags, ones], y).rss;
    const dfDen = m - 2 * lag - 1;
    const f = unrestricted > 0 ? (restricted - unrestricted) / lag / (unrestricted / dfDen) : null;
    results.push({ lag, f, p: f === null ? null : 1 - fCdf(f, lag, dfDen), df_num: lag, df_den: dfDen });
  }
  return results;
}
