// A multi-label linear model: one logistic regression per signal over the hashed features of a
// statement (Bishop 2006, §4.3.2). It implements the coder's SignalModel, so the coder can add
// its codes where the rules found nothing. The id is the first 16 hex digits of the SHA-256 of
// the model's file content, so a stored code names exactly the weights that produced it.
import { sha256Hex } from '../codebook/sha256.js';
import type { SignalModel } from '../coding/coder.js';
import { type Lang, SIGNALS, type SignalCategory } from '../types.js';
import { visitHashedFeatures } from './hashed-features.js';
import { type LinearModelData, modelBody } from './model-body.js';

export interface LinearModel extends SignalModel, LinearModelData {
  /** Probability of every signal (in SIGNALS order) for a statement. */
  predict(text: string, lang: Lang): Array<{ signal: SignalCategory; probability: number }>;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** The id a model with this content has. */
export function modelId(data: LinearModelData): string {
  return sha256Hex(JSON.stringify(modelBody(data))).slice(0, 16);
}

export function createLinearModel(data: LinearModelData): LinearModel {
  // bucket → row of the weight columns, −1 for buckets the model has no weight for.
  const row = new Int32Array(data.buckets).fill(-1);
  data.indices.forEach((bucket, k) => {
    row[bucket] = k;
  });
  const columns = SIGNALS.map((signal) => data.signals[signal].values);
  const biases = SIGNALS.map((signal) => data.signals[signal].bias);
  return {
    ...data,
    id: modelId(data),
    predict(text, lang) {
      const z = Float64Array.from(biases);
      visitHashedFeatures(text, lang, data.buckets, (bucket, v) => {
        const r = row[bucket] as number;
        if (r < 0) return;
        for (let s = 0; s < z.length; s++)
          z[s] = (z[s] as number) + ((columns[s] as Float64Array)[r] as number) * v;
      });
      return SIGNALS.map((signal, s) => ({ signal, probability: sigmoid(z[s] as number) }));
    },
  };
}
