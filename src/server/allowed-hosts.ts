// DNS-rebinding guard. A hostile page can point its own host name at 127.0.0.1 and then read the
// API as "same origin"; the one thing it cannot change is the Host header, which carries its name.
// So a server bound to loopback answers only requests addressed to a loopback name (or the names
// it was given).
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-errors.js';

export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]', '::1'] as const;

export function allowedHosts(hostnames: readonly string[]): MiddlewareHandler {
  const allowed = new Set(hostnames.map((name) => name.toLowerCase()));
  return async (c, next) => {
    const hostname = new URL(c.req.url).hostname.toLowerCase();
    if (!allowed.has(hostname)) {
      throw new ApiError(
        'misdirected-request',
        `this server answers requests for ${[...allowed].join(', ')} only (got Host ${JSON.stringify(hostname)})`,
      );
    }
    await next();
  };
}
