import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import type { Db } from '../db.js';

export interface SourceIdRow {
  id: number;
  [column: string]: unknown;
}

/** The ids of a group's sources: those in its camps and those it names. */
export function groupSourceIds(db: Db, params: { group: SpeakerGroup }): Promise<SourceIdRow[]> {
  return db.query<SourceIdRow>(
    'SELECT id FROM sources WHERE camp = ANY($1::text[]) OR name = ANY($2::text[]) ORDER BY id',
    [params.group.camps, params.group.sources],
  );
}
