import type { SpeakerGroup } from '../../core/analysis/speaker-group.js';
import type { Db } from '../db.js';

export interface SignalEvidenceRow {
  document_id: number;
  statement_idx: number;
  start_offset: number;
  text: string;
  speaker: string | null;
  target: string | null;
  confidence: number;
  evidence: Array<{ rule: string; start: number; end: number }>;
  published_at: Date;
  url: string | null;
  source: string;
  camp: string;
  [column: string]: unknown;
}

/**
 * The strongest evidence for a burst: statements of the group carrying the signal, published on
 * the UTC days [since, until], by confidence (highest first), then oldest first. A statement with
 * several signals of the category appears once, with its most confident one.
 */
export function signalEvidence(
  db: Db,
  params: { group: SpeakerGroup; category: string; since: string; until: string; limit: number },
): Promise<SignalEvidenceRow[]> {
  const { group } = params;
  return db.query<SignalEvidenceRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (sg.document_id, sg.statement_idx)
              sg.document_id, sg.statement_idx, st.start_offset, st.text, sg.speaker, sg.target, sg.confidence,
              sg.evidence, d.published_at, d.url, s.name AS source, s.camp
         FROM signals sg
         JOIN statements st ON st.document_id = sg.document_id AND st.idx = sg.statement_idx
         JOIN documents d ON d.id = sg.document_id
         JOIN sources s ON s.id = d.source_id
        WHERE sg.category = $4
          AND (s.camp = ANY($1::text[]) OR s.name = ANY($2::text[]) OR coalesce(sg.speaker, '') = ANY($3::text[]))
          AND d.published_at >= $5::date::timestamp AT TIME ZONE 'UTC'
          AND d.published_at < ($6::date + 1)::timestamp AT TIME ZONE 'UTC'
        ORDER BY sg.document_id, sg.statement_idx, sg.confidence DESC, sg.seq
     ) best
     ORDER BY confidence DESC, published_at, document_id, statement_idx
     LIMIT $7`,
    [group.camps, group.sources, group.actors, params.category, params.since, params.until, params.limit],
  );
}
