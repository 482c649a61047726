// Burst detection with Kleinberg's batched two-or-more-state automaton (J. Kleinberg, "Bursty and
// Hierarchical Structure in Streams", KDD 2002, section 3 — the enumerated/batched model).
//
// Each period t has r_t relevant items out of d_t. The base rate is p0 = Σr / Σd; state i emits
// with p_i = min(p0 · s^i, 0.9999). Being in state i at t costs −ln(p_i^r (1−p_i)^(d−r)) (the
// binomial coefficient is the same in every state and is left out). Moving up from i to j costs
// (j − i) · γ · ln(n) for n periods; moving down is free. The automaton starts in state 0. The
// cheapest state sequence is found by dynamic programming (Viterbi); among sequences of equal
// cost, the one in the lower state at the latest period where they differ wins ("ties to the
// lower state", applied while tracing back from the end).
import { invalidOption, OvertureError } from '../errors.js';

export interface Batch {
  relevant: number;
  total: number;
}

export interface BurstOptions {
  /** Ratio between the emission rates of successive states (s > 1). Default 2. */
  s?: number;
  /** Cost of moving up one state, in units of ln(n) (γ ≥ 0). Default 1. */
  gamma?: number;
  /** Number of states, 0 … states − 1 (≥ 2). Default 2. */
  states?: number;
}

/** A maximal run of periods in state ≥ level; start and end are inclusive indices. */
export interface BurstRun {
  level: number;
  start: number;
  end: number;
}

export interface BurstDetection {
  /** One state per batch, in order. */
  states: number[];
  /** Sorted by start, then by level. */
  bursts: BurstRun[];
  /** p0 = Σrelevant / Σtotal (0 when there are no items). */
  baseRate: number;
  /** p_i for each state. */
  rates: number[];
  /** Cost of the chosen state sequence. */
  cost: number;
}

export const BURST_DEFAULTS = { s: 2, gamma: 1, states: 2 } as const;

/** Emission rates above this are capped so that 1 − p stays positive. */
const MAX_RATE = 0.9999;
/** Costs closer than this (relative) count as equal, so rounding does not break the tie rule. */
const TIE_TOLERANCE = 1e-9;

export function detectBursts(batches: readonly Batch[], options: BurstOptions = {}): BurstDetection {
  const s = options.s ?? BURST_DEFAULTS.s;
  const gamma = options.gamma ?? BURST_DEFAULTS.gamma;
  const k = options.states ?? BURST_DEFAULTS.states;
  if (!(Number.isFinite(s) && s > 1)) throw invalidOption('s', s, 'a number greater than 1');
  if (!(Number.isFinite(gamma) && gamma >= 0)) throw invalidOption('gamma', gamma, 'a number ≥ 0');
  if (!(Number.isInteger(k) && k >= 2)) throw invalidOption('states', k, 'an integer ≥ 2');

  const n = batches.length;
  let sumRelevant = 0;
  let sumTotal = 0;
  batches.forEach((batch, t) => {
    const { relevant, total } = batch;
    if (!(Number.isFinite(relevant) && Number.isFinite(total) && relevant >= 0 && relevant <= total)) {
      throw new OvertureError(
        'invalid-input',
        `invalid batch ${t + 1}: relevant=${relevant}, total=${total} (expected 0 ≤ relevant ≤ total)`,
      );
    }
    sumRelevant += relevant;
    sumTotal += total;
  });
  const baseRate = sumTotal > 0 ? sumRelevant / sumTotal : 0;
  const rates = Array.from({ length: k }, (_, i) => Math.min(baseRate * s ** i, MAX_RATE));
  if (n === 0) return { states: [], bursts: [], baseRate, rates, cost: 0 };

  const logRate = rates.map((p) => Math.log(p));
  const logMiss = rates.map((p) => Math.log(1 - p));
  // 0 · ln 0 = 0: a state with p = 0 costs nothing on a period without relevant items.
  const emit = (batch: Batch, i: number): number =>
    -((batch.relevant > 0 ? batch.relevant * logRate[i]! : 0) + (batch.total - batch.relevant) * logMiss[i]!);
  const lnN = Math.log(n);
  const up = (from: number, to: number): number => (to > from ? (to - from) * gamma * lnN : 0);

  const back = new Int32Array(n * k);
  let prev = new Float64Array(k);
  let cur = new Float64Array(k);
  const first = batches[0]!;
  for (let j = 0; j < k; j++) prev[j] = up(0, j) + emit(first, j);
  const candidates = new Float64Array(k);
  for (let t = 1; t < n; t++) {
    const batch = batches[t]!;
    for (let j = 0; j < k; j++) {
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < k; i++) {
        const candidate = prev[i]! + up(i, j);
        candidates[i] = candidate;
        if (candidate < min) min = candidate;
      }
      const best = lowestWithin(candidates, min);
      back[t * k + j] = best;
      cur[j] = candidates[best]! + emit(batch, j);
    }
    [prev, cur] = [cur, prev];
  }
  let minFinal = Number.POSITIVE_INFINITY;
  for (let j = 0; j < k; j++) if (prev[j]! < minFinal) minFinal = prev[j]!;
  let state = lowestWithin(prev, minFinal);
  const cost = prev[state]!;
  const states = new Array<number>(n);
  for (let t = n - 1; t >= 0; t--) {
    states[t] = state;
    if (t > 0) state = back[t * k + state]!;
  }
  return { states, bursts: burstRuns(states, k), baseRate, rates, cost };
}

/** The lowest index whose value equals `min` within the tie tolerance. */
function lowestWithin(values: Float64Array, min: number): number {
  const limit = min + TIE_TOLERANCE * Math.max(1, Math.abs(min));
  for (let i = 0; i < values.length; i++) if (values[i]! <= limit) return i;
  return 0;
}

/** Maximal runs of periods in state ≥ ℓ for every level ℓ ≥ 1, sorted by start then level. */
export function burstRuns(states: readonly number[], stateCount: number): BurstRun[] {
  const runs: BurstRun[] = [];
  for (let level = 1; level < stateCount; level++) {
    let start = -1;
    states.forEach((state, t) => {
      if (state >= level && start < 0) start = t;
      if (state < level && start >= 0) {
        runs.push({ level, start, end: t - 1 });
        start = -1;
      }
    });
    if (start >= 0) runs.push({ level, start, end: states.length - 1 });
  }
  return runs.sort((a, b) => a.start - b.start || a.level - b.level);
}
