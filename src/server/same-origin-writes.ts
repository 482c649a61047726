// Cross-site request forgery guard. A page on any web site can make the user's browser POST to
// http://127.0.0.1:8787 (a "simple" request needs no CORS preflight), so a server without a token
// on loopback would otherwise accept ingest from anywhere. Browsers label such requests: they send
// `Origin` on every cross-origin POST and `Sec-Fetch-Site: cross-site`. Requests without those
// headers (curl, scripts) are not from a browser page and pass.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-errors.js';
import { isWriteMethod } from './require-token.js';

export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (isWriteMethod(c.req.method)) {
      const site = c.req.header('Sec-Fetch-Site');
      if (site === 'cross-site' || site === 'same-site') {
        throw new ApiError('forbidden', `writes from another site are refused (Sec-Fetch-Site: ${site})`);
      }
      const origin = c.req.header('Origin');
      if (origin !== undefined && origin !== new URL(c.req.url).origin) {
        throw new ApiError(
          'forbidden',
          `writes from another origin are refused (Origin: ${JSON.stringify(origin)})`,
        );
      }
    }
    await next();
  };
}
