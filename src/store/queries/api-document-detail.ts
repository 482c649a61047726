import type { Db } from '../db.js';

export interface DocumentDetailRow {
  id: number;
  source_id: number;
  source: string;
  camp: string;
  external_id: string | null;
  title: string | null;
  url: string | null;
  text: string;
  lang: string;
  published_at: Date | null;
  content_hash: string;
  near_duplicate_of: number | null;
  coded_version: string | null;
  meta: Record<string, unknown>;
  [column: string]: unknown;
}

export interface StatementRow {
  document_id: number;
  idx: number;
  start_offset: number;
  end_offset: number;
  text: string;
  speaker: string;
  [column: string]: unknown;
}

export interface SignalRow {
  document_id: number;
  statement_idx: number;
  seq: number;
  category: string;
  speaker: string | null;
  target: string | null;
  position_key: string | null;
  stance: string | null;
  confidence: number;
  origin: string;
  evidence: Array<{ rule: string; start: number; end: number }>;
  codebook_version: string;
  [column: string]: unknown;
}

export interface DocumentDetail {
  document: DocumentDetailRow;
  statements: StatementRow[];
  signals: SignalRow[];
}

/** One document with its statements and their signals, or null when the id is unknown. */
export async function apiDocumentDetail(db: Db, id: number): Promise<DocumentDetail | null> {
  const [document] = await db.query<DocumentDetailRow>(
    `SELECT d.id, d.source_id, s.name AS source, s.camp, d.external_id, d.title, d.url, d.text, d.lang,
            d.published_at, d.content_hash, d.near_duplicate_of, d.coded_version, d.meta
       FROM documents d JOIN sources s ON s.id = d.source_id
      WHERE d.id = $1`,
    [id],
  );
  if (!document) return null;
  const statements = await db.query<StatementRow>(
    `SELECT document_id, idx, start_offset, end_offset, text, speaker
       FROM statements WHERE document_id = $1 ORDER BY idx`,
    [id],
  );
  const signals = await db.query<SignalRow>(
    `SELECT document_id, statement_idx, seq, category, speaker, target, position_key, stance, confidence, origin,
            evidence, codebook_version
       FROM signals WHERE document_id = $1 ORDER BY statement_idx, seq`,
    [id],
  );
  return { document, statements, signals };
}
