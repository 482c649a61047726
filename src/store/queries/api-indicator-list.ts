import type { Db } from '../db.js';

export interface IndicatorRow {
  name: string;
  actor: string | null;
  direction: 'up' | 'down';
  cumulative: boolean;
  description: string | null;
  imported_from: string | null;
  points: number;
  first_day: string | null;
  last_day: string | null;
  [column: string]: unknown;
}

/** Stored indicators with the extent of their series. */
export function apiIndicatorList(db: Db, name?: string): Promise<IndicatorRow[]> {
  return db.query<IndicatorRow>(
    `SELECT i.name, i.actor, i.direction, i.cumulative, i.description, i.imported_from,
            count(p.day)::int AS points, min(p.day) AS first_day, max(p.day) AS last_day
       FROM indicators i LEFT JOIN indicator_points p ON p.indicator = i.name
      WHERE ($1::text IS NULL OR i.name = $1)
      GROUP BY i.name ORDER BY i.name`,
    [name ?? null],
  );
}

/** The points of the named indicators in [since, until], by indicator then day. */
export function apiIndicatorPoints(
  db: Db,
  query: { names: readonly string[]; since?: string; until?: string },
): Promise<Array<{ indicator: string; day: string; value: number }>> {
  return db.query(
    `SELECT indicator, day, value FROM indicator_points
      WHERE indicator = ANY($1::text[])
        AND ($2::date IS NULL OR day >= $2::date) AND ($3::date IS NULL OR day <= $3::date)
      ORDER BY indicator, day`,
    [query.names, query.since ?? null, query.until ?? null],
  );
}
