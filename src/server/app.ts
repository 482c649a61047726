// The HTTP app: the JSON API under /api/v1 and the dashboard at /. Built as a value (hono's
// habit) so that tests run it in-process with app.request() and the CLI wraps it in a server.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { loadCoder } from '../coder/load-coder.js';
import type { Coder } from '../core/coding/coder.js';
import type { Store } from '../store/store.js';
import { allowedHosts } from './allowed-hosts.js';
import type { ApiDeps, RuleRationale } from './api-deps.js';
import { ApiError, errorResponse } from './api-errors.js';
import { OPENAPI_DOCUMENT } from './openapi-document.js';
import { requireToken } from './require-token.js';
import { classifyRoutes } from './routes/classify.js';
import { documentsRoutes } from './routes/documents.js';
import { episodesRoutes } from './routes/episodes.js';
import { indicatorsRoutes } from './routes/indicators.js';
import { ingestRoutes } from './routes/ingest.js';
import { positionsRoutes } from './routes/positions.js';
import { ratesRoutes } from './routes/rates.js';
import { sourcesRoutes } from './routes/sources.js';
import { statementsRoutes } from './routes/statements.js';
import { statsRoutes } from './routes/stats.js';
import { NO_RATIONALE, ruleRationaleOf } from './rule-rationale.js';
import { sameOriginWrites } from './same-origin-writes.js';
import { securityHeaders } from './security-headers.js';
import { staticDashboard } from './static-dashboard.js';

export const API_PREFIX = '/api/v1';

export interface AppOptions {
  store: Store;
  /** Bearer token for writes (and for reads with `protectReads`); null or absent: none. */
  token?: string | null;
  now?: () => Date;
  /** Require the token on reads too — what a server listening beyond loopback must do. */
  protectReads?: boolean;
  /** Host names the server answers to (DNS-rebinding guard); absent: any. */
  hostnames?: readonly string[];
  /** The coder for ingest and classify; default: the package's codebook and model, loaded on first use. */
  loadCoder?: () => Promise<Coder>;
  /** Largest body of any request but ingest, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Largest body of POST /ingest, in bytes (default 32 MiB). */
  maxIngestBytes?: number;
  /** The dashboard's folder (default: web/ of the package); null serves no dashboard. */
  webDir?: string | null;
  /** Where unexpected errors (the 500s, whose details the client never sees) are reported. */
  reportError?: (error: unknown) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_INGEST_BYTES = 32 * 1024 * 1024;

/** Runs `load` once, on first call; a failure is not cached, so a fixed codebook is picked up. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

export function createApp(options: AppOptions): Hono {
  const token = options.token ?? null;
  const protectReads = options.protectReads ?? false;
  if (protectReads && token === null) {
    throw new ApiError('invalid-option', 'protectReads needs a token (expected options.token)');
  }
  const coder = once(options.loadCoder ?? (() => loadCoder()));
  // Rationales are a nicety: a codebook that fails to load must not break the evidence list.
  const ruleRationale = once(
    async (): Promise<RuleRationale> => coder().then(ruleRationaleOf, () => NO_RATIONALE),
  );
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const deps: ApiDeps = {
    store: options.store,
    now: options.now ?? (() => new Date()),
    coder,
    ruleRationale,
    maxIngestBytes: options.maxIngestBytes ?? DEFAULT_MAX_INGEST_BYTES,
  };

  const api = new Hono()
    .use(requireToken({ token, protectReads }))
    .use(sameOriginWrites())
    .use(async (c, next) => {
      if (c.req.path === `${API_PREFIX}/ingest`) return next();
      return bodyLimit({
        maxSize: maxBodyBytes,
        onError: () => {
          throw new ApiError('payload-too-large', `the body is larger than ${maxBodyBytes} bytes`);
        },
      })(c, next);
    })
    .get('/openapi.json', (c) => c.json(OPENAPI_DOCUMENT))
    .route('/', statsRoutes(deps))
    .route('/', sourcesRoutes(deps))
    .route('/', documentsRoutes(deps))
    .route('/', statementsRoutes(deps))
    .route('/', ratesRoutes(deps))
    .route('/', episodesRoutes(deps))
    .route('/', positionsRoutes(deps))
    .route('/', indicatorsRoutes(deps))
    .route('/', ingestRoutes(deps))
    .route('/', classifyRoutes(deps));

  const app = new Hono();
  app.use(securityHeaders());
  if (options.hostnames) app.use(allowedHosts(options.hostnames));
  app.route(API_PREFIX, api);
  if (options.webDir !== null) app.route('/', staticDashboard(options.webDir));
  const allowedMethods = methodsByPath(app);
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) c.header('Allow', allowed.join(', '));
    const { status, body } = errorResponse(
      allowed.length > 0
        ? new ApiError(
            'method-not-allowed',
            `${c.req.method} is not allowed on ${c.req.path} (expected ${allowed.join(' or ')})`,
          )
        : new ApiError(
            'not-found',
            `no route ${c.req.method} ${c.req.path} (the API is described at ${API_PREFIX}/openapi.json)`,
          ),
    );
    return c.json(body, status);
  });
  app.onError((error, c) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) (options.reportError ?? console.error)(error);
    return c.json(body, status);
  });
  return app;
}

/** The methods each API route answers, to tell "wrong method" (405) from "no such route" (404). */
function methodsByPath(app: Hono): (path: string) => string[] {
  const routes = app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith(`${API_PREFIX}/`))
    .map((route) => ({
      method: route.method,
      pattern: new RegExp(`^${route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`),
    }));
  return (path) => [
    ...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method)),
  ];
}
