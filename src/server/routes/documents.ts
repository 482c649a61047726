import { Hono } from 'hono';
import { z } from 'zod';
import { apiDocumentDetail } from '../../store/queries/api-document-detail.js';
import { apiDocumentPage } from '../../store/queries/api-document-page.js';
import type { ApiDeps } from '../api-deps.js';
import { ApiError } from '../api-errors.js';
import { daySchema, limitSchema, parseQuery, parseWith, textSchema } from '../api-schemas.js';
import { apiSignal, isoOrNull, signalsByStatement } from '../api-signal.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';

const listQuery = z.strictObject({
  source: textSchema(200).optional(),
  q: textSchema(200).optional(),
  since: daySchema.optional(),
  until: daySchema.optional(),
  limit: limitSchema(200, 50),
  cursor: z.string().max(400).optional(),
});

const cursorSchema = z.tuple([z.iso.datetime().nullable(), z.number().int().nonnegative()]);

export const documentIdSchema = z.coerce
  .number({ error: 'a document id (a positive integer)' })
  .int({ error: 'a document id (a positive integer)' })
  .positive({ error: 'a document id (a positive integer)' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'a document id (a positive integer)' });

export function documentsRoutes({ store, ruleRationale: rationales }: ApiDeps): Hono {
  return new Hono()
    .get('/documents', async (c) => {
      const query = parseQuery(listQuery, c.req.query());
      const after = query.cursor === undefined ? undefined : decodeCursor(cursorSchema, query.cursor);
      const rows = await apiDocumentPage(store.db, {
        limit: query.limit + 1,
        ...(query.source === undefined ? {} : { source: query.source }),
        ...(query.q === undefined ? {} : { q: query.q }),
        ...(query.since === undefined ? {} : { since: query.since }),
        ...(query.until === undefined ? {} : { until: query.until }),
        ...(after === undefined
          ? {}
          : { after: { publishedAt: after[0] === null ? null : new Date(after[0]), id: after[1] } }),
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return c.json({
        items: page.map((row) => ({
          id: row.id,
          source: row.source,
          camp: row.camp,
          title: row.title,
          url: row.url,
          lang: row.lang,
          publishedAt: isoOrNull(row.published_at),
          excerpt: row.excerpt,
          nearDuplicateOf: row.near_duplicate_of,
          codedVersion: row.coded_version,
          statements: row.statements,
          signals: row.signals,
        })),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([isoOrNull(last.published_at), last.id]) : null,
      });
    })
    .get('/documents/:id', async (c) => {
      const id = parseWith(documentIdSchema, c.req.param('id'), 'document id');
      const ruleRationale = await rationales();
      const detail = await apiDocumentDetail(store.db, id);
      if (!detail)
        throw new ApiError('not-found', `no document ${id} (expected an id from GET /api/v1/documents)`);
      const { document } = detail;
      const signals = signalsByStatement(detail.signals);
      return c.json({
        id: document.id,
        source: { id: document.source_id, name: document.source, camp: document.camp },
        externalId: document.external_id,
        title: document.title,
        url: document.url,
        lang: document.lang,
        publishedAt: isoOrNull(document.published_at),
        contentHash: document.content_hash,
        nearDuplicateOf: document.near_duplicate_of,
        codedVersion: document.coded_version,
        meta: document.meta,
        text: document.text,
        statements: detail.statements.map((st) => ({
          idx: st.idx,
          start: st.start_offset,
          end: st.end_offset,
          text: st.text,
          speaker: st.speaker === '' ? null : st.speaker,
          signals: (signals.get(`${st.document_id}:${st.idx}`) ?? []).map((row) =>
            apiSignal(row, { text: st.text, start: st.start_offset }, ruleRationale),
          ),
        })),
      });
    });
}
