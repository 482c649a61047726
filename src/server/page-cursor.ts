// Keyset cursors: the sort key of a page's last row, as opaque base64url JSON, so clients pass it
// back without learning (or depending on) what the key is.
import type { z } from 'zod';
import { ApiError } from './api-errors.js';

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError(
      'invalid-option',
      `invalid cursor: got ${JSON.stringify(cursor.slice(0, 80))} (expected the nextCursor of a previous page)`,
    );
  }
  return result.data;
}
