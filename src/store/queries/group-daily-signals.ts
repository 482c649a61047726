import type { Db } from '../db.js';

export interface GroupSignalDayRow {
  day: string;
  category: string;
  statements: number;
  [column: string]: unknown;
}

/**
 * A speaker group's statements per UTC day and signal category, from the daily roll-ups (a
 * statement with several signals of one category counts once there): those of its sources or
 * attributed to its actors. `categories` limits the categories read; empty or absent reads all.
 */
export function groupDailySignals(
  db: Db,
  params: {
    sourceIds: readonly number[];
    actors: readonly string[];
    categories?: readonly string[];
    since?: string;
    until?: string;
  },
): Promise<GroupSignalDayRow[]> {
  const categories = params.categories && params.categories.length > 0 ? [...params.categories] : null;
  return db.query<GroupSignalDayRow>(
    `SELECT r.day, r.category, sum(r.statements)::int AS statements
       FROM daily_signals r
      WHERE (r.source_id = ANY($1::int[]) OR r.speaker = ANY($2::text[]))
        AND ($3::text[] IS NULL OR r.category = ANY($3::text[]))
        AND ($4::date IS NULL OR r.day >= $4::date) AND ($5::date IS NULL OR r.day <= $5::date)
      GROUP BY r.day, r.category ORDER BY r.day, r.category`,
    [[...params.sourceIds], [...params.actors], categories, params.since ?? null, params.until ?? null],
  );
}
