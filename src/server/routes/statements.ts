import { Hono } from 'hono';
import { z } from 'zod';
import { resolveSpeakerGroup } from '../../cli/analysis/resolve-speaker-group.js';
import { apiEvidenceStatements, apiStatementSignals } from '../../store/queries/api-evidence-statements.js';
import type { ApiDeps } from '../api-deps.js';
import { daySchema, limitSchema, parseQuery, signalSchema, textSchema } from '../api-schemas.js';
import { apiSignal, isoOrNull, signalsByStatement } from '../api-signal.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';

const statementsQuery = z.strictObject({
  signal: signalSchema.optional(),
  camp: textSchema(200).optional(),
  speaker: textSchema(200).optional(),
  source: textSchema(200).optional(),
  /** The group syntax of /rates, so a click on a series asks for exactly its statements. */
  group: textSchema(200).optional(),
  since: daySchema.optional(),
  until: daySchema.optional(),
  limit: limitSchema(500, 50),
  cursor: z.string().max(400).optional(),
});

const cursorSchema = z.tuple([
  z.iso.datetime(),
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
]);

/** The evidence list: the statements behind a count, newest first, each with all its signals. */
export function statementsRoutes({ store, ruleRationale: rationales }: ApiDeps): Hono {
  return new Hono().get('/statements', async (c) => {
    const query = parseQuery(statementsQuery, c.req.query());
    const group = query.group === undefined ? undefined : await resolveSpeakerGroup(store.db, query.group);
    const after = query.cursor === undefined ? undefined : decodeCursor(cursorSchema, query.cursor);
    const rows = await apiEvidenceStatements(store.db, {
      ...(group === undefined ? {} : { group }),
      ...(query.camp === undefined ? {} : { camp: query.camp }),
      ...(query.speaker === undefined ? {} : { speaker: query.speaker }),
      ...(query.source === undefined ? {} : { source: query.source }),
      limit: query.limit + 1,
      ...(query.signal === undefined ? {} : { signal: query.signal }),
      ...(query.since === undefined ? {} : { since: query.since }),
      ...(query.until === undefined ? {} : { until: query.until }),
      ...(after === undefined
        ? {}
        : { after: { publishedAt: new Date(after[0]), documentId: after[1], idx: after[2] } }),
    });
    const ruleRationale = await rationales();
    const page = rows.slice(0, query.limit);
    const signals = signalsByStatement(
      await apiStatementSignals(
        store.db,
        page.map((row) => ({ documentId: row.document_id, idx: row.idx })),
      ),
    );
    const last = page[page.length - 1];
    return c.json({
      items: page.map((row) => ({
        documentId: row.document_id,
        statementIdx: row.idx,
        start: row.start_offset,
        end: row.end_offset,
        text: row.text,
        speaker: row.speaker === '' ? null : row.speaker,
        source: row.source,
        camp: row.camp,
        publishedAt: isoOrNull(row.published_at),
        document: { id: row.document_id, title: row.title, url: row.url },
        signals: (signals.get(`${row.document_id}:${row.idx}`) ?? []).map((signal) =>
          apiSignal(signal, { text: row.text, start: row.start_offset }, ruleRationale),
        ),
      })),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([isoOrNull(last.published_at), last.document_id, last.idx])
          : null,
    });
  });
}
