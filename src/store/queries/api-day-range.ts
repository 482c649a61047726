import type { Db } from '../db.js';

/** The first and last UTC day with coded statements, from the roll-up; nulls when there are none. */
export async function apiDayRange(db: Db): Promise<{ first: string | null; last: string | null }> {
  const [row] = await db.query<{ first: string | null; last: string | null }>(
    'SELECT min(day) AS first, max(day) AS last FROM daily_statements',
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}
