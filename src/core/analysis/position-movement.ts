// Did a speaker group's positions move around an episode? Concessions are statements that
// soften or drop a position key; re-assertions assert or harden one. Counted by key over a window
// from `beforeDays` before the episode's start to `afterDays` after its end.
import type { Stance } from '../types.js';
import type { StatementEvidence } from './evidence.js';
import { addDays } from './period.js';
import type { PositionStatement } from './positions.js';

export interface KeyMovement {
  key: string;
  counts: Record<Stance, number>;
}

export interface PositionMovement {
  from: string;
  to: string;
  byKey: KeyMovement[];
  concessions: Array<{
    key: string;
    stance: Stance;
    day: string;
    actor: string;
    evidence: StatementEvidence;
  }>;
  reassertions: number;
  hardenings: number;
}

export function positionMovement(
  statements: readonly PositionStatement[],
  window: { start: string; end: string },
  beforeDays = 30,
  afterDays = 30,
): PositionMovement {
  const from = addDays(window.start, -beforeDays);
  const to = addDays(window.end, afterDays);
  const inside = statements
    .filter((s) => s.day >= from && s.day <= to)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const byKey = new Map<string, Record<Stance, number>>();
  for (const s of inside) {
    const counts = byKey.get(s.key) ?? { assert: 0, harden: 0, soften: 0, drop: 0 };
    counts[s.stance] += 1;
    byKey.set(s.key, counts);
  }
  const concessions = inside
    .filter((s) => s.stance === 'soften' || s.stance === 'drop')
    .map((s) => ({ key: s.key, stance: s.stance, day: s.day, actor: s.actor, evidence: s.evidence }));
  return {
    from,
    to,
    byKey: [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, counts]) => ({ key, counts })),
    concessions,
    reassertions: inside.filter((s) => s.stance === 'assert').length,
    hardenings: inside.filter((s) => s.stance === 'harden').length,
  };
}
