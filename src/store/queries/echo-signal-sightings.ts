import type { Db } from '../db.js';

export interface SignalSightingRow {
  category: string;
  source: string;
  camp: string;
  lang: string;
  first_time: Date;
  statements: number;
  [column: string]: unknown;
}

/** A signal category as a whole, per source and language: first statement carrying it, and how many. */
export function echoSignalSightings(
  db: Db,
  query: { category: string; since?: string; until?: string },
): Promise<SignalSightingRow[]> {
  return db.query<SignalSightingRow>(
    `SELECT s.category, so.name AS source, so.camp, d.lang,
            min(d.published_at) AS first_time,
            count(DISTINCT (s.document_id, s.statement_idx))::int AS statements
       FROM signals s
       JOIN documents d ON d.id = s.document_id
       JOIN sources so ON so.id = d.source_id
      WHERE d.published_at IS NOT NULL
        AND s.category = $1
        AND ($2::timestamptz IS NULL OR d.published_at >= $2::timestamptz)
        AND ($3::timestamptz IS NULL OR d.published_at <= $3::timestamptz)
      GROUP BY s.category, so.name, so.camp, d.lang`,
    [query.category, query.since ?? null, query.until ?? null],
  );
}
