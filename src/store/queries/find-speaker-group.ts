import type { GroupKind } from '../../core/analysis/speaker-group.js';
import type { Db } from '../db.js';

export interface SpeakerGroupMatchRow {
  kind: GroupKind;
  name: string;
  /** A saved group's members; null for the other kinds. */
  members: string[] | null;
  [column: string]: unknown;
}

/**
 * What a group name refers to, in the order a bare name is resolved: a saved group, a camp (of
 * some source), a source, an actor (in the actors table or as a speaker in the roll-ups).
 */
export function findSpeakerGroup(db: Db, params: { name: string }): Promise<SpeakerGroupMatchRow[]> {
  return db.query<SpeakerGroupMatchRow>(
    `SELECT 'group' AS kind, name, members FROM speaker_groups WHERE name = $1
     UNION ALL SELECT 'camp', $1, NULL::jsonb WHERE EXISTS (SELECT 1 FROM sources WHERE camp = $1)
     UNION ALL SELECT 'source', $1, NULL::jsonb WHERE EXISTS (SELECT 1 FROM sources WHERE name = $1)
     UNION ALL SELECT 'actor', $1, NULL::jsonb WHERE EXISTS (SELECT 1 FROM actors WHERE id = $1)
                                          OR EXISTS (SELECT 1 FROM daily_statements WHERE speaker = $1)`,
    [params.name],
  );
}
