import type { Db } from '../db.js';

export interface EpisodeRow {
  id: string;
  speaker_group: string;
  category: string;
  start_day: string;
  peak_day: string;
  end_day: string;
  level: number;
  classification: string | null;
  detail: Record<string, unknown>;
  computed_at: Date;
  [column: string]: unknown;
}

export interface EpisodeListQuery {
  speakerGroup?: string;
  category?: string;
  /** Episodes that overlap [since, until]. */
  since?: string;
  until?: string;
  limit: number;
}

/** Stored episodes (as `overture episodes` saved them), most recent first. */
export function listStoredEpisodes(db: Db, query: EpisodeListQuery): Promise<EpisodeRow[]> {
  return db.query<EpisodeRow>(
    `SELECT id, speaker_group, category, start_day, peak_day, end_day, level, classification, detail, computed_at
       FROM episodes
      WHERE ($1::text IS NULL OR speaker_group = $1)
        AND ($2::text IS NULL OR category = $2)
        AND ($3::date IS NULL OR end_day >= $3::date)
        AND ($4::date IS NULL OR start_day <= $4::date)
      ORDER BY start_day DESC, id
      LIMIT $5`,
    [
      query.speakerGroup ?? null,
      query.category ?? null,
      query.since ?? null,
      query.until ?? null,
      query.limit,
    ],
  );
}

export async function getStoredEpisode(db: Db, id: string): Promise<EpisodeRow | null> {
  const [row] = await db.query<EpisodeRow>(
    `SELECT id, speaker_group, category, start_day, peak_day, end_day, level, classification, detail, computed_at
       FROM episodes WHERE id = $1`,
    [id],
  );
  return row ?? null;
}
