import type { Episode } from '../../core/analysis/episodes.js';
import type { Db } from '../db.js';

/**
 * Replaces a group's stored episodes of one signal with a fresh computation, in one transaction,
 * so that an episode that no longer exists on new data does not linger. The whole description
 * (evidence, tactics, positions, amplification, pressure, reasons) is kept in `detail`.
 */
export async function saveEpisodes(
  db: Db,
  params: { group: string; category: string; episodes: readonly Episode[] },
): Promise<Array<{ saved: number }>> {
  return db.transaction(async (tx) => {
    await tx.query('DELETE FROM episodes WHERE speaker_group = $1 AND category = $2', [
      params.group,
      params.category,
    ]);
    for (const episode of params.episodes) {
      await tx.query(
        `INSERT INTO episodes (id, speaker_group, category, start_day, peak_day, end_day, level, classification, detail, computed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now())
         ON CONFLICT (id) DO UPDATE SET speaker_group = EXCLUDED.speaker_group, category = EXCLUDED.category,
           start_day = EXCLUDED.start_day, peak_day = EXCLUDED.peak_day, end_day = EXCLUDED.end_day,
           level = EXCLUDED.level, classification = EXCLUDED.classification, detail = EXCLUDED.detail,
           computed_at = EXCLUDED.computed_at`,
        [
          episode.id,
          params.group,
          params.category,
          episode.start,
          episode.peak,
          episode.end,
          episode.level,
          episode.classification,
          JSON.stringify(episode),
        ],
      );
    }
    return [{ saved: params.episodes.length }];
  });
}
