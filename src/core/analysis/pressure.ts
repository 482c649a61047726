// Pressure indicators and the composite pressure index of an actor.
//
// An indicator is a dated series (losses, an exchange rate, territory) with a direction: `up`
// means a rise is more pressure on the actor, `down` that a fall is. Cumulative series (running
// totals, such as claimed losses to date) are differenced first; an increment reported after a
// gap of g days is spread evenly over those g days. Resampling to a day, week, half-month or month
// takes the mean of the daily values present in the period, so flows become a daily rate and a
// period with missing days is not undercounted.
//
// The composite index of period t is the weighted mean of the signed z-scores of the indicators
// that have a value at t: index_t = Σ_i w_i · sgn_i · z_i,t / Σ_i w_i, with sgn = +1 for `up`
// and −1 for `down`, and z the indicator's standard score over its own history. Weights default
// to 1 (every indicator counts equally) and are renormalised over the indicators present at t.
// `full` standardises over the whole series (descriptive use); `expanding` uses only periods up
// to t, so that a backtest never sees the future.
import type { IndicatorPoint } from '../types.js';
import { addDays, daysBetween, enumeratePeriods, type Period, periodStart } from './period.js';

export type Direction = 'up' | 'down';

export interface IndicatorSeries {
  name: string;
  direction: Direction;
  cumulative: boolean;
  /** Relative weight in the composite index (default 1). */
  weight?: number;
  points: readonly IndicatorPoint[];
}

export interface PressurePoint {
  period: string;
  /** The composite index, or null when no indicator has a standard score at this period. */
  value: number | null;
  /** Each indicator's signed z-score at this period (absent when it has none). */
  components: Record<string, number>;
}

export interface PressureOptions {
  period: Period;
  from?: string;
  to?: string;
  standardise?: 'full' | 'expanding';
  /** Periods of history an expanding z-score needs before it is reported (default 8). */
  minHistory?: number;
}

/** Daily values: cumulative totals differenced (spread over gaps), other series as given. */
export function dailyValues(points: readonly IndicatorPoint[], cumulative: boolean): IndicatorPoint[] {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!cumulative) return sorted;
  const daily: IndicatorPoint[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    const gap = daysBetween(prev.date, cur.date);
    if (gap <= 0) continue;
    const perDay = (cur.value - prev.value) / gap;
    for (let d = 1; d <= gap; d++) daily.push({ date: addDays(prev.date, d), value: perDay });
  }
  return daily;
}

/** Mean of the daily values present in each period, keyed by the period's first day. */
export function resample(daily: readonly IndicatorPoint[], period: Period): Map<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const point of daily) {
    const key = periodStart(point.date, period);
    const entry = sums.get(key) ?? { sum: 0, count: 0 };
    entry.sum += point.value;
    entry.count += 1;
    sums.set(key, entry);
  }
  return new Map([...sums].map(([key, { sum, count }]) => [key, sum / count]));
}

export function pressureIndex(
  indicators: readonly IndicatorSeries[],
  options: PressureOptions,
): PressurePoint[] {
  const standardise = options.standardise ?? 'full';
  const minHistory = options.minHistory ?? 8;
  const resampled = indicators.map((indicator) =>
    resample(dailyValues(indicator.points, indicator.cumulative), options.period),
  );
  const keys = resampled.flatMap((series) => [...series.keys()]).sort();
  const from = options.from ?? keys[0];
  const to = options.to ?? keys[keys.length - 1];
  if (from === undefined || to === undefined || from > to) return [];
  const periods = enumeratePeriods(from, to, options.period);
  const scores = indicators.map((indicator, i) => {
    const series = resampled[i]!;
    const sign = indicator.direction === 'up' ? 1 : -1;
    return standardise === 'full' ? fullScores(series, sign) : expandingScores(series, sign, minHistory);
  });
  return periods.map((period) => {
    const components: Record<string, number> = {};
    let weighted = 0;
    let weights = 0;
    indicators.forEach((indicator, i) => {
      const z = scores[i]!.get(period);
      if (z === undefined) return;
      const weight = indicator.weight ?? 1;
      components[indicator.name] = z;
      weighted += weight * z;
      weights += weight;
    });
    return { period, value: weights > 0 ? weighted / weights : null, components };
  });
}

function fullScores(series: Map<string, number>, sign: number): Map<string, number> {
  const values = [...series.values()];
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  const scores = new Map<string, number>();
  if (!(sd > 0)) return scores;
  for (const [key, value] of series) scores.set(key, (sign * (value - mean)) / sd);
  return scores;
}

/** z of each period against the periods up to and including it (Welford's running moments). */
function expandingScores(series: Map<string, number>, sign: number, minHistory: number): Map<string, number> {
  const scores = new Map<string, number>();
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (const key of [...series.keys()].sort()) {
    const value = series.get(key)!;
    count += 1;
    const delta = value - mean;
    mean += delta / count;
    m2 += delta * (value - mean);
    if (count < minHistory) continue;
    const sd = Math.sqrt(m2 / (count - 1));
    if (sd > 0) scores.set(key, (sign * (value - mean)) / sd);
  }
  return scores;
}

export interface PressureContext {
  windowDays: number;
  /** Mean index over the `windowDays` days before the start, or null without data there. */
  before: number | null;
  /** Mean index over every other day with a value. */
  baseline: number | null;
  /** before − baseline, in the index's units (standard deviations). */
  difference: number | null;
  daysWithData: number;
}

/** The pressure in the days before `start` against the rest of the series (a daily index). */
export function pressureContext(
  index: readonly PressurePoint[],
  start: string,
  windowDays = 30,
): PressureContext {
  const windowStart = addDays(start, -windowDays);
  const before: number[] = [];
  const rest: number[] = [];
  for (const point of index) {
    if (point.value === null) continue;
    if (point.period >= windowStart && point.period < start) before.push(point.value);
    else rest.push(point.value);
  }
  const mean = (values: number[]) =>
    values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
  const b = mean(before);
  const base = mean(rest);
  return {
    windowDays,
    before: b,
    baseline: base,
    difference: b !== null && base !== null ? b - base : null,
    daysWithData: before.length,
  };
}
