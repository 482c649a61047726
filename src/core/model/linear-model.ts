// A multi-label linear model: one logistic regression per signal over the hashed features of a
// statement (Bishop 2006, §4.3.2). It implements the coder's SignalModel, so the coder can add
// its codes where the rules found nothing. The id is the first 16 hex digits of the SHA-256 of
// the model's file content, so a stored code names exactly the weights that produced it.
import { sha256Hex } from '../codebook/sha256.js';
import type { SignalModel } from '../coding/coder.js';
import { tokenize } from '../text/tokenize.js';
import { type Lang, SIGNALS, type SignalCategory } from '../types.js';
import { createLinearScorer } from './linear-scorer.js';
import { type LinearModelData, modelBody } from './model-body.js';

export interface LinearModel extends SignalModel, LinearModelData {
  /**
   * Probability of every signal (in SIGNALS order) for a statement; `words` are its folded words
   * (tokenize(text).norms) when the caller already has them.
   */
  predict(
    text: string,
    lang: Lang,
    words?: readonly string[],
  ): Array<{ signal: SignalCategory; probability: number }>;
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
  const score = createLinearScorer(data);
  return {
    ...data,
    id: modelId(data),
    predict(text, lang, words) {
      const z = score(words ?? tokenize(text).norms, lang);
      return SIGNALS.map((signal, s) => ({ signal, probability: sigmoid(z[s] as number) }));
    },
  };
}
