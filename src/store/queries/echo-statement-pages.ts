import type { Db } from '../db.js';

export interface EchoStatementRow {
  document_id: number;
  idx: number;
  text: string;
  lang: string;
  published_at: Date;
  source: string;
  camp: string;
}

export interface EchoPageOptions {
  since?: string;
  until?: string;
  /** Documents per page (their statements come with them). */
  pageSize?: number;
}

interface DocumentRow {
  id: number;
  lang: string;
  published_at: Date;
  source: string;
  camp: string;
  [column: string]: unknown;
}

/**
 * Every dated statement in publication order, a page of documents at a time: keyset pagination
 * on (published_at, id) — each page is an index range scan, whatever the corpus size — and the
 * statements of the page's documents fetched by primary key. Memory holds one page.
 */
export async function* echoStatementPages(
  db: Db,
  options: EchoPageOptions = {},
): AsyncGenerator<EchoStatementRow[]> {
  const pageSize = options.pageSize ?? 1000;
  let afterTime: string | null = null;
  let afterId = -1;
  for (;;) {
    const documents: DocumentRow[] = await db.query<DocumentRow>(
      `SELECT d.id, d.lang, d.published_at, so.name AS source, so.camp
         FROM documents d JOIN sources so ON so.id = d.source_id
        WHERE d.published_at IS NOT NULL
          AND ($1::timestamptz IS NULL OR d.published_at > $1::timestamptz
               OR (d.published_at = $1::timestamptz AND d.id > $2::bigint))
          AND ($3::timestamptz IS NULL OR d.published_at >= $3::timestamptz)
          AND ($4::timestamptz IS NULL OR d.published_at <= $4::timestamptz)
        ORDER BY d.published_at, d.id
        LIMIT $5`,
      [afterTime, afterId, options.since ?? null, options.until ?? null, pageSize],
    );
    if (documents.length === 0) return;
    const statements = await db.query<{ document_id: number; idx: number; text: string }>(
      `SELECT document_id, idx, text FROM statements WHERE document_id = ANY($1::bigint[]) ORDER BY document_id, idx`,
      [documents.map((d) => d.id)],
    );
    const byDocument = new Map<number, Array<{ idx: number; text: string }>>();
    for (const s of statements) {
      const list = byDocument.get(s.document_id) ?? [];
      list.push({ idx: s.idx, text: s.text });
      byDocument.set(s.document_id, list);
    }
    const page: EchoStatementRow[] = [];
    for (const d of documents) {
      for (const s of byDocument.get(d.id) ?? []) {
        page.push({
          document_id: d.id,
          idx: s.idx,
          text: s.text,
          lang: d.lang,
          published_at: d.published_at,
          source: d.source,
          camp: d.camp,
        });
      }
    }
    yield page;
    const last = documents[documents.length - 1]!;
    afterTime = new Date(last.published_at).toISOString();
    afterId = last.id;
    if (documents.length < pageSize) return;
  }
}
