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

/** Indicators (of one actor, or one by name, when given) with their point counts and date range. */
export function listIndicators(
  db: Db,
  params: { actor?: string; name?: string } = {},
): Promise<IndicatorRow[]> {
  return db.query<IndicatorRow>(
    `SELECT i.name, i.actor, i.direction, i.cumulative, i.description, i.imported_from,
            count(p.day)::int AS points, min(p.day) AS first_day, max(p.day) AS last_day
       FROM indicators i LEFT JOIN indicator_points p ON p.indicator = i.name
      WHERE ($1::text IS NULL OR i.actor = $1) AND ($2::text IS NULL OR i.name = $2)
      GROUP BY i.name ORDER BY i.name`,
    [params.actor ?? null, params.name ?? null],
  );
}
