// Amplification (DESIGN.md model point 4): do the opposing camps' sources carry the same signal
// around the episode? For each opposing camp: its share of the signal during the episode against
// its share outside the surrounding window, and the lag from the episode's start to the first
// burst of the signal in that camp that starts between `windowDays` before the episode and
// `windowDays` after its end (negative: the camp moved first).
import type { SignalCategory } from '../types.js';
import type { BurstWindow } from './find-burst-windows.js';
import { type GroupSeries, windowShare } from './group-series.js';
import { addDays, daysBetween } from './period.js';

export interface CampAmplification {
  camp: string;
  category: SignalCategory;
  share: number | null;
  baselineShare: number | null;
  ratio: number | null;
  statements: number;
  /** Days from the episode's start to the camp's burst, or null when it had none near it. */
  lagDays: number | null;
  burst: { start: string; end: string } | null;
}

export interface OpposingCamp {
  camp: string;
  series: GroupSeries;
  /** The camp's own bursts of each signal, found with the same options as the episode's. */
  bursts: Partial<Record<SignalCategory, BurstWindow[]>>;
}

export function campAmplification(
  window: { start: string; end: string },
  opposing: readonly OpposingCamp[],
  categories: readonly SignalCategory[],
  windowDays = 30,
): CampAmplification[] {
  const from = addDays(window.start, -windowDays);
  const to = addDays(window.end, windowDays);
  return opposing.flatMap((camp) =>
    categories.map((category) => {
      const inside = windowShare(camp.series, category, window.start, window.end);
      const outside = windowShare(camp.series, category, from, to, false);
      const burst = (camp.bursts[category] ?? []).find((b) => b.start >= from && b.start <= to) ?? null;
      return {
        camp: camp.camp,
        category,
        share: inside.share,
        baselineShare: outside.share,
        ratio: inside.share !== null && outside.share ? inside.share / outside.share : null,
        statements: inside.relevant,
        lagDays: burst ? daysBetween(window.start, burst.start) : null,
        burst: burst ? { start: burst.start, end: burst.end } : null,
      };
    }),
  );
}

/** Camps whose prefix (the part before the first '-') differs from every camp of the group. */
export function opposingCamps(groupCamps: readonly string[], allCamps: readonly string[]): string[] {
  const prefix = (camp: string) => camp.split('-')[0] ?? camp;
  const own = new Set(groupCamps.map(prefix));
  return [...new Set(allCamps)].filter((camp) => camp !== 'other' && !own.has(prefix(camp))).sort();
}
