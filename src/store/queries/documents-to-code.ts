import type { Db } from '../db.js';

export interface DocumentToCodeRow {
  id: number;
  text: string;
  lang: string;
  published_at: Date | null;
  default_speaker: string | null;
  [column: string]: unknown;
}

/**
 * One page of documents not yet coded by `version` (or all, with `all`), in id order after
 * `afterId` — keyset pagination, so re-coding millions of documents never holds them at once.
 * A document marked coded but without statements (an ingest stopped between writing it and
 * writing its coding) counts as not coded.
 */
export function documentsToCode(
  db: Db,
  params: { version: string; all: boolean; afterId: number; limit: number },
): Promise<DocumentToCodeRow[]> {
  return db.query<DocumentToCodeRow>(
    `SELECT d.id, d.text, d.lang, d.published_at, s.default_speaker
       FROM documents d JOIN sources s ON s.id = d.source_id
      WHERE d.id > $1
        AND ($2 OR d.coded_version IS DISTINCT FROM $3
             OR NOT EXISTS (SELECT 1 FROM statements st WHERE st.document_id = d.id))
      ORDER BY d.id LIMIT $4`,
    [params.afterId, params.all, params.version, params.limit],
  );
}
