import { OvertureError } from '../core/errors.js';
import { SOURCE_KINDS, type Source, type SourceInput, type SourceKind } from '../core/types.js';
import type { Db } from './db.js';

type SourceRow = {
  id: number;
  name: string;
  camp: string;
  lang: string | null;
  kind: string;
  url: string | null;
  schedule_minutes: number | null;
  default_speaker: string | null;
};

const COLUMNS = 'id, name, camp, lang, kind, url, schedule_minutes, default_speaker';

function toSource(row: SourceRow): Source {
  const kind = (SOURCE_KINDS as readonly string[]).includes(row.kind) ? (row.kind as SourceKind) : 'other';
  return {
    id: row.id,
    name: row.name,
    camp: row.camp,
    lang: row.lang,
    kind,
    url: row.url,
    scheduleMinutes: row.schedule_minutes,
    defaultSpeaker: row.default_speaker,
  };
}

/**
 * Creates the source, or updates the fields the input gives (a re-run of `sources add` or an
 * ingest naming the same source with its camp never makes a second one).
 */
export async function upsertSource(db: Db, input: SourceInput): Promise<Source> {
  if (input.name.trim() === '')
    throw new OvertureError('invalid-input', 'invalid source name: got "" (expected a non-empty name)');
  const rows = await db.query<SourceRow>(
    `INSERT INTO sources (name, camp, lang, kind, url, schedule_minutes, default_speaker)
     VALUES ($1, $2, $3, coalesce($4, 'news'), $5, $6, $7)
     ON CONFLICT (name) DO UPDATE SET
       camp = EXCLUDED.camp,
       lang = coalesce($3, sources.lang),
       kind = coalesce($4, sources.kind),
       url = coalesce($5, sources.url),
       schedule_minutes = coalesce($6, sources.schedule_minutes),
       default_speaker = coalesce($7, sources.default_speaker)
     RETURNING ${COLUMNS}`,
    [
      input.name,
      input.camp,
      input.lang ?? null,
      input.kind ?? null,
      input.url ?? null,
      input.scheduleMinutes ?? null,
      input.defaultSpeaker ?? null,
    ],
  );
  return toSource(rows[0]!);
}

export async function getSource(db: Db, name: string): Promise<Source | null> {
  const rows = await db.query<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE name = $1`, [name]);
  return rows[0] ? toSource(rows[0]) : null;
}

export async function listSources(db: Db): Promise<Source[]> {
  const rows = await db.query<SourceRow>(`SELECT ${COLUMNS} FROM sources ORDER BY name`);
  return rows.map(toSource);
}
