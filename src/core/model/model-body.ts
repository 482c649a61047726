// The content of a linear model as it is written to a file, minus its id: one JSON text with a
// fixed key order, so that the same weights always give the same bytes and the id (a hash of
// these bytes) names the content. To keep a shipped model small without a binary format, the
// buckets that carry a weight are listed once for all signals, as gaps from the previous bucket,
// and weights are integers in units of WEIGHT_SCALE (cross-validation showed no loss at 1e-4).
import { SIGNALS, type SignalCategory } from '../types.js';

export const MODEL_FORMAT = 'overture-linear-model';
export const MODEL_FORMAT_VERSION = 1;
/** Names the feature extraction a model was trained with; a model with another is refused. */
export const FEATURE_SPEC = 'fold;words;bigrams;chars3-5wb;lang;fnv1a32+fmix32;signed;family-l2';
export const WEIGHT_SCALE = 1e-4;

export interface SignalWeights {
  /** Intercept, in the same units as the weights. */
  readonly bias: number;
  /** Positive examples of the signal in the training data. */
  readonly positives: number;
  /** One weight per entry of LinearModelData.indices (0 where this signal has none). */
  readonly values: Float64Array;
}

export interface TrainingSettings {
  readonly examples: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly classWeighting: 'balanced' | 'sqrt' | 'none';
}

export interface LinearModelData {
  readonly codebookVersion: string | null;
  readonly seed: number;
  readonly buckets: number;
  readonly training: TrainingSettings;
  /** The buckets that carry a weight for at least one signal, ascending. */
  readonly indices: Uint32Array;
  readonly signals: Readonly<Record<SignalCategory, SignalWeights>>;
}

/** A weight rounded to the resolution a model file keeps. */
export function quantizeWeight(weight: number): number {
  return Math.round(weight / WEIGHT_SCALE) * WEIGHT_SCALE;
}

const units = (weight: number) => Math.round(weight / WEIGHT_SCALE);

/** The model's file content without `id`, as an object in the order it is written. */
export function modelBody(data: LinearModelData): Record<string, unknown> {
  const gaps: number[] = [];
  let previous = 0;
  for (const index of data.indices) {
    gaps.push(index - previous);
    previous = index;
  }
  const signals: Record<string, unknown> = {};
  for (const signal of SIGNALS) {
    const w = data.signals[signal];
    signals[signal] = { bias: units(w.bias), positives: w.positives, values: Array.from(w.values, units) };
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    codebookVersion: data.codebookVersion,
    seed: data.seed,
    buckets: data.buckets,
    features: FEATURE_SPEC,
    training: { ...data.training },
    weightScale: WEIGHT_SCALE,
    indices: gaps,
    signals,
  };
}
