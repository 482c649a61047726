// The write routes (ingest, classify) and the guards around every route: the token, the
// cross-site guard, the host guard, the body limit and the security headers.
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.js';
import type { Store } from '../../src/store/store.js';
import { STORE_FACTORIES } from '../helpers/stores.js';
import { fakeCoder } from './fake-coder.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
type Json = any;

const TOKEN = 'test-token-0123456789abcdef';
const JSONL = { 'Content-Type': 'application/x-ndjson' };

const corpus = [
  JSON.stringify({
    id: 'a1',
    text: 'Moscow says it is ready to talk. Nothing else changed.',
    date: '2024-03-02T10:00:00Z',
    lang: 'en',
  }),
  JSON.stringify({
    id: 'a2',
    text: 'The ministry repeated its demands.',
    date: '2024-03-03T10:00:00Z',
    lang: 'en',
  }),
  '{"id": "a3", "text": ',
].join('\n');

async function call(
  app: Hono,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await app.request(path, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

for (const factory of STORE_FACTORIES) {
  describe(`API writes and guards on ${factory.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await factory.open());
    });
    after(async () => dispose());

    const open = (extra: Partial<Parameters<typeof createApp>[0]> = {}) =>
      createApp({ store, loadCoder: async () => fakeCoder(), webDir: null, ...extra });

    test('ingest stores and codes good records, reports bad ones, and never duplicates', async () => {
      const app = open();
      const first = await call(app, '/api/v1/ingest?source=test-wire&camp=ru-state-media', {
        method: 'POST',
        headers: JSONL,
        body: corpus,
      });
      assert.equal(first.status, 200);
      assert.equal(first.body.accepted, 2);
      assert.equal(first.body.coded, 2);
      assert.equal(first.body.rejected.length, 1);
      assert.match(first.body.rejected[0].ref, /^request body line 3/);
      const again = await call(app, '/api/v1/ingest?source=test-wire', {
        method: 'POST',
        headers: JSONL,
        body: corpus,
      });
      assert.equal(again.body.accepted, 0);
      assert.equal(again.body.duplicates, 2);
      const evidence = await call(app, '/api/v1/statements?signal=overture&source=test-wire');
      assert.equal(evidence.body.items.length, 1);
      assert.equal(evidence.body.items[0].text, 'Moscow says it is ready to talk.');
      assert.equal(evidence.body.items[0].signals[0].evidence[0].match, 'ready to talk');
      const rates = await call(app, '/api/v1/rates?group=source:test-wire&since=2024-03-02&until=2024-03-03');
      assert.deepEqual(
        rates.body.series[0].points.map((p: Json) => [p.relevant, p.total]),
        [
          [1, 2],
          [0, 1],
        ],
      );
    });

    test('ingest names what is wrong with the request', async () => {
      const app = open();
      const unknown = await call(app, '/api/v1/ingest?source=nobody', {
        method: 'POST',
        headers: JSONL,
        body: corpus,
      });
      assert.equal(unknown.status, 404);
      assert.match(unknown.body.error.message, /unknown source "nobody" \(expected camp=CAMP/);
      const form = await call(app, '/api/v1/ingest?source=test-wire', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: corpus,
      });
      assert.equal(form.status, 415);
      assert.equal(form.body.error.code, 'unsupported-media-type');
      const empty = await call(app, '/api/v1/ingest?source=test-wire', {
        method: 'POST',
        headers: JSONL,
        body: '',
      });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.code, 'invalid-input');
    });

    test('a body over the limit is refused with 413 before it is read', async () => {
      const app = open({ maxIngestBytes: 64, maxBodyBytes: 32 });
      const big = await call(app, '/api/v1/ingest?source=test-wire', {
        method: 'POST',
        headers: JSONL,
        body: corpus,
      });
      assert.equal(big.status, 413);
      assert.equal(big.body.error.code, 'payload-too-large');
      const classify = await call(app, '/api/v1/classify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 1, text: 'We are ready to talk, and we said so at length.' }),
      });
      assert.equal(classify.status, 413);
    });

    test('classify codes one record or many without storing them', async () => {
      const app = open();
      const before = (await store.stats()).documents;
      const one = await call(app, '/api/v1/classify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'x', text: 'We are ready to talk. It rained.', lang: 'en' }),
      });
      assert.equal(one.status, 200);
      assert.equal(one.body.id, 'x');
      assert.deepEqual(one.body.signals, ['overture']);
      assert.equal(one.body.statements.length, 1);
      assert.equal(one.body.statements[0].signals[0].evidence[0].rule, 'overture.en.ready');
      const all = await call(app, '/api/v1/classify?all=true', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'x', text: 'We are ready to talk. It rained.', lang: 'en' }),
      });
      assert.equal(all.body.statements.length, 2);
      const many = await call(app, '/api/v1/classify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify([
          { id: 1, text: 'ready to talk' },
          { id: 2, text: 'no' },
        ]),
      });
      assert.deepEqual(
        many.body.map((r: Json) => r.id),
        [1, 2],
      );
      assert.equal((await store.stats()).documents, before);
      const bad = await call(app, '/api/v1/classify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'y' }),
      });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /text/);
    });

    test('with a token, a write without it or with a wrong one is 401 and reads stay open', async () => {
      const app = open({ token: TOKEN });
      const body = JSON.stringify({ id: 1, text: 'ready to talk' });
      const headers = { 'Content-Type': 'application/json' };
      const none = await call(app, '/api/v1/classify', { method: 'POST', headers, body });
      assert.equal(none.status, 401);
      assert.equal(none.body.error.code, 'unauthorized');
      assert.equal(none.headers.get('WWW-Authenticate'), 'Bearer realm="overture"');
      const wrong = await call(app, '/api/v1/classify', {
        method: 'POST',
        headers: { ...headers, Authorization: 'Bearer not-the-token' },
        body,
      });
      assert.equal(wrong.status, 401);
      const ingest = await call(app, '/api/v1/ingest?source=test-wire', {
        method: 'POST',
        headers: JSONL,
        body: corpus,
      });
      assert.equal(ingest.status, 401);
      const right = await call(app, '/api/v1/classify', {
        method: 'POST',
        headers: { ...headers, Authorization: `Bearer ${TOKEN}` },
        body,
      });
      assert.equal(right.status, 200);
      assert.equal((await call(app, '/api/v1/stats')).status, 200);
    });

    test('a server that protects reads wants the token on every API route', async () => {
      const app = open({ token: TOKEN, protectReads: true });
      assert.equal((await call(app, '/api/v1/stats')).status, 401);
      assert.equal((await call(app, '/api/v1/openapi.json')).status, 401);
      const ok = await call(app, '/api/v1/stats', { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(ok.status, 200);
      assert.throws(() => open({ protectReads: true }), /protectReads needs a token/);
    });

    test('writes from another site are refused even without a token', async () => {
      const app = open();
      const init = { method: 'POST', headers: { ...JSONL, Origin: 'https://evil.example' }, body: corpus };
      const cross = await call(app, '/api/v1/ingest?source=test-wire', init);
      assert.equal(cross.status, 403);
      assert.equal(cross.body.error.code, 'forbidden');
      const site = await call(app, '/api/v1/ingest?source=test-wire', {
        method: 'POST',
        headers: { ...JSONL, 'Sec-Fetch-Site': 'cross-site' },
        body: corpus,
      });
      assert.equal(site.status, 403);
      const same = await call(app, 'http://localhost/api/v1/ingest?source=test-wire', {
        method: 'POST',
        headers: { ...JSONL, Origin: 'http://localhost' },
        body: corpus,
      });
      assert.equal(same.status, 200);
    });

    test('a server bound to loopback answers loopback host names only', async () => {
      const app = open({ hostnames: ['localhost', '127.0.0.1'] });
      assert.equal((await call(app, 'http://127.0.0.1:8787/api/v1/stats')).status, 200);
      const rebound = await call(app, 'http://attacker.example:8787/api/v1/stats');
      assert.equal(rebound.status, 421);
      assert.equal(rebound.body.error.code, 'misdirected-request');
    });

    test('every response carries the security headers and no CORS header', async () => {
      const app = open();
      for (const path of ['/api/v1/stats', '/api/v1/nowhere']) {
        const { headers } = await call(app, path, { headers: { Origin: 'https://evil.example' } });
        assert.equal(headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY);
        assert.equal(headers.get('X-Content-Type-Options'), 'nosniff');
        assert.equal(headers.get('Referrer-Policy'), 'no-referrer');
        assert.equal(headers.get('Access-Control-Allow-Origin'), null);
        assert.equal(headers.get('Cache-Control'), 'no-store');
      }
      assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
    });

    test('a failure inside a route is a 500 without its details', async () => {
      const reported: unknown[] = [];
      const app = open({
        loadCoder: async () => Promise.reject(new Error('secret path /etc/x')),
        reportError: (error) => reported.push(error),
      });
      {
        const failed = await call(app, '/api/v1/classify', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: 1, text: 'ready to talk' }),
        });
        assert.equal(failed.status, 500);
        assert.deepEqual(failed.body, { error: { code: 'internal', message: 'internal error' } });
        assert.equal(reported.length, 1);
      }
    });
  });
}
