import type { Db } from '../db.js';

export interface TalksRow {
  talks: string;
  title: string | null;
  rounds: number;
  held: number;
  first_day: string | null;
  last_day: string | null;
  imported_from: string | null;
  [column: string]: unknown;
}

/** Every set of talks with rounds in the store, with counts and dates. */
export function roundsListTalks(db: Db): Promise<TalksRow[]> {
  return db.query<TalksRow>(
    `SELECT r.talks, t.title, count(*)::int AS rounds,
            count(*) FILTER (WHERE r.status = 'held')::int AS held,
            min(r.day) AS first_day, max(r.day) AS last_day, t.imported_from
       FROM negotiation_rounds r LEFT JOIN negotiation_talks t ON t.name = r.talks
      GROUP BY r.talks, t.title, t.imported_from
      ORDER BY r.talks`,
  );
}
