import type { Db } from '../db.js';

/** Creates or replaces a saved speaker group (members are `camp:`, `actor:`, `source:` names). */
export async function saveSpeakerGroup(
  db: Db,
  params: { name: string; members: readonly string[] },
): Promise<Array<{ name: string }>> {
  return db.query<{ name: string }>(
    `INSERT INTO speaker_groups (name, members) VALUES ($1, $2::jsonb)
     ON CONFLICT (name) DO UPDATE SET members = EXCLUDED.members RETURNING name`,
    [params.name, JSON.stringify(params.members)],
  );
}
