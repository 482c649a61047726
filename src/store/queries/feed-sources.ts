import type { Db } from '../db.js';

export interface FeedSourceRow {
  id: number;
  name: string;
  camp: string;
  url: string;
  schedule_minutes: number | null;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: Date | null;
  failures: number;
  [column: string]: unknown;
}

/** Sources with a feed URL, with the state `overture watch` needs for conditional GET. */
export function feedSources(db: Db): Promise<FeedSourceRow[]> {
  return db.query<FeedSourceRow>(
    `SELECT id, name, camp, url, schedule_minutes, etag, last_modified, last_fetched_at, failures
       FROM sources WHERE url IS NOT NULL ORDER BY name`,
  );
}
