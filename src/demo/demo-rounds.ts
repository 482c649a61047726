// The synthetic negotiation rounds, dated, in the shape of the negotiation_rounds table, for the
// talks analysis: the same Russian positions round after round, hardened at the walk-out and
// softened only in the opening.
import type { Stance } from '../core/types.js';
import { addDays } from './add-days.js';
import type { Scenario } from './scenario.js';

export interface DemoRound {
  id: string;
  talks: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  venue: string;
  status: 'held' | 'postponed' | 'cancelled' | 'walk-out';
  parties: string[];
  /** Party (actor id) → its stated positions at this round. */
  positions: Record<string, Array<{ key: string; stance: Stance }>>;
}

export const DEMO_TALKS = 'Synthetic Geneva–Istanbul track';
/** The talks' slug in a rounds file (`overture rounds import`). */
export const DEMO_TALKS_SLUG = 'synthetic-demo-track';

/** The rounds as a rounds file, the format `overture rounds import` and `analyze talks` read. */
export function demoRoundsFile(rounds: readonly DemoRound[]): unknown {
  return {
    talks: DEMO_TALKS_SLUG,
    title: `${DEMO_TALKS} (SYNTHETIC: invented for the demo)`,
    parties: ['russia', 'ukraine'],
    rounds: rounds.map((round) => ({
      date: round.day,
      venue: round.venue,
      status: round.status,
      parties: round.parties,
      positions: Object.fromEntries(
        Object.entries(round.positions).map(([party, keys]) => [
          party,
          { keys: Object.fromEntries(keys.map(({ key, stance }) => [key, stance])) },
        ]),
      ),
    })),
  };
}

export function demoRounds(scenario: Scenario, start: string): DemoRound[] {
  return scenario.rounds.map((round) => ({
    id: `synthetic-${round.id}`,
    talks: DEMO_TALKS,
    day: addDays(start, round.day),
    venue: round.venue,
    status: round.status,
    parties: ['russia', 'ukraine'],
    positions: Object.fromEntries(
      Object.entries(round.positions).map(([party, list]) => [party, list.map((p) => ({ ...p }))]),
    ),
  }));
}
