import type { Db } from '../db.js';

export interface SpeakerGroupRow {
  name: string;
  members: string[];
  [column: string]: unknown;
}

export function listSpeakerGroups(db: Db): Promise<SpeakerGroupRow[]> {
  return db.query<SpeakerGroupRow>('SELECT name, members FROM speaker_groups ORDER BY name');
}
