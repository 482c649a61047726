import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import type { Db } from '../db.js';

export interface PositionSignalRow {
  document_id: number;
  statement_idx: number;
  actor: string;
  target: string | null;
  position_key: string;
  stance: string;
  confidence: number;
  evidence: Array<{ rule: string; start: number; end: number }>;
  start_offset: number;
  text: string;
  published_at: Date;
  url: string | null;
  source: string;
  camp: string;
  [column: string]: unknown;
}

/**
 * Position signals (key and stance) oldest first, by the group's actors or in its camps' and
 * sources' documents — or every one when `group` is null — published up to the UTC day `until`.
 * The actor is the signal's speaker, else the statement's; a missing stance reads as `assert`
 * (the coding guide's default).
 */
export function groupPositionSignals(
  db: Db,
  params: { group: SpeakerGroup | null; since?: string; until?: string },
): Promise<PositionSignalRow[]> {
  const { group } = params;
  return db.query<PositionSignalRow>(
    `SELECT sg.document_id, sg.statement_idx, coalesce(nullif(sg.speaker, ''), nullif(st.speaker, ''), s.name) AS actor,
            sg.target, sg.position_key, coalesce(sg.stance, 'assert') AS stance, sg.confidence, sg.evidence,
            st.start_offset, st.text, d.published_at, d.url, s.name AS source, s.camp
       FROM signals sg
       JOIN statements st ON st.document_id = sg.document_id AND st.idx = sg.statement_idx
       JOIN documents d ON d.id = sg.document_id
       JOIN sources s ON s.id = d.source_id
      WHERE sg.category = 'position' AND sg.position_key IS NOT NULL AND d.published_at IS NOT NULL
        AND ($1::boolean OR s.camp = ANY($2::text[]) OR s.name = ANY($3::text[])
             OR coalesce(nullif(sg.speaker, ''), st.speaker) = ANY($4::text[]))
        AND ($5::date IS NULL OR d.published_at >= $5::date::timestamp AT TIME ZONE 'UTC')
        AND ($6::date IS NULL OR d.published_at < ($6::date + 1)::timestamp AT TIME ZONE 'UTC')
      ORDER BY d.published_at, sg.document_id, sg.statement_idx, sg.seq`,
    [
      group === null,
      group?.camps ?? [],
      group?.sources ?? [],
      group?.actors ?? [],
      params.since ?? null,
      params.until ?? null,
    ],
  );
}
