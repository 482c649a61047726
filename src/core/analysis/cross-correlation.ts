// Cross-correlation of two series at lags −N … N, with a 95% band from a moving-block bootstrap
// (H. R. Künsch, "The Jackknife and the Bootstrap for General Stationary Observations", Annals of
// Statistics 17(3), 1989). The band is the spread of r under no association: each series is
// resampled in blocks independently of the other, which keeps each one's autocorrelation (what
// makes naive ±2/√n bands too narrow for slow-moving series) and breaks the link between them.
import { invalidOption } from '../errors.js';
import { seededRandom } from './seeded-random.js';

/** r at `lag` correlates cause_t with effect_{t+lag}: a positive lag means the cause leads. */
export interface CrossCorrelation {
  lag: number;
  /** null when one side of the overlapping pairs has no variance. */
  r: number | null;
}

export interface CorrelationBand {
  lag: number;
  lo: number | null;
  hi: number | null;
}

export interface BootstrapOptions {
  /** Replicates (default 999). */
  replicates?: number;
  /** Block length (default ⌈n^(1/3)⌉, the rate Künsch's and Hall's results suggest). */
  blockLength?: number;
  /** PRNG seed (default 1969). */
  seed?: number;
  /** Coverage of the band (default 0.95). */
  level?: number;
}

export interface CrossCorrelationResult {
  xcorr: CrossCorrelation[];
  band: CorrelationBand[];
  bootstrap: Required<BootstrapOptions>;
}

export const BOOTSTRAP_DEFAULTS = { replicates: 999, seed: 1969, level: 0.95 } as const;

/** Pearson correlation of the overlapping pairs (x_t, y_{t+lag}). */
export function correlationAtLag(x: ArrayLike<number>, y: ArrayLike<number>, lag: number): number | null {
  const n = Math.min(x.length, y.length);
  const from = Math.max(0, -lag);
  const to = Math.min(n, n - lag);
  const count = to - from;
  if (count < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let t = from; t < to; t++) {
    sx += x[t]!;
    sy += y[t + lag]!;
  }
  const mx = sx / count;
  const my = sy / count;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let t = from; t < to; t++) {
    const dx = x[t]! - mx;
    const dy = y[t + lag]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export function crossCorrelation(
  cause: readonly number[],
  effect: readonly number[],
  maxLag: number,
  options: BootstrapOptions = {},
): CrossCorrelationResult {
  const n = Math.min(cause.length, effect.length);
  if (!(Number.isInteger(maxLag) && maxLag >= 0 && maxLag <= n - 3)) {
    throw invalidOption(
      'max-lag',
      maxLag,
      `an integer from 0 to ${Math.max(0, n - 3)} for ${n} observations`,
    );
  }
  const replicates = options.replicates ?? BOOTSTRAP_DEFAULTS.replicates;
  const blockLength = options.blockLength ?? Math.max(1, Math.ceil(n ** (1 / 3)));
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const level = options.level ?? BOOTSTRAP_DEFAULTS.level;
  if (!(Number.isInteger(replicates) && replicates >= 1))
    throw invalidOption('replicates', replicates, 'an integer ≥ 1');
  if (!(Number.isInteger(blockLength) && blockLength >= 1 && blockLength <= n)) {
    throw invalidOption('block-length', blockLength, `an integer from 1 to ${n}`);
  }
  if (!(level > 0 && level < 1)) throw invalidOption('level', level, 'a number between 0 and 1');

  const lags = Array.from({ length: 2 * maxLag + 1 }, (_, i) => i - maxLag);
  const xcorr = lags.map((lag) => ({ lag, r: correlationAtLag(cause, effect, lag) }));
  const random = seededRandom(seed);
  const samples = lags.map(() => [] as number[]);
  for (let b = 0; b < replicates; b++) {
    const x = blockResample(cause, n, blockLength, random);
    const y = blockResample(effect, n, blockLength, random);
    lags.forEach((lag, i) => {
      const r = correlationAtLag(x, y, lag);
      if (r !== null) samples[i]!.push(r);
    });
  }
  const tail = (1 - level) / 2;
  const band = lags.map((lag, i) => {
    const sorted = samples[i]!.sort((a, b) => a - b);
    return sorted.length === 0
      ? { lag, lo: null, hi: null }
      : { lag, lo: quantile(sorted, tail), hi: quantile(sorted, 1 - tail) };
  });
  return { xcorr, band, bootstrap: { replicates, blockLength, seed, level } };
}

/** Concatenates blocks starting at uniform positions (wrapping around) until n values. */
function blockResample(
  series: readonly number[],
  n: number,
  blockLength: number,
  random: () => number,
): Float64Array {
  const out = new Float64Array(n);
  let t = 0;
  while (t < n) {
    const start = Math.floor(random() * n);
    for (let i = 0; i < blockLength && t < n; i++, t++) out[t] = series[(start + i) % n]!;
  }
  return out;
}

/** Linear interpolation between order statistics (Hyndman & Fan 1996, type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
