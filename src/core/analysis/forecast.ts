// Early warning: the probability that a new episode of a signal (overtures by default) starts
// within the next N days, from lagged pressure and the group's recent signal shares, with an
// honest evaluation.
//
// Features at day t: the share of overtures and of threats in the group's statements over the
// `windowDays` days ending at t, and the mean pressure index over the `windowDays` days ending
// `pressureLagDays` before t (omitted when no pressure index is given; missing days count as 0,
// the index's mean). The label of day t is 1 when an episode starts in (t, t + N].
//
// Evaluation is a rolling-origin backtest (Tashman, "Out-of-sample tests of forecasting accuracy",
// IJF 16, 2000): at each origin o, episodes are detected on the data up to o only, the model is
// fitted on the days whose N-day outcome was already known at o (t + N ≤ o), and it forecasts
// day o. Outcomes come from the episodes found on all the data. The score is the Brier score
// (Brier 1950) against climatology — the training base rate at o — as the skill score
// BSS = 1 − BS / BS_climatology (Murphy 1973): above 0 the model beats climatology, at or below 0
// it does not, and the verdict says so.
import type { SignalCategory } from '../types.js';
import type { BurstOptions } from './detect-bursts.js';
import { findBurstWindows } from './find-burst-windows.js';
import type { GroupSeries } from './group-series.js';
import { fitLogistic, type LogisticModel, predictLogistic } from './logistic-regression.js';
import { daysBetween } from './period.js';

export interface ForecastOptions {
  horizonDays?: number;
  windowDays?: number;
  pressureLagDays?: number;
  /** Days between backtest origins. */
  stepDays?: number;
  /** Days of history before the first origin. */
  minTrainDays?: number;
  l2?: number;
  burst?: BurstOptions;
  category?: SignalCategory;
}

export const FORECAST_DEFAULTS = {
  horizonDays: 30,
  windowDays: 14,
  pressureLagDays: 7,
  stepDays: 7,
  minTrainDays: 180,
  l2: 1,
} as const;

export interface BacktestForecast {
  origin: string;
  probability: number;
  climatology: number;
  outcome: 0 | 1;
}

export interface Backtest {
  forecasts: BacktestForecast[];
  positives: number;
  brier: number | null;
  brierClimatology: number | null;
  /** Brier skill score against climatology; null when it cannot be computed. */
  skill: number | null;
  beatsClimatology: boolean;
}

export interface Forecast {
  category: SignalCategory;
  asOf: string;
  horizonDays: number;
  /** P(an episode starts in (asOf, asOf + N]). */
  probability: number | null;
  /** The base rate of such starts over the labelled days. */
  climatology: number | null;
  features: Array<{ name: string; value: number; coefficient: number | null }>;
  episodeStarts: string[];
  backtest: Backtest;
  verdict: string;
}

export function forecastEpisodes(
  series: GroupSeries,
  pressure: ReadonlyArray<number | null> | null,
  options: ForecastOptions = {},
): Forecast {
  const horizon = options.horizonDays ?? FORECAST_DEFAULTS.horizonDays;
  const windowDays = options.windowDays ?? FORECAST_DEFAULTS.windowDays;
  const lag = options.pressureLagDays ?? FORECAST_DEFAULTS.pressureLagDays;
  const stepDays = options.stepDays ?? FORECAST_DEFAULTS.stepDays;
  const minTrain = options.minTrainDays ?? FORECAST_DEFAULTS.minTrainDays;
  const l2 = options.l2 ?? FORECAST_DEFAULTS.l2;
  const category = options.category ?? 'overture';
  const n = series.days.length;
  const names = ['overture share', 'threat share', ...(pressure ? ['pressure (lagged)'] : [])];
  const features = featureMatrix(series, pressure, windowDays, lag);
  const firstUsable = windowDays - 1;

  const startsUpTo = (lastIndex: number): number[] => {
    const truncated: GroupSeries = {
      days: series.days.slice(0, lastIndex + 1),
      total: series.total.slice(0, lastIndex + 1),
      signals: Object.fromEntries(
        Object.entries(series.signals).map(([k, v]) => [k, v.slice(0, lastIndex + 1)]),
      ),
    };
    return findBurstWindows(truncated, category, { ...options.burst, period: 'day' }).windows.map((w) =>
      daysBetween(series.days[0]!, w.start),
    );
  };
  const labelsFor = (starts: readonly number[], t: number): 0 | 1 =>
    starts.some((s) => s > t && s <= t + horizon) ? 1 : 0;
  const fitAt = (lastKnown: number, starts: readonly number[]) => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let t = firstUsable; t + horizon <= lastKnown; t++) {
      rows.push(features[t]!);
      labels.push(labelsFor(starts, t));
    }
    const climatology = labels.length > 0 ? labels.reduce((a, b) => a + b, 0) / labels.length : null;
    const model = rows.length > 0 ? fitLogistic(rows, labels, { l2 }) : null;
    return { model, climatology };
  };

  const allStarts = n > 0 ? startsUpTo(n - 1) : [];
  const forecasts: BacktestForecast[] = [];
  for (let origin = firstUsable + minTrain; origin + horizon <= n - 1; origin += stepDays) {
    const { model, climatology } = fitAt(origin, startsUpTo(origin));
    if (model === null || climatology === null) continue;
    forecasts.push({
      origin: series.days[origin]!,
      probability: predictLogistic(model, features[origin]!),
      climatology,
      outcome: labelsFor(allStarts, origin),
    });
  }
  const backtest = scoreBacktest(forecasts);
  const now = n > 0 ? fitAt(n - 1, allStarts) : { model: null, climatology: null };
  const last = features[n - 1];
  const probability = now.model && last ? predictLogistic(now.model, last) : null;
  return {
    category,
    asOf: series.days[n - 1] ?? '',
    horizonDays: horizon,
    probability,
    climatology: now.climatology,
    features: names.map((name, j) => ({
      name,
      value: last?.[j] ?? 0,
      coefficient: coefficient(now.model, j),
    })),
    episodeStarts: allStarts.map((s) => series.days[s]!),
    backtest,
    verdict: verdict(backtest, category, horizon),
  };
}

function coefficient(model: LogisticModel | null, j: number): number | null {
  return model ? (model.weights[j] ?? null) : null;
}

/** One row per day: [overture share, threat share, lagged pressure?] over trailing windows. */
function featureMatrix(
  series: GroupSeries,
  pressure: ReadonlyArray<number | null> | null,
  windowDays: number,
  lag: number,
): number[][] {
  const n = series.days.length;
  const prefix = (values: ReadonlyArray<number | null> | undefined) => {
    const sums = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) sums[i + 1] = sums[i]! + (values?.[i] ?? 0);
    return sums;
  };
  const total = prefix(series.total);
  const overture = prefix(series.signals.overture);
  const threat = prefix(series.signals.threat);
  const press = pressure ? prefix(pressure) : null;
  const sum = (sums: Float64Array, from: number, to: number) => sums[to + 1]! - sums[Math.max(0, from)]!;
  return series.days.map((_, t) => {
    const from = t - windowDays + 1;
    const statements = sum(total, from, t);
    const row = [
      statements > 0 ? sum(overture, from, t) / statements : 0,
      statements > 0 ? sum(threat, from, t) / statements : 0,
    ];
    if (press) {
      const end = t - lag;
      row.push(end >= 0 ? sum(press, end - windowDays + 1, end) / windowDays : 0);
    }
    return row;
  });
}

export function scoreBacktest(forecasts: readonly BacktestForecast[]): Backtest {
  const positives = forecasts.filter((f) => f.outcome === 1).length;
  if (forecasts.length === 0) {
    return {
      forecasts: [],
      positives,
      brier: null,
      brierClimatology: null,
      skill: null,
      beatsClimatology: false,
    };
  }
  const brier = forecasts.reduce((s, f) => s + (f.probability - f.outcome) ** 2, 0) / forecasts.length;
  const brierClimatology =
    forecasts.reduce((s, f) => s + (f.climatology - f.outcome) ** 2, 0) / forecasts.length;
  const skill = brierClimatology > 0 ? 1 - brier / brierClimatology : null;
  return {
    forecasts: [...forecasts],
    positives,
    brier,
    brierClimatology,
    skill,
    beatsClimatology: skill !== null && skill > 0,
  };
}

function verdict(backtest: Backtest, category: SignalCategory, horizon: number): string {
  const n = backtest.forecasts.length;
  if (n === 0) {
    return 'No backtest was possible: the series is too short for the training period and the horizon, so the probability is untested.';
  }
  const skill =
    backtest.skill === null
      ? 'n/a'
      : `${backtest.skill >= 0 ? '+' : '−'}${Math.abs(backtest.skill).toFixed(3)}`;
  const counted = `over ${n} backtest forecasts, ${backtest.positives} followed by the start of a new ${category} episode within ${horizon} days`;
  const few = backtest.positives < 3 || n - backtest.positives < 3;
  if (backtest.skill === null) {
    return `The Brier skill score cannot be computed ${counted}: climatology was never wrong, so there is nothing to improve on.`;
  }
  if (!backtest.beatsClimatology) {
    return `The model does not beat climatology (Brier skill score ${skill} ${counted}); its probability is no better than the base rate.`;
  }
  return few
    ? `The model beats climatology (Brier skill score ${skill} ${counted}), but on so few episode starts that this may be chance.`
    : `The model beats climatology (Brier skill score ${skill} ${counted}).`;
}
