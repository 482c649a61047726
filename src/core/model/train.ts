// Trains the linear model: per-signal logistic regression fitted by AdaGrad (Duchi, Hazan and
// Singer 2011) — per-coordinate step sizes suit hashed text, where most features are rare — with
// L2 applied lazily to the features a step touches, over a fixed number of epochs. Each epoch
// visits the examples in an order drawn from a seeded mulberry32, so the same seed and the same
// examples give byte-identical weights. Rare signals get heavier positives (class weighting), or
// the model would learn that a stalemate never happens.
import { invalidOption } from '../errors.js';
import { type Lang, SIGNALS, type SignalCategory } from '../types.js';
import { DEFAULT_BUCKETS, hashedFeatures, isValidBucketCount, type SparseVector } from './hashed-features.js';
import { createLinearModel, type LinearModel, sigmoid } from './linear-model.js';
import { quantizeWeight, type SignalWeights, type TrainingSettings } from './model-body.js';
import { mulberry32, shuffleInPlace } from './mulberry32.js';

export interface TrainingExample {
  readonly text: string;
  readonly lang: Lang;
  readonly signals: readonly SignalCategory[];
}

export interface TrainOptions {
  seed?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  buckets?: number;
  classWeighting?: TrainingSettings['classWeighting'];
  codebookVersion?: string | null;
}

export const TRAIN_DEFAULTS = {
  seed: 1948,
  epochs: 40,
  learningRate: 0.5,
  l2: 1e-3,
  buckets: DEFAULT_BUCKETS,
  classWeighting: 'sqrt',
} as const satisfies Required<Omit<TrainOptions, 'codebookVersion'>>;

export interface TrainingSummary {
  readonly examples: number;
  readonly epochs: number;
  readonly seed: number;
  /** Mean weighted log-loss over the last epoch, per signal. */
  readonly loss: Readonly<Record<SignalCategory, number>>;
  readonly positives: Readonly<Record<SignalCategory, number>>;
  /** Non-zero weights kept per signal. */
  readonly weights: Readonly<Record<SignalCategory, number>>;
}

function classWeights(positives: number, total: number, scheme: TrainingSettings['classWeighting']) {
  const negatives = total - positives;
  if (scheme === 'none' || positives === 0 || negatives === 0) return { pos: 1, neg: 1 };
  // "balanced": each class carries half of the total weight (King and Zeng 2001 style).
  const pos = total / (2 * positives);
  const neg = total / (2 * negatives);
  return scheme === 'balanced' ? { pos, neg } : { pos: Math.sqrt(pos), neg: Math.sqrt(neg) };
}

function check(name: string, value: number, ok: boolean, expected: string): void {
  if (!ok) throw invalidOption(name, value, expected);
}

export function trainModel(
  examples: readonly TrainingExample[],
  options: TrainOptions = {},
): { model: LinearModel; summary: TrainingSummary } {
  const seed = options.seed ?? TRAIN_DEFAULTS.seed;
  const epochs = options.epochs ?? TRAIN_DEFAULTS.epochs;
  const learningRate = options.learningRate ?? TRAIN_DEFAULTS.learningRate;
  const l2 = options.l2 ?? TRAIN_DEFAULTS.l2;
  const buckets = options.buckets ?? TRAIN_DEFAULTS.buckets;
  const classWeighting = options.classWeighting ?? TRAIN_DEFAULTS.classWeighting;
  check(
    'seed',
    seed,
    Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff,
    'an integer from 0 to 4294967295',
  );
  check(
    'epochs',
    epochs,
    Number.isInteger(epochs) && epochs >= 1 && epochs <= 1000,
    'an integer from 1 to 1000',
  );
  check('learning rate', learningRate, learningRate > 0 && learningRate <= 10, 'a number in (0, 10]');
  check('l2', l2, l2 >= 0 && l2 < 1, 'a number in [0, 1)');
  check('buckets', buckets, isValidBucketCount(buckets), 'a power of two from 16 to 16777216');
  if (examples.length === 0) throw invalidOption('training examples', 0, 'at least one example');

  const vectors: SparseVector[] = examples.map((e) => hashedFeatures(e.text, e.lang, buckets));
  const labels = examples.map((e) => new Set(e.signals));
  const n = SIGNALS.length;
  const w = SIGNALS.map(() => new Float64Array(buckets));
  const g2 = SIGNALS.map(() => new Float64Array(buckets));
  const bias = new Float64Array(n);
  const biasG2 = new Float64Array(n);
  const positives = SIGNALS.map((s) => labels.filter((l) => l.has(s)).length);
  const cw = positives.map((p) => classWeights(p, examples.length, classWeighting));
  const loss = new Float64Array(n);
  const random = mulberry32(seed);
  const order = examples.map((_, i) => i);
  const EPS = 1e-8;

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    loss.fill(0);
    for (const i of order) {
      const x = vectors[i] as SparseVector;
      const label = labels[i] as Set<SignalCategory>;
      for (let s = 0; s < n; s++) {
        const ws = w[s] as Float64Array;
        const gs = g2[s] as Float64Array;
        let z = bias[s] as number;
        for (let k = 0; k < x.indices.length; k++)
          z += (ws[x.indices[k] as number] as number) * (x.values[k] as number);
        const p = sigmoid(z);
        const y = label.has(SIGNALS[s] as SignalCategory) ? 1 : 0;
        const weight = y === 1 ? (cw[s] as { pos: number }).pos : (cw[s] as { neg: number }).neg;
        loss[s] = (loss[s] as number) - weight * Math.log(Math.max(y === 1 ? p : 1 - p, 1e-15));
        const err = weight * (p - y);
        for (let k = 0; k < x.indices.length; k++) {
          const j = x.indices[k] as number;
          const grad = err * (x.values[k] as number) + l2 * (ws[j] as number);
          gs[j] = (gs[j] as number) + grad * grad;
          ws[j] = (ws[j] as number) - (learningRate * grad) / (Math.sqrt(gs[j] as number) + EPS);
        }
        biasG2[s] = (biasG2[s] as number) + err * err;
        bias[s] = (bias[s] as number) - (learningRate * err) / (Math.sqrt(biasG2[s] as number) + EPS);
      }
    }
  }

  // Keep the buckets where some signal has a weight at the file's resolution.
  const kept: number[] = [];
  for (let j = 0; j < buckets; j++) {
    if (w.some((ws) => quantizeWeight(ws[j] as number) !== 0)) kept.push(j);
  }
  const signals = {} as Record<SignalCategory, SignalWeights>;
  const nonZero = {} as Record<SignalCategory, number>;
  SIGNALS.forEach((signal, s) => {
    const ws = w[s] as Float64Array;
    const values = Float64Array.from(kept, (j) => quantizeWeight(ws[j] as number));
    signals[signal] = { bias: quantizeWeight(bias[s] as number), positives: positives[s] as number, values };
    nonZero[signal] = values.filter((v) => v !== 0).length;
  });
  const model = createLinearModel({
    codebookVersion: options.codebookVersion ?? null,
    seed,
    buckets,
    training: { examples: examples.length, epochs, learningRate, l2, classWeighting },
    indices: Uint32Array.from(kept),
    signals,
  });
  const bySignal = <T>(f: (s: number) => T) =>
    Object.fromEntries(SIGNALS.map((signal, s) => [signal, f(s)])) as Record<SignalCategory, T>;
  return {
    model,
    summary: {
      examples: examples.length,
      epochs,
      seed,
      loss: bySignal((s) => (loss[s] as number) / examples.length),
      positives: bySignal((s) => positives[s] as number),
      weights: nonZero,
    },
  };
}
