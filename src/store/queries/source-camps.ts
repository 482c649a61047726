import type { Db } from '../db.js';

export interface SourceCampRow {
  camp: string;
  sources: number;
  [column: string]: unknown;
}

/** Every camp that has sources, with how many. */
export function sourceCamps(db: Db): Promise<SourceCampRow[]> {
  return db.query<SourceCampRow>(
    'SELECT camp, count(*)::int AS sources FROM sources GROUP BY camp ORDER BY camp',
  );
}
