import type { Db } from '../db.js';

export interface GroupDayRow {
  day: string;
  statements: number;
  [column: string]: unknown;
}

/**
 * A speaker group's statements per UTC day, from the daily roll-ups: those of its sources (its
 * camps' and its named sources, resolved by group-source-ids.ts so that the indexes of migration
 * 002 apply) or attributed to its actors, each roll-up row counted once.
 */
export function groupDailyStatements(
  db: Db,
  params: { sourceIds: readonly number[]; actors: readonly string[]; since?: string; until?: string },
): Promise<GroupDayRow[]> {
  return db.query<GroupDayRow>(
    `SELECT r.day, sum(r.statements)::int AS statements
       FROM daily_statements r
      WHERE (r.source_id = ANY($1::int[]) OR r.speaker = ANY($2::text[]))
        AND ($3::date IS NULL OR r.day >= $3::date) AND ($4::date IS NULL OR r.day <= $4::date)
      GROUP BY r.day ORDER BY r.day`,
    [[...params.sourceIds], [...params.actors], params.since ?? null, params.until ?? null],
  );
}
