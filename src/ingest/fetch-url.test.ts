import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { type FetchOptions, fetchUrl, retryAfterMs } from './fetch-url.js';

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

// One local server for the whole file; each test sets its handler. Requests are counted so a
// test can check that a refused fetch never reached it.
let handler: Handler = (_request, response) => response.end();
let requests: IncomingMessage[] = [];
const server = createServer((request, response) => {
  requests.push(request);
  handler(request, response, requests.length);
});
let base = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  requests = [];
});

const delays: number[] = [];
const local = (options: FetchOptions = {}): FetchOptions => ({
  allowPrivate: true,
  timeoutMs: 5_000,
  sleep: async (ms) => {
    delays.push(ms);
  },
  random: () => 0.5,
  ...options,
});

describe('fetchUrl', () => {
  test('returns the body with its content type, validators and final URL', async () => {
    handler = (_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT',
      });
      response.end('<rss/>');
    };
    const result = await fetchUrl(`${base}/feed.xml`, local());
    assert.deepEqual(
      { ...result, bytes: result.status === 'ok' ? Buffer.from(result.bytes).toString() : null },
      {
        status: 'ok',
        bytes: '<rss/>',
        contentType: 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
        finalUrl: `${base}/feed.xml`,
      },
    );
    assert.match(requests[0]?.headers['user-agent'] ?? '', /^Overture\//);
  });

  test('sends the validators it is given and reports a 304 as not modified', async () => {
    handler = (request, response) => {
      const isFresh =
        request.headers['if-none-match'] === '"v1"' &&
        request.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT';
      response.writeHead(isFresh ? 304 : 200).end(isFresh ? undefined : 'changed');
    };
    const result = await fetchUrl(
      `${base}/feed.xml`,
      local({ etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' }),
    );
    assert.deepEqual(result, { status: 'not-modified' });
  });

  test('retries 503 after the delay Retry-After asks for, then succeeds', async () => {
    delays.length = 0;
    handler = (_request, response, count) => {
      if (count <= 2) response.writeHead(503, { 'retry-after': '2' }).end();
      else response.end('ok');
    };
    const result = await fetchUrl(`${base}/busy`, local({ retries: 2 }));
    assert.equal(result.status, 'ok');
    assert.deepEqual(delays, [2000, 2000]);
    assert.equal(requests.length, 3);
  });

  test('backs off exponentially with jitter on 429 and gives up after the last retry', async () => {
    delays.length = 0;
    handler = (_request, response) => response.writeHead(429).end();
    await assert.rejects(fetchUrl(`${base}/limited`, local({ retries: 2 })), {
      code: 'fetch-failed',
      message: `${base}/limited: HTTP 429 Too Many Requests (expected 2xx or 304) (after 3 attempts)`,
    });
    assert.deepEqual(delays, [750, 1500]);
  });

  test('fails at once when Retry-After asks for a longer wait than a poll can afford', async () => {
    delays.length = 0;
    handler = (_request, response) => response.writeHead(503, { 'retry-after': '3600' }).end();
    await assert.rejects(fetchUrl(`${base}/later`, local({ retries: 3 })), {
      code: 'fetch-failed',
      message: /HTTP 503 Service Unavailable .*\(the server asks to wait 3600 s\)$/,
    });
    assert.deepEqual(delays, []);
  });

  test('does not retry a 404', async () => {
    handler = (_request, response) => response.writeHead(404).end();
    await assert.rejects(fetchUrl(`${base}/missing`, local({ retries: 3 })), {
      code: 'fetch-failed',
      message: /HTTP 404 Not Found/,
    });
    assert.equal(requests.length, 1);
  });

  test('retries a dropped connection', async () => {
    handler = (request, response, count) =>
      count === 1 ? request.socket.destroy() : response.end('second time');
    const result = await fetchUrl(`${base}/flaky`, local({ retries: 1 }));
    assert.equal(result.status === 'ok' && Buffer.from(result.bytes).toString(), 'second time');
  });

  test('gives up on a server that does not answer within the timeout', async () => {
    handler = () => {}; // never answers; closeAllConnections ends it
    await assert.rejects(fetchUrl(`${base}/slow`, local({ timeoutMs: 50, retries: 0 })), {
      code: 'fetch-failed',
      message: `${base}/slow: no complete reply within 50 ms`,
    });
  });

  test('follows redirects to the final URL, at most five', async () => {
    handler = (request, response) => {
      const step = Number(request.url?.slice(1) ?? 0);
      if (step < 3) response.writeHead(302, { location: `/${step + 1}` }).end();
      else response.end(`arrived at ${step}`);
    };
    const result = await fetchUrl(`${base}/0`, local());
    assert.equal(result.status === 'ok' && result.finalUrl, `${base}/3`);
    handler = (request, response) => response.writeHead(301, { location: `${request.url}x` }).end();
    await assert.rejects(fetchUrl(`${base}/loop`, local()), {
      code: 'fetch-failed',
      message: /more than 5 redirects/,
    });
    assert.equal(requests.length, 4 + 6);
  });

  test('checks every redirect target: a redirect to file: is refused', async () => {
    handler = (_request, response) => response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    await assert.rejects(fetchUrl(`${base}/r`, local()), { code: 'unsafe-url', message: /scheme file:/ });
  });

  test('decodes gzip, deflate and brotli bodies', async () => {
    const body = 'Переговоры '.repeat(50);
    const encoders: Record<string, (input: Buffer) => Buffer> = {
      gzip: gzipSync,
      deflate: deflateSync,
      br: brotliCompressSync,
    };
    handler = (request, response) => {
      const encoding = request.url?.slice(1) ?? '';
      response.writeHead(200, { 'content-encoding': encoding }).end(encoders[encoding]?.(Buffer.from(body)));
    };
    for (const encoding of Object.keys(encoders)) {
      const result = await fetchUrl(`${base}/${encoding}`, local());
      assert.equal(result.status === 'ok' && Buffer.from(result.bytes).toString(), body, encoding);
    }
  });

  test('refuses bodies over the size limit, declared, streamed or decompressed', async () => {
    handler = (request, response) => {
      if (request.url === '/declared')
        response.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
      else if (request.url === '/streamed') {
        response.write('x'.repeat(3000));
        response.end('x'.repeat(3000));
      } else response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1_000_000)));
    };
    for (const path of ['/declared', '/streamed', '/bomb']) {
      await assert.rejects(fetchUrl(`${base}${path}`, local({ maxBytes: 4000 })), {
        code: 'fetch-failed',
        message: /the body is larger than the limit .*expected at most 4000 bytes/,
      });
    }
  });

  test('refuses loopback addresses, literal or by name, without allowPrivate, before any request', async () => {
    handler = (_request, response) => response.end('should not be reached');
    const port = new URL(base).port;
    for (const url of [`${base}/`, `http://localhost:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`]) {
      await assert.rejects(fetchUrl(url, { retries: 2, sleep: async () => {} }), { code: 'unsafe-url' }, url);
    }
    assert.equal(requests.length, 0);
  });
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  assert.equal(retryAfterMs('120'), 120_000);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.UTC(2015, 9, 21, 7, 28, 0)), 10_000);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(null), undefined);
});
