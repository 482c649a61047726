import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import type { Db } from '../db.js';

export interface CampRow {
  camp: string;
  [column: string]: unknown;
}

/** The camps a group belongs to: its camps, its sources' camps and its actors' camps. */
export function groupCamps(db: Db, params: { group: SpeakerGroup }): Promise<CampRow[]> {
  const { group } = params;
  return db.query<CampRow>(
    `SELECT DISTINCT camp FROM (
       SELECT unnest($1::text[]) AS camp
       UNION ALL SELECT camp FROM sources WHERE name = ANY($2::text[])
       UNION ALL SELECT camp FROM actors WHERE id = ANY($3::text[]) AND camp IS NOT NULL
     ) c ORDER BY camp`,
    [group.camps, group.sources, group.actors],
  );
}
