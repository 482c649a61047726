// A speaker group's statements as a gap-free daily series: all statements, and those carrying
// each signal. Built once from the daily roll-ups; every episode measure reads windows of it.
import type { SignalCategory } from '../types.js';
import { addDays, daysBetween } from './period.js';
import type { DailyCount } from './rates.js';

export interface GroupSeries {
  /** Consecutive UTC days. */
  days: string[];
  total: number[];
  signals: Partial<Record<SignalCategory, number[]>>;
}

export interface DailyStatementRow {
  day: string;
  statements: number;
}

export interface DailySignalRow extends DailyStatementRow {
  category: string;
}

export function buildGroupSeries(
  totals: readonly DailyStatementRow[],
  signals: readonly DailySignalRow[],
  range: { from: string; to: string },
): GroupSeries {
  const length = Math.max(0, daysBetween(range.from, range.to) + 1);
  const days = Array.from({ length }, (_, i) => addDays(range.from, i));
  const at = (day: string): number => {
    const i = daysBetween(range.from, day);
    return i >= 0 && i < length ? i : -1;
  };
  const total = new Array<number>(length).fill(0);
  for (const row of totals) {
    const i = at(row.day);
    if (i >= 0) total[i] = (total[i] ?? 0) + row.statements;
  }
  const byCategory: Partial<Record<SignalCategory, number[]>> = {};
  for (const row of signals) {
    const i = at(row.day);
    if (i < 0) continue;
    const category = row.category as SignalCategory;
    const series = byCategory[category] ?? new Array<number>(length).fill(0);
    series[i] = (series[i] ?? 0) + row.statements;
    byCategory[category] = series;
  }
  return { days, total, signals: byCategory };
}

/** The daily counts of one signal, for `computeRates`. */
export function dailyCounts(series: GroupSeries, category: SignalCategory): DailyCount[] {
  const relevant = series.signals[category];
  return series.days.map((day, i) => ({ day, relevant: relevant?.[i] ?? 0, total: series.total[i] ?? 0 }));
}

export interface WindowShare {
  relevant: number;
  total: number;
  share: number | null;
}

/** The share of a signal over the days in [from, to] (inside = true) or outside them. */
export function windowShare(
  series: GroupSeries,
  category: SignalCategory,
  from: string,
  to: string,
  inside = true,
): WindowShare {
  const relevant = series.signals[category];
  let r = 0;
  let t = 0;
  series.days.forEach((day, i) => {
    if ((day >= from && day <= to) !== inside) return;
    r += relevant?.[i] ?? 0;
    t += series.total[i] ?? 0;
  });
  return { relevant: r, total: t, share: t > 0 ? r / t : null };
}
