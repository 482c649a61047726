import { Hono } from 'hono';
import { z } from 'zod';
import { classifyRecord } from '../../coder/classify-record.js';
import type { ApiDeps } from '../api-deps.js';
import { ApiError } from '../api-errors.js';
import { parseQuery, parseWith } from '../api-schemas.js';

const MAX_RECORDS = 1000;

const recordSchema = z.strictObject({
  id: z.union([z.string().max(200), z.number()], { error: 'a string or number id' }),
  text: z.string({ error: 'a text string' }).min(1, { error: 'a non-empty text' }),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, { error: 'a language code such as ru, uk or en' })
    .optional(),
  defaultSpeaker: z.string().max(200, { error: 'an actor id' }).optional(),
});
const bodySchema = z.union(
  [recordSchema, z.array(recordSchema).max(MAX_RECORDS, { error: `at most ${MAX_RECORDS} records` })],
  { error: 'a record {id, text, lang?} or an array of them' },
);
const classifyQuery = z.strictObject({
  all: z.enum(['true', 'false'], { error: 'true or false' }).default('false'),
});

/**
 * POST /classify: codes texts with the current codebook without storing anything — the same
 * output, record for record, as `overture classify` (coder/classify-record.ts).
 */
export function classifyRoutes(deps: ApiDeps): Hono {
  return new Hono().post('/classify', async (c) => {
    const query = parseQuery(classifyQuery, c.req.query());
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new ApiError(
        'unsupported-media-type',
        `invalid Content-Type: got ${JSON.stringify(type || 'none')} (expected application/json)`,
      );
    }
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError(
        'invalid-input',
        'invalid JSON body (expected a record {id, text, lang?} or an array of them)',
      );
    }
    const body = parseWith(bodySchema, raw, 'record');
    const coder = await deps.coder();
    const options = { allStatements: query.all === 'true' };
    const classify = (record: z.output<typeof recordSchema>) =>
      classifyRecord(
        coder,
        {
          id: record.id,
          text: record.text,
          ...(record.lang ? { lang: record.lang } : {}),
          ...(record.defaultSpeaker ? { defaultSpeaker: record.defaultSpeaker } : {}),
        },
        options,
      );
    return c.json(Array.isArray(body) ? body.map(classify) : classify(body));
  });
}
