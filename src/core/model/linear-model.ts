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

export interface LinearModelOptions {
  /**
   * SHA-256 as hex, for the model's id. The default is the project's pure one; an edge may pass
   * a native one (the id is the same, and a 4 MB model hashes in a fraction of the time).
   */
  sha256?: (text: string) => string;
  /**
   * The model's id when the caller has already checked it against the content (loadModel does,
   * from the file's bytes); without it the id is computed from the weights.
   */
  id?: string;
}

/** The id a model with this content has. */
export function modelId(data: LinearModelData, sha256: (text: string) => string = sha256Hex): string {
  return sha256(JSON.stringify(modelBody(data))).slice(0, 16);
}

export function createLinearModel(data: LinearModelData, options: LinearModelOptions = {}): LinearModel {
  const score = createLinearScorer(data);
  const probabilities = new Float64Array(SIGNALS.length);
  return {
    ...data,
    id: options.id ?? modelId(data, options.sha256),
    predict(text, lang, words) {
      const z = score(words ?? tokenize(text).norms, lang);
      return SIGNALS.map((signal, s) => ({ signal, probability: sigmoid(z[s] as number) }));
    },
    probabilities(words, lang, floor, ids, ignore) {
      // A probability below the floor is a logit below its logit, log(p / (1 − p)); one surely
      // below (by a margin far above rounding) is given as 0, without its exponential.
      const below = floor === undefined || floor <= 0 ? undefined : Math.log(floor / (1 - floor));
      const z = score(words, lang, below, ids, ignore);
      const zero = below === undefined ? Number.NEGATIVE_INFINITY : below - 1e-9;
      for (let s = 0; s < z.length; s++) {
        const logit = z[s] as number;
        probabilities[s] = logit < zero ? 0 : sigmoid(logit);
      }
      return probabilities;
    },
  };
}
