// Reads a speaker group's daily roll-ups into the gap-free series the analyses take.
import { buildGroupSeries, type GroupSeries } from '../../core/analysis/group-series.js';
import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import type { Db } from '../../store/db.js';
import { groupDailySignals } from '../../store/queries/group-daily-signals.js';
import { groupDailyStatements } from '../../store/queries/group-daily-statements.js';
import { groupSourceIds } from '../../store/queries/group-source-ids.js';

export interface SeriesRange {
  since?: string;
  until?: string;
}

export async function loadGroupSeries(
  db: Db,
  group: SpeakerGroup,
  categories: readonly string[],
  range: SeriesRange = {},
): Promise<GroupSeries> {
  const window = {
    ...(range.since ? { since: range.since } : {}),
    ...(range.until ? { until: range.until } : {}),
  };
  const sourceIds = (await groupSourceIds(db, { group })).map((row) => row.id);
  const members = { sourceIds, actors: group.actors, ...window };
  const totals = await groupDailyStatements(db, members);
  const signals = await groupDailySignals(db, { ...members, categories });
  const from = range.since ?? totals[0]?.day;
  const to = range.until ?? totals[totals.length - 1]?.day;
  if (from === undefined || to === undefined) return { days: [], total: [], signals: {} };
  return buildGroupSeries(totals, signals, { from, to });
}
