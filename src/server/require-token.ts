// Bearer-token access. Writes always need the token when one is configured; reads need it too
// when the server listens beyond loopback (`protectReads`). The comparison hashes both sides
// first so that it takes the same time whatever the length or the first differing byte
// (crypto.timingSafeEqual needs equal lengths; SHA-256 digests always are).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-errors.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWriteMethod(method: string): boolean {
  return !READ_METHODS.has(method.toUpperCase());
}

export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

export function requireToken(options: { token: string | null; protectReads: boolean }): MiddlewareHandler {
  const { token, protectReads } = options;
  return async (c, next) => {
    const needed = isWriteMethod(c.req.method) ? token !== null : protectReads;
    if (needed) {
      const given = bearerToken(c.req.header('Authorization'));
      if (token === null || given === null || !tokensEqual(given, token)) {
        c.header('WWW-Authenticate', 'Bearer realm="overture"');
        throw new ApiError(
          'unauthorized',
          given === null
            ? 'this route needs the server token (expected an "Authorization: Bearer <token>" header)'
            : 'wrong token (expected the token the server was started with)',
        );
      }
    }
    await next();
  };
}
