// Historical analogues: the cases nearest to an episode on the case features, by Gower's
// general coefficient of dissimilarity (Gower 1971, "A general coefficient of similarity and
// some of its properties", Biometrics 27): the weighted mean over the features both sides know
// of a per-feature distance in [0, 1] — |x − y| / range for an ordinal feature, and the Jaccard
// distance for the set of tactics (a set-valued variable; two empty sets are identical). A
// feature unknown on either side drops out of the mean (Gower's δ = 0), so an episode with no
// pressure data is still compared on the rest, and the comparison says so.
import {
  FEATURE_NAMES,
  type FeatureName,
  type FeatureVector,
  featureRange,
  ORDINAL_FEATURES,
  type TacticName,
} from '../cases/case-features.js';
import type { HistoricalCase } from '../cases/case-schema.js';

export type FeatureWeights = Partial<Record<FeatureName, number>>;

export interface FeatureComparison {
  feature: FeatureName;
  episode: number | readonly TacticName[] | null;
  case: number | readonly TacticName[] | null;
  /** The per-feature distance in [0, 1], or null when either side does not know the feature. */
  distance: number | null;
  weight: number;
  /** The case's written rationale for its value. */
  rationale: string | null;
}

export interface Analogue {
  caseId: string;
  title: string;
  period: { start: string; end: string };
  outcome: string;
  /** Gower distance in [0, 1]; null when no feature could be compared. */
  distance: number | null;
  /** How many features entered the distance. */
  compared: number;
  comparison: FeatureComparison[];
}

export function caseFeatureVector(c: HistoricalCase): FeatureVector {
  const vector: FeatureVector = { tactics: c.features.tactics.value };
  for (const feature of ORDINAL_FEATURES) vector[feature] = c.features[feature].value;
  return vector;
}

function jaccardDistance(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  const union = new Set([...setA, ...setB]).size;
  if (union === 0) return 0;
  let shared = 0;
  for (const x of setA) if (setB.has(x)) shared++;
  return 1 - shared / union;
}

/** The per-feature comparison and the Gower distance of two feature vectors. */
export function gowerDistance(
  a: FeatureVector,
  b: FeatureVector,
  weights: FeatureWeights = {},
): { distance: number | null; compared: number; comparison: Array<Omit<FeatureComparison, 'rationale'>> } {
  let sum = 0;
  let weightSum = 0;
  let compared = 0;
  const comparison = FEATURE_NAMES.map((feature) => {
    const weight = weights[feature] ?? 1;
    const x = feature === 'tactics' ? a.tactics : a[feature];
    const y = feature === 'tactics' ? b.tactics : b[feature];
    let distance: number | null = null;
    if (x !== undefined && y !== undefined) {
      distance =
        feature === 'tactics'
          ? jaccardDistance(x as readonly string[], y as readonly string[])
          : Math.abs((x as number) - (y as number)) / featureRange(feature);
      if (weight > 0) {
        sum += weight * distance;
        weightSum += weight;
        compared++;
      }
    }
    return { feature, episode: x ?? null, case: y ?? null, distance, weight };
  });
  return { distance: weightSum > 0 ? sum / weightSum : null, compared, comparison };
}

export interface AnalogueOptions {
  weights?: FeatureWeights;
  /** How many cases to return (default all). */
  top?: number;
}

/** Cases ranked nearest first; ties by earlier start, then id. Cases with nothing to compare come last. */
export function rankAnalogues(
  vector: FeatureVector,
  cases: readonly HistoricalCase[],
  options: AnalogueOptions = {},
): Analogue[] {
  const ranked = cases.map((c): Analogue => {
    const { distance, compared, comparison } = gowerDistance(vector, caseFeatureVector(c), options.weights);
    return {
      caseId: c.id,
      title: c.title,
      period: c.period,
      outcome: c.outcome.text,
      distance,
      compared,
      comparison: comparison.map((row) => ({ ...row, rationale: c.features[row.feature].rationale })),
    };
  });
  ranked.sort(
    (a, b) =>
      (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY) ||
      (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0) ||
      (a.caseId < b.caseId ? -1 : 1),
  );
  return options.top === undefined ? ranked : ranked.slice(0, options.top);
}
