import type { Db } from '../db.js';

export interface DocumentPageRow {
  id: number;
  source: string;
  camp: string;
  title: string | null;
  url: string | null;
  lang: string;
  published_at: Date | null;
  excerpt: string;
  near_duplicate_of: number | null;
  coded_version: string | null;
  statements: number;
  signals: number;
  [column: string]: unknown;
}

export interface DocumentPageQuery {
  source?: string;
  /** Words to find in the title or the text (a plain substring, case-insensitive). */
  q?: string;
  /** First and last UTC day of publication, inclusive. */
  since?: string;
  until?: string;
  limit: number;
  /** The last row of the previous page: newest first, then by id. */
  after?: { publishedAt: Date | null; id: number };
}

/** `%`, `_` and `\` are LIKE's own characters; a search for them must find them literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * One page of documents, newest first, undated ones last. Keyset pagination (the cursor is the
 * previous page's last (published_at, id)) so that a deep page costs what the first one does and
 * a document written meanwhile never shifts a page.
 */
export function apiDocumentPage(db: Db, query: DocumentPageQuery): Promise<DocumentPageRow[]> {
  const after = query.after;
  return db.query<DocumentPageRow>(
    `SELECT d.id, s.name AS source, s.camp, d.title, d.url, d.lang, d.published_at,
            left(d.text, 280) AS excerpt, d.near_duplicate_of, d.coded_version,
            (SELECT count(*) FROM statements st WHERE st.document_id = d.id)::int AS statements,
            (SELECT count(*) FROM signals sg WHERE sg.document_id = d.id)::int AS signals
       FROM documents d JOIN sources s ON s.id = d.source_id
      WHERE ($1::text IS NULL OR s.name = $1)
        AND ($2::text IS NULL OR d.text ILIKE $2 OR d.title ILIKE $2)
        AND ($3::date IS NULL OR d.published_at >= $3::date::timestamp AT TIME ZONE 'UTC')
        AND ($4::date IS NULL OR d.published_at < ($4::date + 1)::timestamp AT TIME ZONE 'UTC')
        AND (NOT $5::boolean
             OR ($6::timestamptz IS NOT NULL
                 AND (d.published_at < $6 OR (d.published_at = $6 AND d.id < $7) OR d.published_at IS NULL))
             OR ($6::timestamptz IS NULL AND d.published_at IS NULL AND d.id < $7))
      ORDER BY d.published_at DESC NULLS LAST, d.id DESC
      LIMIT $8`,
    [
      query.source ?? null,
      query.q === undefined ? null : likePattern(query.q),
      query.since ?? null,
      query.until ?? null,
      after !== undefined,
      after?.publishedAt ?? null,
      after?.id ?? 0,
      query.limit,
    ],
  );
}
