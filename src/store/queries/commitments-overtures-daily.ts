import type { Db } from '../db.js';

/**
 * Overture statements per UTC day by one side (the speaker's camp where the actors table knows
 * it, else the publishing source's camp), the series the commitment gap sets commitments beside.
 */
export function commitmentsOverturesDaily(
  db: Db,
  query: { side: string; since?: string; until?: string },
): Promise<Array<{ day: string; statements: number }>> {
  return db.query<{ day: string; statements: number }>(
    `SELECT (d.published_at AT TIME ZONE 'UTC')::date AS day,
            count(DISTINCT (s.document_id, s.statement_idx))::int AS statements
       FROM signals s
       JOIN documents d ON d.id = s.document_id
       JOIN sources so ON so.id = d.source_id
       LEFT JOIN actors a ON a.id = s.speaker
      WHERE s.category = 'overture' AND d.published_at IS NOT NULL
        AND (COALESCE(a.camp, so.camp) = $1 OR COALESCE(a.camp, so.camp) LIKE $1 || '-%')
        AND ($2::date IS NULL OR (d.published_at AT TIME ZONE 'UTC')::date >= $2::date)
        AND ($3::date IS NULL OR (d.published_at AT TIME ZONE 'UTC')::date <= $3::date)
      GROUP BY 1
      ORDER BY 1`,
    [query.side, query.since ?? null, query.until ?? null],
  );
}
