import type { Db } from '../db.js';

export interface CommitmentDailyRow {
  day: string;
  actor: string;
  camp: string;
  rule: string | null;
  statements: number;
  [column: string]: unknown;
}

/**
 * Commitment statements per UTC day and actor, for the actors of one side: an actor's camp is
 * its own (actors table) where known, else the camp of the source that published the statement,
 * so that NATO's pledge reported by a Russian agency still counts as NATO's. The actor is the
 * signal's speaker, else the statement's, else the source. `rule` is the first rule that fired,
 * from which the kind of commitment is read.
 */
export function commitmentsDaily(
  db: Db,
  query: { side: string; since?: string; until?: string },
): Promise<CommitmentDailyRow[]> {
  return db.query<CommitmentDailyRow>(
    `WITH coded AS (
       SELECT (d.published_at AT TIME ZONE 'UTC')::date AS day,
              COALESCE(s.speaker, NULLIF(st.speaker, ''), so.name) AS actor,
              COALESCE(a.camp, so.camp) AS camp,
              (SELECT min(e->>'rule') FROM jsonb_array_elements(s.evidence) AS e) AS rule,
              s.document_id, s.statement_idx
         FROM signals s
         JOIN statements st ON st.document_id = s.document_id AND st.idx = s.statement_idx
         JOIN documents d ON d.id = s.document_id
         JOIN sources so ON so.id = d.source_id
         LEFT JOIN actors a ON a.id = COALESCE(s.speaker, NULLIF(st.speaker, ''))
        WHERE s.category = 'commitment' AND d.published_at IS NOT NULL
          AND ($2::date IS NULL OR (d.published_at AT TIME ZONE 'UTC')::date >= $2::date)
          AND ($3::date IS NULL OR (d.published_at AT TIME ZONE 'UTC')::date <= $3::date))
     SELECT day, actor, camp, min(rule) AS rule, count(DISTINCT (document_id, statement_idx))::int AS statements
       FROM coded
      WHERE camp = $1 OR camp LIKE $1 || '-%'
      GROUP BY day, actor, camp
      ORDER BY day, actor`,
    [query.side, query.since ?? null, query.until ?? null],
  );
}
