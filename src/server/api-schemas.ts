// The query parameters the routes share, as zod schemas whose messages say what was expected, and
// the one parser that turns a failure into `invalid k: got "v" (expected e)`.
import { z } from 'zod';
import { isDay, PERIODS } from '../core/analysis/period.js';
import { SIGNALS } from '../core/types.js';
import { ApiError } from './api-errors.js';

export const daySchema = z.string().refine(isDay, { error: 'a UTC day written YYYY-MM-DD' });

export function limitSchema(max: number, fallback: number) {
  const expected = `an integer from 1 to ${max}`;
  return z.coerce
    .number({ error: expected })
    .int({ error: expected })
    .min(1, { error: expected })
    .max(max, { error: expected })
    .default(fallback);
}

export const signalSchema = z.enum(SIGNALS, { error: `one of ${SIGNALS.join(', ')}` });

export const periodSchema = z.enum(PERIODS, { error: `one of ${PERIODS.join(', ')}` });

export const textSchema = (max: number) =>
  z
    .string()
    .min(1, { error: 'a non-empty value' })
    .max(max, { error: `at most ${max} characters` });

export function parseWith<T extends z.ZodType>(schema: T, raw: unknown, what = ''): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).join(', ') : '';
    throw new ApiError(
      'invalid-option',
      `unknown ${what || 'parameter'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')} (expected ${known || 'none'})`,
    );
  }
  const path = issue.path.map(String);
  let value: unknown = raw;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const name = [what, path.join('.')].filter((part) => part !== '').join(' ') || 'input';
  const got = value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 200);
  throw new ApiError('invalid-option', `invalid ${name}: got ${got} (expected ${issue.message})`);
}

/** Parses a route's query string; a parameter given twice keeps its last value. */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.output<T> {
  return parseWith(schema, query);
}
