import type { Db } from '../db.js';

/** Stored overture episodes of one side's speaker groups (a group named after the side or one of its camps), or of one group. */
export function commitmentsEpisodes(
  db: Db,
  query: { side?: string; group?: string; since?: string; until?: string },
): Promise<Array<{ id: string; start_day: string; end_day: string; speaker_group: string }>> {
  return db.query<{ id: string; start_day: string; end_day: string; speaker_group: string }>(
    `SELECT id, start_day, end_day, speaker_group FROM episodes
      WHERE category = 'overture'
        AND ($1::text IS NULL OR speaker_group = $1 OR speaker_group LIKE $1 || '-%')
        AND ($2::text IS NULL OR speaker_group = $2)
        AND ($3::date IS NULL OR end_day >= $3::date)
        AND ($4::date IS NULL OR start_day <= $4::date)
      ORDER BY start_day, id`,
    [
      query.group ? null : (query.side ?? null),
      query.group ?? null,
      query.since ?? null,
      query.until ?? null,
    ],
  );
}
