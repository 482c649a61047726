import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { codingPoolOf } from '../../coder/coding-pool.js';
import { codeDocumentsWith } from '../../ingest/code-documents.js';
import type { ExpandedInput } from '../../ingest/expand-inputs.js';
import { ingest } from '../../ingest/ingest.js';
import { readerFor } from '../../ingest/readers.js';
import type { ApiDeps } from '../api-deps.js';
import { ApiError } from '../api-errors.js';
import { parseQuery, textSchema } from '../api-schemas.js';

const ingestQuery = z.strictObject({
  source: textSchema(200).optional(),
  camp: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'a camp id such as ru-official' })
    .optional(),
  code: z.enum(['true', 'false'], { error: 'true or false' }).default('true'),
});

/**
 * Content types a JSONL body may come with. A form encoding is refused: it is what a page on
 * another site can send without a preflight, and what curl sends when -H was forgotten.
 */
const JSONL_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json', 'text/plain'];

export const INGEST_LABEL = 'request body';

/**
 * POST /ingest: a JSONL body of corpus records (CLI `overture ingest --format jsonl`), through
 * the same pipeline — read, resolve the source, normalise, deduplicate, write in batches, code
 * what was written. Bad records are reported one by one; the rest are stored.
 */
export function ingestRoutes(deps: ApiDeps): Hono {
  const { store } = deps;
  return new Hono().post(
    '/ingest',
    bodyLimit({
      maxSize: deps.maxIngestBytes,
      onError: () => {
        throw new ApiError(
          'payload-too-large',
          `the body is larger than ${deps.maxIngestBytes} bytes (split the corpus into several requests)`,
        );
      },
    }),
    async (c) => {
      const query = parseQuery(ingestQuery, c.req.query());
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!JSONL_TYPES.includes(type)) {
        throw new ApiError(
          'unsupported-media-type',
          `invalid Content-Type: got ${JSON.stringify(type || 'none')} (expected application/x-ndjson with one JSON record per line)`,
        );
      }
      let source = query.source === undefined ? null : await store.getSource(query.source);
      if (query.source !== undefined && !source) {
        if (query.camp === undefined) {
          throw new ApiError(
            'not-found',
            `unknown source "${query.source}" (expected camp=CAMP to create it, or \`overture sources add\` first)`,
          );
        }
        source = await store.upsertSource({ name: query.source, camp: query.camp });
      }
      const bytes = Buffer.from(await c.req.arrayBuffer());
      const inputs = (async function* (): AsyncGenerator<ExpandedInput> {
        yield { input: { label: INGEST_LABEL, open: () => Readable.from([bytes]) }, format: 'jsonl' };
      })();
      const coder = query.code === 'true' ? await deps.coder() : null;
      if (coder) await store.recordCodebookVersion(coder.version, { by: 'api' });
      const summary = await ingest(store, inputs, {
        readerFor,
        ...(source ? { source } : {}),
        ...(coder
          ? {
              coding: {
                version: coder.version,
                code: codeDocumentsWith(store, codingPoolOf(coder), { markDocuments: false }),
              },
            }
          : {}),
      });
      if (summary.unusable > 0) {
        const reason =
          summary.rejected.find((r) => r.ref === INGEST_LABEL)?.reason ?? 'the body could not be read';
        throw new ApiError('invalid-input', reason);
      }
      return c.json({
        accepted: summary.accepted,
        updated: summary.updated,
        duplicates: summary.duplicates,
        nearDuplicates: summary.nearDuplicates,
        coded: summary.coded,
        rejected: summary.rejected,
      });
    },
  );
}
