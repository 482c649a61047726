// k-fold cross-validation of the statistical model beside the rules (Stone 1974): the gold set is
// dealt into k folds (within each language, after a seeded shuffle, so every fold has every
// language), a model is trained on k−1 folds and predicts the held-out one, and every item thus
// gets probabilities from a model that never saw it. Those are scored three ways at each
// threshold: rules alone, the model alone, and rules plus the model where the rules found
// nothing for a signal — which is what the coder does with a model.
import type { SignalModel } from '../coding/coder.js';
import { mulberry32, shuffleInPlace } from '../model/mulberry32.js';
import { SIGNALS, type SignalCategory } from '../types.js';
import { type EvaluationReport, evaluate, type Prediction } from './evaluate.js';
import type { GoldItem } from './parse-gold.js';

export interface CrossValidationOptions {
  folds: number;
  seed: number;
  thresholds: readonly number[];
  /** The rules' prediction for each gold item (matched by id). */
  rulePredictions: readonly Prediction[];
  train(items: readonly GoldItem[]): SignalModel;
  signals?: readonly SignalCategory[];
}

export interface ThresholdResult {
  readonly threshold: number;
  readonly model: EvaluationReport;
  readonly combined: EvaluationReport;
}

export interface CrossValidationResult {
  readonly folds: number;
  readonly seed: number;
  readonly rules: EvaluationReport;
  readonly thresholds: readonly ThresholdResult[];
}

/** Fold number (0…k−1) of every item: shuffled within each language, then dealt in turn. */
export function assignFolds(items: readonly GoldItem[], folds: number, seed: number): number[] {
  const random = mulberry32(seed);
  const fold = new Array<number>(items.length).fill(0);
  const langs = [...new Set(items.map((i) => i.lang))].sort();
  let next = 0;
  for (const lang of langs) {
    const members = items.flatMap((item, index) => (item.lang === lang ? [index] : []));
    for (const index of shuffleInPlace(members, random)) {
      fold[index] = next;
      next = (next + 1) % folds;
    }
  }
  return fold;
}

export function crossValidate(
  items: readonly GoldItem[],
  options: CrossValidationOptions,
): CrossValidationResult {
  const { folds, seed, thresholds } = options;
  const fold = assignFolds(items, folds, seed);
  const probabilities: Array<Map<SignalCategory, number>> = items.map(() => new Map());
  for (let k = 0; k < folds; k++) {
    const model = options.train(items.filter((_, i) => fold[i] !== k));
    items.forEach((item, i) => {
      if (fold[i] !== k) return;
      for (const { signal, probability } of model.predict(item.text, item.lang)) {
        probabilities[i]?.set(signal, probability);
      }
    });
  }
  const rulesById = new Map(options.rulePredictions.map((p) => [p.id, p]));
  const evalOptions = options.signals ? { signals: options.signals } : {};
  const results = thresholds.map((threshold) => {
    const modelOnly: Prediction[] = [];
    const combined: Prediction[] = [];
    items.forEach((item, i) => {
      const rules = rulesById.get(item.id) ?? { id: item.id, signals: [], positions: [] };
      const fired = SIGNALS.filter((s) => (probabilities[i]?.get(s) ?? 0) >= threshold);
      modelOnly.push({ id: item.id, signals: fired, positions: [] });
      const added = fired.filter((s) => !rules.signals.includes(s));
      const evidence = { ...rules.evidence };
      for (const s of added) evidence[s] = ['model:cross-validation'];
      combined.push({ ...rules, signals: [...rules.signals, ...added], evidence });
    });
    return {
      threshold,
      model: evaluate(items, modelOnly, evalOptions),
      combined: evaluate(items, combined, evalOptions),
    };
  });
  return { folds, seed, rules: evaluate(items, options.rulePredictions, evalOptions), thresholds: results };
}
