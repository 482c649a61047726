// The companion tactics of DESIGN.md (model point 3) around an episode: the share of blame,
// wedge, delegitimisation, threat and stall in the group's statements during the episode against
// the same share outside it (the group's baseline).
import type { SignalCategory } from '../types.js';
import { type GroupSeries, windowShare } from './group-series.js';

export const TACTICS = [
  'blame',
  'wedge',
  'delegitimize',
  'threat',
  'stall',
] as const satisfies readonly SignalCategory[];

export interface TacticShare {
  category: SignalCategory;
  statements: number;
  share: number | null;
  baselineShare: number | null;
  /** share / baselineShare; null when either is missing or the baseline is 0. */
  ratio: number | null;
}

export function tacticMix(series: GroupSeries, window: { start: string; end: string }): TacticShare[] {
  return TACTICS.map((category) => {
    const inside = windowShare(series, category, window.start, window.end);
    const outside = windowShare(series, category, window.start, window.end, false);
    return {
      category,
      statements: inside.relevant,
      share: inside.share,
      baselineShare: outside.share,
      ratio: inside.share !== null && outside.share ? inside.share / outside.share : null,
    };
  });
}
