// Counts and shares of a signal per period. The share divides by the group's own statements in
// the same period, so a busy news day (many statements of every kind) is not read as a burst.
import { enumeratePeriods, type Period, periodEnd, periodStart } from './period.js';

/** One UTC day of a speaker group: statements carrying the signal, and all its statements. */
export interface DailyCount {
  day: string;
  relevant: number;
  total: number;
}

export interface Rate {
  /** First day of the period (its label). */
  period: string;
  /** Last day of the period. */
  end: string;
  relevant: number;
  total: number;
  /** relevant / total, or null for a period without statements. */
  share: number | null;
}

export interface RateOptions {
  period: Period;
  /** First and last day to report; default the first and last day in `counts`. */
  from?: string;
  to?: string;
}

/**
 * Buckets daily counts into periods, filling periods without statements with zeros so that the
 * result is a gap-free series (what burst detection and causality need). Repeated days add up.
 */
export function computeRates(counts: readonly DailyCount[], options: RateOptions): Rate[] {
  const days = counts.map((count) => count.day).sort();
  const from = options.from ?? days[0];
  const to = options.to ?? days[days.length - 1];
  if (from === undefined || to === undefined || from > to) return [];
  const labels = enumeratePeriods(from, to, options.period);
  const index = new Map(labels.map((label, i) => [label, i]));
  const relevant = new Array<number>(labels.length).fill(0);
  const total = new Array<number>(labels.length).fill(0);
  for (const count of counts) {
    if (count.day < from || count.day > to) continue;
    const i = index.get(periodStart(count.day, options.period));
    if (i === undefined) continue;
    relevant[i] = (relevant[i] ?? 0) + count.relevant;
    total[i] = (total[i] ?? 0) + count.total;
  }
  return labels.map((label, i) => {
    const r = relevant[i] ?? 0;
    const t = total[i] ?? 0;
    return {
      period: label,
      end: periodEnd(label, options.period),
      relevant: r,
      total: t,
      share: t > 0 ? r / t : null,
    };
  });
}
