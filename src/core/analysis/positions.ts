// The position ledger: per actor and position key, the stances stated over time with their
// evidence, and for a window, what moved and what did not. A key "moved" in the window when a
// statement in it hardens, softens or drops it; it is "restated" when it was only asserted again,
// and "held" when it was stated before the window and not touched in it — silence is not a
// concession.
import type { Stance } from '../types.js';
import type { StatementEvidence } from './evidence.js';

export interface PositionStatement {
  actor: string;
  key: string;
  stance: Stance;
  /** UTC day of the statement's document. */
  day: string;
  evidence: StatementEvidence;
}

export type PositionStatus = 'moved' | 'restated' | 'held';

export interface LedgerEntry {
  actor: string;
  key: string;
  status: PositionStatus;
  /** The last stance stated up to the window's end. */
  latest: { day: string; stance: Stance };
  /** The last statement before the window, when there is one. */
  before: { day: string; stance: Stance } | null;
  counts: Record<Stance, number>;
  /** The statements in the window, oldest first. */
  timeline: PositionStatement[];
}

export interface PositionLedger {
  since: string | null;
  until: string | null;
  entries: LedgerEntry[];
  /** actor × key pairs that did not move in the window (restated or held). */
  unchanged: Array<{
    actor: string;
    key: string;
    stance: Stance;
    status: 'restated' | 'held';
    lastStated: string;
  }>;
}

export interface LedgerWindow {
  since?: string;
  until?: string;
}

export function buildPositionLedger(
  statements: readonly PositionStatement[],
  window: LedgerWindow = {},
): PositionLedger {
  const since = window.since ?? null;
  const until = window.until ?? null;
  const groups = new Map<string, PositionStatement[]>();
  for (const statement of statements) {
    if (until !== null && statement.day > until) continue;
    const id = `${statement.actor}\u0000${statement.key}`;
    const list = groups.get(id) ?? [];
    list.push(statement);
    groups.set(id, list);
  }
  const entries: LedgerEntry[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const inWindow = list.filter((s) => since === null || s.day >= since);
    const earlier = list.filter((s) => since !== null && s.day < since);
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const lastBefore = earlier[earlier.length - 1];
    const counts: Record<Stance, number> = { assert: 0, harden: 0, soften: 0, drop: 0 };
    for (const s of inWindow) counts[s.stance] += 1;
    const status: PositionStatus = inWindow.some((s) => s.stance !== 'assert')
      ? 'moved'
      : inWindow.length > 0
        ? 'restated'
        : 'held';
    entries.push({
      actor: first.actor,
      key: first.key,
      status,
      latest: { day: last.day, stance: last.stance },
      before: lastBefore ? { day: lastBefore.day, stance: lastBefore.stance } : null,
      counts,
      timeline: inWindow,
    });
  }
  entries.sort((a, b) =>
    a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const unchanged = entries.flatMap((entry) =>
    entry.status === 'moved'
      ? []
      : [
          {
            actor: entry.actor,
            key: entry.key,
            stance: entry.latest.stance,
            status: entry.status,
            lastStated: entry.latest.day,
          },
        ],
  );
  return { since, until, entries, unchanged };
}
