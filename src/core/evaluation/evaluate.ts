// Scores predicted codes against a gold set: precision, recall and F1 per signal, overall and per
// language; macro-F1 (the unweighted mean over the scored signals, so a rare signal counts as
// much as a common one — Sokolova and Lapalme 2009); micro P/R/F1 of position keys with and
// without their stance; and the confusions worth reading, with the evidence that fired.
import { type Lang, SIGNALS, type SignalCategory } from '../types.js';
import type { GoldItem, PositionClaim } from './parse-gold.js';

export interface Prediction {
  readonly id: string;
  readonly signals: readonly SignalCategory[];
  readonly positions: readonly PositionClaim[];
  /** What produced each predicted signal: rule ids, or `model:<id>`. */
  readonly evidence?: Readonly<Partial<Record<SignalCategory, readonly string[]>>>;
}

export interface Score {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** Gold positives: tp + fn. */
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Confusion {
  readonly kind: 'false-positive' | 'false-negative';
  readonly signal: SignalCategory;
  readonly id: string;
  readonly lang: Lang;
  readonly text: string;
  readonly gold: readonly SignalCategory[];
  readonly predicted: readonly SignalCategory[];
  /** For a false positive, what fired; for a false negative, empty. */
  readonly evidence: readonly string[];
}

export interface LanguageReport {
  readonly items: number;
  readonly macroF1: number;
  readonly signals: Readonly<Record<SignalCategory, Score>>;
}

export interface EvaluationReport {
  readonly items: number;
  /** The signals macro-F1 is taken over (all ten unless a subset was asked for). */
  readonly scoredSignals: readonly SignalCategory[];
  readonly macroF1: number;
  readonly signals: Readonly<Record<SignalCategory, Score>>;
  readonly perLanguage: Readonly<Record<Lang, LanguageReport>>;
  readonly positions: { readonly keyStance: Score; readonly key: Score };
  /** Every error, round-robin over the scored signals from the worst F1 up. */
  readonly confusions: readonly Confusion[];
}

/**
 * P, R and F1 from counts. When a side of a ratio is empty the score is 1 if nothing was missed
 * or invented there (no gold and no prediction is perfect agreement), 0 otherwise.
 */
export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp > 0 ? tp / (tp + fp) : fn === 0 ? 1 : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : fp === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, support: tp + fn, precision, recall, f1 };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function emptyCounts(): Record<SignalCategory, Counts> {
  return Object.fromEntries(SIGNALS.map((s) => [s, { tp: 0, fp: 0, fn: 0 }])) as Record<
    SignalCategory,
    Counts
  >;
}

function scores(counts: Record<SignalCategory, Counts>): Record<SignalCategory, Score> {
  return Object.fromEntries(
    SIGNALS.map((s) => [s, score(counts[s].tp, counts[s].fp, counts[s].fn)]),
  ) as Record<SignalCategory, Score>;
}

function macro(signals: Record<SignalCategory, Score>, scored: readonly SignalCategory[]): number {
  return scored.length === 0 ? 0 : scored.reduce((sum, s) => sum + signals[s].f1, 0) / scored.length;
}

function matchSets(gold: Set<string>, predicted: Set<string>, into: Counts): void {
  for (const g of gold)
    if (predicted.has(g)) into.tp++;
    else into.fn++;
  for (const p of predicted) if (!gold.has(p)) into.fp++;
}

/** Scores `predictions` (one per gold item, matched by id) against `gold`. */
export function evaluate(
  gold: readonly GoldItem[],
  predictions: readonly Prediction[],
  options: { signals?: readonly SignalCategory[] } = {},
): EvaluationReport {
  const scored = options.signals ?? SIGNALS;
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const overall = emptyCounts();
  const perLang = new Map<Lang, { items: number; counts: Record<SignalCategory, Counts> }>();
  const keyStance: Counts = { tp: 0, fp: 0, fn: 0 };
  const key: Counts = { tp: 0, fp: 0, fn: 0 };
  const errors = new Map<SignalCategory, Confusion[]>(scored.map((s) => [s, []]));

  for (const item of gold) {
    const prediction = byId.get(item.id);
    if (!prediction) throw new Error(`no prediction for gold item ${item.id}`);
    let lang = perLang.get(item.lang);
    if (!lang) {
      lang = { items: 0, counts: emptyCounts() };
      perLang.set(item.lang, lang);
    }
    lang.items++;
    const goldSet = new Set(item.signals);
    const predictedSet = new Set(prediction.signals);
    for (const signal of scored) {
      const inGold = goldSet.has(signal);
      const inPrediction = predictedSet.has(signal);
      if (!inGold && !inPrediction) continue;
      const cell = inGold && inPrediction ? 'tp' : inPrediction ? 'fp' : 'fn';
      overall[signal][cell]++;
      lang.counts[signal][cell]++;
      if (cell === 'tp') continue;
      errors.get(signal)?.push({
        kind: cell === 'fp' ? 'false-positive' : 'false-negative',
        signal,
        id: item.id,
        lang: item.lang,
        text: item.text,
        gold: item.signals,
        predicted: prediction.signals,
        evidence: cell === 'fp' ? [...(prediction.evidence?.[signal] ?? [])] : [],
      });
    }
    if (scored.includes('position')) {
      matchSets(
        new Set(item.positions.map((p) => `${p.key}/${p.stance}`)),
        new Set(prediction.positions.map((p) => `${p.key}/${p.stance}`)),
        keyStance,
      );
      matchSets(
        new Set(item.positions.map((p) => p.key)),
        new Set(prediction.positions.map((p) => p.key)),
        key,
      );
    }
  }

  const signals = scores(overall);
  const perLanguage: Record<Lang, LanguageReport> = {};
  for (const lang of [...perLang.keys()].sort()) {
    const entry = perLang.get(lang) as { items: number; counts: Record<SignalCategory, Counts> };
    const langSignals = scores(entry.counts);
    perLanguage[lang] = { items: entry.items, macroF1: macro(langSignals, scored), signals: langSignals };
  }
  const worstFirst = [...scored].sort(
    (a, b) => signals[a].f1 - signals[b].f1 || SIGNALS.indexOf(a) - SIGNALS.indexOf(b),
  );
  const confusions: Confusion[] = [];
  for (let round = 0; confusions.length < [...errors.values()].reduce((n, e) => n + e.length, 0); round++) {
    for (const signal of worstFirst) {
      const next = errors.get(signal)?.[round];
      if (next) confusions.push(next);
    }
  }
  return {
    items: gold.length,
    scoredSignals: [...scored],
    macroF1: macro(signals, scored),
    signals,
    perLanguage,
    positions: {
      keyStance: score(keyStance.tp, keyStance.fp, keyStance.fn),
      key: score(key.tp, key.fp, key.fn),
    },
    confusions,
  };
}
