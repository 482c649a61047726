// One HTTP GET over node:http(s), with the guards every fetch needs: the SSRF lookup, a
// deadline for the whole exchange (headers and body), a body size limit that also bounds what
// gzip, deflate or Brotli expand to (a small compressed body can inflate to gigabytes), and a
// check of the address the socket really connected to.
import { get as getHttp, type IncomingHttpHeaders } from 'node:http';
import { get as getHttps } from 'node:https';
import { promisify } from 'node:util';
import {
  brotliDecompress,
  gunzip as gunzipCallback,
  inflate as inflateCallback,
  inflateRaw as inflateRawCallback,
} from 'node:zlib';
import { OvertureError } from '../core/errors.js';
import { guardedLookup, isPublicAddress, privateAddress } from './ssrf-guard.js';

export interface HttpGetOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  allowPrivate: boolean;
}

export interface HttpReply {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The decoded body for 2xx replies; empty for the others (their bodies are not read). */
  body: Buffer;
}

/** A failed attempt; `isRetryable` when trying again later may succeed (network, timeout). */
export class AttemptError extends Error {
  constructor(
    message: string,
    readonly isRetryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const gunzip = promisify(gunzipCallback);
const inflate = promisify(inflateCallback);
const inflateRaw = promisify(inflateRawCallback);
const brotli = promisify(brotliDecompress);

export function httpGet(url: URL, options: HttpGetOptions): Promise<HttpReply> {
  const get = url.protocol === 'https:' ? getHttps : getHttp;
  return new Promise<HttpReply>((resolve, reject) => {
    let isSettled = false;
    const settle = (outcome: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (error: Error) => settle(() => reject(error));
    const request = get(url, {
      headers: options.headers,
      lookup: guardedLookup(options.allowPrivate),
      agent: false, // one connection per request: nothing pooled outlives the fetch
    });
    const timer = setTimeout(() => {
      const error = new AttemptError(`${url.href}: no complete reply within ${options.timeoutMs} ms`, true);
      fail(error);
      request.destroy(error);
    }, options.timeoutMs);

    request.on('error', (error) => {
      if (error instanceof OvertureError || error instanceof AttemptError) return fail(error);
      const code = (error as NodeJS.ErrnoException).code ?? '';
      fail(new AttemptError(`${url.href}: ${error.message}`, code !== 'ENOTFOUND', { cause: error }));
    });
    request.on('response', (response) => {
      const remote = response.socket.remoteAddress;
      if (!options.allowPrivate && remote && !isPublicAddress(remote)) {
        response.destroy();
        return fail(privateAddress(url.href, remote));
      }
      const status = response.statusCode ?? 0;
      const reply = { status, statusText: response.statusMessage ?? '', headers: response.headers };
      if (status < 200 || status >= 300) {
        response.resume();
        return settle(() => resolve({ ...reply, body: Buffer.alloc(0) }));
      }
      const declared = Number(response.headers['content-length'] ?? Number.NaN);
      if (declared > options.maxBytes) {
        response.destroy();
        return fail(tooLarge(url, options.maxBytes, `Content-Length: ${declared}`));
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxBytes) {
          response.destroy();
          fail(tooLarge(url, options.maxBytes, `more than ${options.maxBytes} bytes received`));
        } else chunks.push(chunk);
      });
      response.on('error', (error) =>
        fail(new AttemptError(`${url.href}: ${error.message}`, true, { cause: error })),
      );
      response.on('end', () => {
        if (isSettled) return;
        decompress(Buffer.concat(chunks), response.headers['content-encoding'], options.maxBytes).then(
          (body) => settle(() => resolve({ ...reply, body })),
          (error: unknown) => {
            const isLimit = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
            if (isLimit) return fail(tooLarge(url, options.maxBytes, 'it decompresses beyond the limit'));
            fail(
              new AttemptError(`${url.href}: cannot decompress the body: ${String(error)}`, false, {
                cause: error,
              }),
            );
          },
        );
      });
    });
  });
}

async function decompress(body: Buffer, encoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const limit = { maxOutputLength: maxBytes };
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzip(body, limit);
    case 'deflate':
      // RFC 9110 deflate is zlib-wrapped, but some servers send a raw stream (0x78 starts zlib).
      return body[0] === 0x78 ? inflate(body, limit) : inflateRaw(body, limit);
    case 'br':
      return brotli(body, { maxOutputLength: maxBytes });
    default:
      return body;
  }
}

function tooLarge(url: URL, maxBytes: number, detail: string): OvertureError {
  return new OvertureError(
    'fetch-failed',
    `${url.href}: the body is larger than the limit (${detail}; expected at most ${maxBytes} bytes)`,
  );
}
