import type { Db } from '../db.js';

export interface IndicatorPointRow {
  indicator: string;
  day: string;
  value: number;
  [column: string]: unknown;
}

/** The points of the named indicators, in [since, until] when given, by indicator then day. */
export function indicatorPoints(
  db: Db,
  params: { names: readonly string[]; since?: string; until?: string },
): Promise<IndicatorPointRow[]> {
  return db.query<IndicatorPointRow>(
    `SELECT indicator, day, value FROM indicator_points
      WHERE indicator = ANY($1::text[])
        AND ($2::date IS NULL OR day >= $2::date) AND ($3::date IS NULL OR day <= $3::date)
      ORDER BY indicator, day`,
    [[...params.names], params.since ?? null, params.until ?? null],
  );
}
