import type { Db } from '../db.js';
import type { SignalRow } from './api-document-detail.js';

export interface EvidenceStatementRow {
  document_id: number;
  idx: number;
  start_offset: number;
  end_offset: number;
  text: string;
  speaker: string;
  title: string | null;
  url: string | null;
  published_at: Date | null;
  source: string;
  camp: string;
  [column: string]: unknown;
}

export interface EvidenceQuery {
  /** Only statements carrying this signal category. */
  signal?: string;
  /**
   * A speaker group, counted as the roll-ups count it: statements in its camps' or sources'
   * documents, or (with `signal`) whose signal is spoken by one of its actors, else whose
   * statement is attributed to one.
   */
  group?: { camps: readonly string[]; sources: readonly string[]; actors: readonly string[] };
  /** The source's camp. */
  camp?: string;
  /** The signal's speaker (with `signal`) or the statement's speaker — as the roll-ups count them. */
  speaker?: string;
  source?: string;
  since?: string;
  until?: string;
  limit: number;
  /** The last row of the previous page: newest first, then document id, then statement order. */
  after?: { publishedAt: Date | null; documentId: number; idx: number };
}

/**
 * The statements behind a number on the dashboard: those that carry `signal` (said by `speaker`
 * when given) in documents of the camp or source, published in [since, until]. The filters
 * mirror the daily roll-ups (daily_signals counts a statement under each of its signals'
 * speakers), so the list for a day is exactly the statements its count was made of.
 */
export function apiEvidenceStatements(db: Db, query: EvidenceQuery): Promise<EvidenceStatementRow[]> {
  const after = query.after;
  return db.query<EvidenceStatementRow>(
    `SELECT st.document_id, st.idx, st.start_offset, st.end_offset, st.text, st.speaker,
            d.title, d.url, d.published_at, s.name AS source, s.camp
       FROM statements st
       JOIN documents d ON d.id = st.document_id
       JOIN sources s ON s.id = d.source_id
      WHERE d.published_at IS NOT NULL
        AND ($1::text IS NULL OR s.camp = $1)
        AND ($2::text IS NULL OR s.name = $2)
        AND ($3::date IS NULL OR d.published_at >= $3::date::timestamp AT TIME ZONE 'UTC')
        AND ($4::date IS NULL OR d.published_at < ($4::date + 1)::timestamp AT TIME ZONE 'UTC')
        AND (($5::text IS NULL AND ($6::text IS NULL OR st.speaker = $6))
             OR ($5::text IS NOT NULL AND EXISTS (
                   SELECT 1 FROM signals sg
                    WHERE sg.document_id = st.document_id AND sg.statement_idx = st.idx
                      AND sg.category = $5 AND ($6::text IS NULL OR coalesce(sg.speaker, '') = $6))))
        AND (NOT $12::boolean OR s.camp = ANY($13::text[]) OR s.name = ANY($14::text[])
             OR ($5::text IS NULL AND st.speaker = ANY($15::text[]))
             OR ($5::text IS NOT NULL AND EXISTS (
                   SELECT 1 FROM signals sg
                    WHERE sg.document_id = st.document_id AND sg.statement_idx = st.idx
                      AND sg.category = $5 AND coalesce(sg.speaker, '') = ANY($15::text[]))))
        AND (NOT $7::boolean
             OR d.published_at < $8::timestamptz
             OR (d.published_at = $8::timestamptz
                 AND (d.id < $9::bigint OR (d.id = $9::bigint AND st.idx > $10::int))))
      ORDER BY d.published_at DESC, d.id DESC, st.idx
      LIMIT $11`,
    [
      query.camp ?? null,
      query.source ?? null,
      query.since ?? null,
      query.until ?? null,
      query.signal ?? null,
      query.speaker ?? null,
      after !== undefined,
      after?.publishedAt ?? null,
      after?.documentId ?? 0,
      after?.idx ?? 0,
      query.limit,
      query.group !== undefined,
      query.group?.camps ?? [],
      query.group?.sources ?? [],
      query.group?.actors ?? [],
    ],
  );
}

/** The signals of the given statements, in statement then sequence order. */
export function apiStatementSignals(
  db: Db,
  keys: ReadonlyArray<{ documentId: number; idx: number }>,
): Promise<SignalRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db.query<SignalRow>(
    `SELECT sg.document_id, sg.statement_idx, sg.seq, sg.category, sg.speaker, sg.target, sg.position_key,
            sg.stance, sg.confidence, sg.origin, sg.evidence, sg.codebook_version
       FROM signals sg
       JOIN unnest($1::bigint[], $2::int[]) AS k(document_id, idx)
         ON sg.document_id = k.document_id AND sg.statement_idx = k.idx
      ORDER BY sg.document_id, sg.statement_idx, sg.seq`,
    [keys.map((k) => k.documentId), keys.map((k) => k.idx)],
  );
}
