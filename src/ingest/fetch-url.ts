// Fetches a feed or page over HTTP(S), politely and safely: a conditional GET (RFC 9110 §13:
// If-None-Match / If-Modified-Since, so an unchanged feed costs a 304), a deadline per attempt,
// retries with exponential backoff and "equal jitter" (Brooker, AWS Architecture Blog 2015) on
// network errors, 429 and 5xx (honouring Retry-After, RFC 9110 §10.2.3), at most five
// redirects each checked again, and the SSRF guard of ssrf-guard.ts on every connection.
import { OvertureError } from '../core/errors.js';
import { AttemptError, type HttpReply, httpGet } from './http-get.js';
import { assertFetchableUrl } from './ssrf-guard.js';

export interface FetchOptions {
  /** Deadline of each attempt, headers and body together. */
  timeoutMs?: number;
  /** Attempts after the first one, for failures that may pass (network, 429, 5xx). */
  retries?: number;
  /** Validators from the previous fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /** Lets the fetch reach loopback and private addresses (a feed on your own network, tests). */
  allowPrivate?: boolean;
  /** The largest body accepted, after decompression. */
  maxBytes?: number;
  userAgent?: string;
  /** Injected for tests; defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
}

export type FetchResult =
  | {
      status: 'ok';
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
    }
  | { status: 'not-modified' };

export const FETCH_DEFAULTS = {
  timeoutMs: 30_000,
  retries: 2,
  maxBytes: 20 * 1024 * 1024,
  userAgent: 'Overture/0.1 (news monitor; +https://github.com/overture-monitor/overture)',
};
const MAX_REDIRECTS = 5;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
/** A server asking to be left alone for longer than this gets a failure, not a wait. */
const MAX_RETRY_AFTER_MS = 120_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const retries = Math.max(0, options.retries ?? FETCH_DEFAULTS.retries);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fetchFollowingRedirects(url, options);
    } catch (error) {
      if (!(error instanceof AttemptError)) throw error;
      const attempts = attempt + 1;
      const retryAfterMs = error instanceof RetryLater ? error.retryAfterMs : undefined;
      const isTooLong = (retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS;
      if (!error.isRetryable || attempt >= retries || isTooLong) {
        const tries = attempts === 1 ? '' : ` (after ${attempts} attempts)`;
        const wait = isTooLong
          ? ` (the server asks to wait ${Math.round((retryAfterMs ?? 0) / 1000)} s)`
          : '';
        throw new OvertureError('fetch-failed', `${error.message}${tries}${wait}`, { cause: error });
      }
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
      await sleep(retryAfterMs ?? ceiling / 2 + random() * (ceiling / 2));
    }
  }
}

/** A 429 or 5xx reply: retryable, after the delay the server asked for when it asked. */
class RetryLater extends AttemptError {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message, true);
  }
}

async function fetchFollowingRedirects(start: string, options: FetchOptions): Promise<FetchResult> {
  const allowPrivate = options.allowPrivate ?? false;
  let url = parseUrl(start);
  for (let redirects = 0; ; redirects += 1) {
    assertFetchableUrl(url, allowPrivate);
    const reply = await httpGet(url, {
      headers: requestHeaders(options),
      timeoutMs: options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
      maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
      allowPrivate,
    });
    if (REDIRECTS.has(reply.status)) {
      const location = header(reply, 'location');
      if (!location)
        throw new AttemptError(`${url.href}: HTTP ${reply.status} without a Location header`, false);
      if (redirects >= MAX_REDIRECTS) {
        throw new AttemptError(`${start}: more than ${MAX_REDIRECTS} redirects (last to ${location})`, false);
      }
      url = parseUrl(location, url);
      continue;
    }
    if (reply.status === 304) return { status: 'not-modified' };
    if (reply.status >= 200 && reply.status < 300) {
      return {
        status: 'ok',
        bytes: new Uint8Array(reply.body.buffer, reply.body.byteOffset, reply.body.length),
        contentType: header(reply, 'content-type'),
        etag: header(reply, 'etag'),
        lastModified: header(reply, 'last-modified'),
        finalUrl: url.href,
      };
    }
    const message = `${url.href}: HTTP ${reply.status} ${reply.statusText}`.trim() + ' (expected 2xx or 304)';
    if (reply.status === 429 || (reply.status >= 500 && reply.status !== 501 && reply.status !== 505)) {
      throw new RetryLater(message, retryAfterMs(header(reply, 'retry-after')));
    }
    throw new AttemptError(message, false);
  }
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? FETCH_DEFAULTS.userAgent,
    accept: '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch (error) {
    throw new OvertureError(
      'invalid-input',
      `invalid URL ${JSON.stringify(text)} (expected an http(s) URL)`,
      {
        cause: error,
      },
    );
  }
}

function header(reply: HttpReply, name: string): string | null {
  const value = reply.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Retry-After is delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
