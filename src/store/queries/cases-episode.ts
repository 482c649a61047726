import type { Db } from '../db.js';

export interface StoredEpisodeRow {
  id: string;
  speaker_group: string;
  category: string;
  start_day: string;
  peak_day: string;
  end_day: string;
  level: number;
  classification: string | null;
  detail: Record<string, unknown>;
  [column: string]: unknown;
}

/** One stored episode (as `overture episodes` saved it), or null. */
export async function casesEpisode(db: Db, id: string): Promise<StoredEpisodeRow | null> {
  const [row] = await db.query<StoredEpisodeRow>(
    `SELECT id, speaker_group, category, start_day, peak_day, end_day, level, classification, detail
       FROM episodes WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

/** A few stored episode ids, most recent first, for "not found" messages. */
export async function casesEpisodeIds(db: Db, limit = 5): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM episodes ORDER BY start_day DESC, id LIMIT $1',
    [limit],
  );
  return rows.map((row) => row.id);
}
