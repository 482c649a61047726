// Bursts of one signal in a group's series, as dated windows: level-≥1 runs of Kleinberg's
// automaton (see detect-bursts.ts) over the group's shares per period, each with its peak (the
// period with the highest share, the earliest on ties) and the highest state it reached.
import type { SignalCategory } from '../types.js';
import { type BurstOptions, detectBursts } from './detect-bursts.js';
import { dailyCounts, type GroupSeries } from './group-series.js';
import type { Period } from './period.js';
import { computeRates, type Rate } from './rates.js';

export interface BurstWindow {
  start: string;
  peak: string;
  end: string;
  /** The highest state reached in the run. */
  level: number;
  /** Periods in the run. */
  periods: number;
}

export interface BurstWindowOptions extends BurstOptions {
  period?: Period;
}

export function findBurstWindows(
  series: GroupSeries,
  category: SignalCategory,
  options: BurstWindowOptions = {},
): { windows: BurstWindow[]; rates: Rate[]; baseRate: number } {
  const first = series.days[0];
  const last = series.days[series.days.length - 1];
  if (first === undefined || last === undefined) return { windows: [], rates: [], baseRate: 0 };
  const rates = computeRates(dailyCounts(series, category), {
    period: options.period ?? 'day',
    from: first,
    to: last,
  });
  const detection = detectBursts(rates, options);
  const windows = detection.bursts
    .filter((run) => run.level === 1)
    .map((run) => {
      let peak = run.start;
      let level = 1;
      for (let t = run.start; t <= run.end; t++) {
        if ((rates[t]!.share ?? -1) > (rates[peak]!.share ?? -1)) peak = t;
        level = Math.max(level, detection.states[t]!);
      }
      const end = rates[run.end]!.end;
      return {
        start: rates[run.start]!.period,
        peak: rates[peak]!.period,
        // The last period may run past the data (a week cut short): end on the last day there is.
        end: earlierDay(end, last),
        level,
        periods: run.end - run.start + 1,
      };
    });
  return { windows, rates, baseRate: detection.baseRate };
}

function earlierDay(a: string, b: string): string {
  return a <= b ? a : b;
}
