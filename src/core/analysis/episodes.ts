// Episodes: level-≥1 bursts of a signal by a speaker group (Kleinberg 2002, see detect-bursts.ts),
// each described with the evidence a reader can check — the statements behind it, the companion
// tactics, the movement of positions, the amplification in opposing camps, the pressure before
// it — and, for overtures, a classification with its reasons (classify-episode.ts).
//
// Finding the windows and describing them are two steps because the description needs the
// evidence statements of each window, which the edge fetches from the store in between.
import type { SignalCategory } from '../types.js';
import { type CampAmplification, campAmplification, type OpposingCamp } from './camp-amplification.js';
import { classifyEpisode, type EpisodeClass, type Intensity } from './classify-episode.js';
import type { StatementEvidence } from './evidence.js';
import { type BurstWindow, type BurstWindowOptions, findBurstWindows } from './find-burst-windows.js';
import { type GroupSeries, windowShare } from './group-series.js';
import { type PositionMovement, positionMovement } from './position-movement.js';
import type { PositionStatement } from './positions.js';
import { type PressureContext, type PressurePoint, pressureContext } from './pressure.js';
import { type TacticShare, tacticMix } from './tactic-mix.js';

/** Days before the start and after the end that position movement and amplification look at. */
export const CONTEXT_DAYS = 30;

export interface Episode extends BurstWindow {
  /** `group/category/start`: stable across recomputation on the same data. */
  id: string;
  group: string;
  category: SignalCategory;
  intensity: Intensity;
  evidence: StatementEvidence[];
  tactics: TacticShare[];
  positions: PositionMovement;
  amplification: CampAmplification[];
  pressure: (PressureContext & { actor: string; indicators: string[] }) | null;
  classification: EpisodeClass | null;
  reasons: string[];
}

export interface EpisodeContext {
  group: string;
  category: SignalCategory;
  series: GroupSeries;
  opposing: readonly OpposingCamp[];
  /** The group's position statements (any dates; the window is applied here). */
  positions: readonly PositionStatement[];
  /** A daily pressure index for the group's actor, or null when none is stored. */
  pressure: { actor: string; indicators: string[]; index: readonly PressurePoint[] } | null;
}

export function episodeId(group: string, category: string, start: string): string {
  return `${group}/${category}/${start}`;
}

/** The signals whose echo in opposing camps counts as amplification of a burst of `category`. */
export function amplifiedSignals(category: SignalCategory): SignalCategory[] {
  // "Stalemate" and "time to negotiate" are how overtures are echoed (DESIGN.md, point 4).
  return category === 'overture' ? ['overture', 'stalemate'] : [category];
}

export function findEpisodes(
  series: GroupSeries,
  category: SignalCategory,
  options: BurstWindowOptions = {},
): BurstWindow[] {
  return findBurstWindows(series, category, options).windows;
}

export function describeEpisode(
  window: BurstWindow,
  context: EpisodeContext,
  evidence: readonly StatementEvidence[],
): Episode {
  const { series, category } = context;
  const inside = windowShare(series, category, window.start, window.end);
  const outside = windowShare(series, category, window.start, window.end, false);
  const intensity: Intensity = {
    statements: inside.relevant,
    total: inside.total,
    share: inside.share,
    baselineShare: outside.share,
    ratio: inside.share !== null && outside.share ? inside.share / outside.share : null,
  };
  const tactics = tacticMix(series, window);
  const positions = positionMovement(context.positions, window, CONTEXT_DAYS, CONTEXT_DAYS);
  const amplified = campAmplification(window, context.opposing, amplifiedSignals(category), CONTEXT_DAYS);
  const pressure = context.pressure
    ? {
        actor: context.pressure.actor,
        indicators: context.pressure.indicators,
        ...pressureContext(context.pressure.index, window.start, CONTEXT_DAYS),
      }
    : null;
  const { classification, reasons } = classifyEpisode({
    category,
    start: window.start,
    end: window.end,
    intensity,
    positions,
    tactics,
    amplification: amplified,
    pressure,
  });
  return {
    id: episodeId(context.group, category, window.start),
    group: context.group,
    category,
    ...window,
    intensity,
    evidence: [...evidence],
    tactics,
    positions,
    amplification: amplified,
    pressure,
    classification,
    reasons,
  };
}
