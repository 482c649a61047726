import type { Db } from '../db.js';

export interface IndicatorPointRow {
  indicator: string;
  day: string;
  value: number;
  [column: string]: unknown;
}

/** The points of the named indicators, by indicator then day. */
export function indicatorPoints(db: Db, params: { names: readonly string[] }): Promise<IndicatorPointRow[]> {
  return db.query<IndicatorPointRow>(
    `SELECT indicator, day, value FROM indicator_points WHERE indicator = ANY($1::text[]) ORDER BY indicator, day`,
    [[...params.names]],
  );
}
