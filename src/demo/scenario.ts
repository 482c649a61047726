// The synthetic scenario's timeline, written on a 540-day scale and stretched to the days asked
// for. It is built so that every analysis has something to find (DESIGN.md, "The analytic
// model"): two sharp rises in pressure, each followed about a week later by a peace offensive
// (a burst of Russian overtures with blame, wedges, delegitimisation, threats and stalling while
// positions are asserted or hardened); a later, smaller burst that does carry concessions (an
// opening); two formulas travelling from officials to state media, war bloggers and Western
// commentary; Western commitments as the counter-move; and plenty of background news.
import type { Stance } from '../core/types.js';
import { SCENARIO_SCRIPT } from './scenario-script.js';

export const BASE_DAYS = 540;

/** A hump: rises from `start` to full strength at `full`, holds until `hold`, falls to zero at `end`. */
export interface Hump {
  start: number;
  full: number;
  hold: number;
  end: number;
  strength: number;
}

export interface ScheduledDocument {
  /** Source slug (demo-sources.ts). */
  source: string;
  /** Minutes after midnight UTC of the event's day (may run into the following days). */
  minute: number;
  /** Sentence kinds, in order; empty when the document re-posts another. */
  kinds: readonly string[];
  /** Index, within the same event, of the document this one re-posts nearly verbatim. */
  repostOf?: number;
}

export interface ScenarioEvent {
  id: string;
  day: number;
  description: string;
  documents: readonly ScheduledDocument[];
  /** Billions of dollars of aid this event commits (the synthetic aid indicator). */
  aidBn?: number;
}

export interface RoundSpec {
  id: string;
  day: number;
  venue: string;
  status: 'held' | 'postponed' | 'cancelled' | 'walk-out';
  positions: Readonly<Record<string, ReadonlyArray<{ key: string; stance: Stance }>>>;
}

export interface Scenario {
  days: number;
  pressure: readonly Hump[];
  offensives: readonly Hump[];
  opening: Hump;
  /** The day each formula is first said (by a Russian official); nobody uses it before. */
  formulaDebut: { a: number; b: number };
  events: readonly ScenarioEvent[];
  rounds: readonly RoundSpec[];
}

/** How strongly each part of the scenario is running on a given day, each in [0, 1]. */
export interface Intensities {
  offensive: number;
  /** The second offensive, when positions harden. */
  harden: number;
  opening: number;
  /** Ukrainian and Western reaction: the offensives and the opening, two days later. */
  reaction: number;
  formulaA: boolean;
  formulaB: boolean;
}

/** The scenario stretched (or squeezed) from 540 days to `days`; order and gaps keep their shares. */
export function buildScenario(days: number): Scenario {
  const scale = (day: number): number => Math.round((day * days) / BASE_DAYS);
  const hump = (h: Hump): Hump => ({
    start: scale(h.start),
    full: Math.max(scale(h.full), scale(h.start) + 1),
    hold: scale(h.hold),
    end: Math.max(scale(h.end), scale(h.hold) + 1),
    strength: h.strength,
  });
  return {
    days,
    pressure: SCENARIO_SCRIPT.pressure.map(hump),
    offensives: SCENARIO_SCRIPT.offensives.map(hump),
    opening: hump(SCENARIO_SCRIPT.opening),
    formulaDebut: { a: scale(SCENARIO_SCRIPT.formulaDebut.a), b: scale(SCENARIO_SCRIPT.formulaDebut.b) },
    events: SCENARIO_SCRIPT.events.map((event) => ({ ...event, day: scale(event.day) })),
    rounds: SCENARIO_SCRIPT.rounds.map((round) => ({ ...round, day: scale(round.day) })),
  };
}

/** The value of a hump on a day: linear ramps, flat top (enough for a synthetic series). */
export function humpAt(h: Hump, day: number): number {
  if (day <= h.start || day >= h.end) return 0;
  if (day < h.full) return (h.strength * (day - h.start)) / (h.full - h.start);
  if (day <= h.hold) return h.strength;
  return (h.strength * (h.end - day)) / (h.end - h.hold);
}

export function intensitiesAt(scenario: Scenario, day: number): Intensities {
  const offensive = Math.min(1, Math.max(...scenario.offensives.map((h) => humpAt(h, day))));
  const second = scenario.offensives[1];
  const harden = second ? humpAt(second, day) : 0;
  const opening = humpAt(scenario.opening, day);
  const lagged = Math.max(
    ...scenario.offensives.map((h) => humpAt(h, day - 2)),
    humpAt(scenario.opening, day - 2),
  );
  return {
    offensive,
    harden,
    opening,
    reaction: Math.min(1, lagged),
    formulaA: day > scenario.formulaDebut.a,
    formulaB: day > scenario.formulaDebut.b,
  };
}
