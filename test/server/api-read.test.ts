// The read routes of the API, in-process (app.request, no port), against a real store seeded with
// a demo-like corpus — on PGlite always and on PostgreSQL when DATABASE_URL is set.
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import { STORE_FACTORIES } from '../helpers/stores.js';
import { FAKE_RATIONALE, fakeCoder } from './fake-coder.js';
import {
  BURST,
  EPISODE_ID,
  FIRST_DAY,
  HOSTILE_DAY,
  HOSTILE_TEXT,
  LAST_DAY,
  SOURCES,
  seedApiStore,
} from './seed-api-store.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
type Json = any;

async function get(app: Hono, path: string): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await app.request(path);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

for (const factory of STORE_FACTORIES) {
  describe(`API reads on ${factory.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let app: Hono;
    let seeded: Awaited<ReturnType<typeof seedApiStore>>;
    before(async () => {
      ({ store, dispose } = await factory.open());
      seeded = await seedApiStore(store);
      app = createApp({
        store,
        now: () => new Date('2024-05-01T12:00:00Z'),
        loadCoder: async () => fakeCoder(),
        webDir: null,
      });
    });
    after(async () => dispose());

    test('stats count what the store holds and give the range of days', async () => {
      const { status, body } = await get(app, '/api/v1/stats');
      assert.equal(status, 200);
      assert.equal(body.documents, seeded.documents);
      assert.equal(body.sources, SOURCES.length);
      assert.equal(body.episodes, 1);
      assert.equal(body.indicators, 2);
      assert.equal(body.firstDay, FIRST_DAY);
      assert.equal(body.lastDay, LAST_DAY);
      assert.equal(body.generatedAt, '2024-05-01T12:00:00.000Z');
    });

    test('sources list every source with its camp and counts', async () => {
      const { body } = await get(app, '/api/v1/sources');
      assert.deepEqual(
        body.items.map((s: Json) => [s.name, s.camp]),
        [
          ['kremlin-readouts', 'ru-official'],
          ['state-wire', 'ru-state-media'],
          ['kyiv-office', 'ua-official'],
          ['west-column', 'west-commentary'],
        ],
      );
      const total = body.items.reduce((sum: number, s: Json) => sum + s.documents, 0);
      assert.equal(total, seeded.documents);
      assert.ok(body.items.every((s: Json) => s.statements > 0 && s.firstDay === FIRST_DAY));
    });

    test('paging through documents with the cursor visits each document once, newest first', async () => {
      const seen = new Set<number>();
      let previous = '9999';
      let cursor: string | null = null;
      let pages = 0;
      do {
        const { status, body }: { status: number; body: Json } = await get(
          app,
          `/api/v1/documents?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.equal(status, 200);
        for (const item of body.items) {
          assert.ok(!seen.has(item.id), `document ${item.id} appeared twice`);
          seen.add(item.id);
          assert.ok(item.publishedAt <= previous, 'newest first');
          previous = item.publishedAt;
        }
        cursor = body.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      assert.equal(seen.size, seeded.documents);
      assert.equal(pages, 3);
    });

    test('documents filter by source, days and words, and a % in the words is taken literally', async () => {
      const bySource = await get(
        app,
        '/api/v1/documents?source=kyiv-office&since=2024-02-01&until=2024-02-29&limit=200',
      );
      assert.equal(bySource.body.items.length, 29);
      assert.ok(
        bySource.body.items.every(
          (d: Json) => d.source === 'kyiv-office' && d.publishedAt.startsWith('2024-02'),
        ),
      );
      const byWords = await get(app, '/api/v1/documents?q=READY%20TO%20TALK&limit=200');
      assert.ok(byWords.body.items.length > 0);
      assert.ok(byWords.body.items.every((d: Json) => /ready to talk/i.test(d.excerpt)));
      const literal = await get(app, '/api/v1/documents?q=%25');
      assert.deepEqual(literal.body.items, []);
    });

    test('a document whose text is markup comes back as the same text in JSON', async () => {
      const { status, body, headers } = await get(app, `/api/v1/documents/${seeded.hostileDocumentId}`);
      assert.equal(status, 200);
      assert.match(headers.get('Content-Type') ?? '', /^application\/json/);
      assert.equal(headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(body.text, HOSTILE_TEXT);
      assert.equal(body.title, '<b>bold</b> title <script>alert(3)</script>');
      const [statement] = body.statements;
      assert.equal(statement.text, HOSTILE_TEXT);
      const [evidence] = statement.signals[0].evidence;
      assert.equal(evidence.match, 'ready to talk');
      assert.equal(evidence.rationale, FAKE_RATIONALE);
    });

    test('a bad or unknown document id is a 400 or a 404 with a stable code', async () => {
      const bad = await get(app, '/api/v1/documents/abc');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid-option');
      assert.match(bad.body.error.message, /invalid document id: got "abc"/);
      const missing = await get(app, '/api/v1/documents/12345');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not-found');
    });

    test('the evidence list for a day holds exactly the statements its rate counted', async () => {
      const rates = await get(
        app,
        `/api/v1/rates?signal=overture&group=ru-official&since=${BURST.start}&until=${BURST.end}`,
      );
      const points = rates.body.series[0].points;
      assert.equal(points.length, 14);
      for (const point of points) {
        const evidence = await get(
          app,
          `/api/v1/statements?signal=overture&group=ru-official&since=${point.period}&until=${point.end}&limit=500`,
        );
        assert.equal(evidence.body.items.length, point.relevant, `day ${point.period}`);
        for (const item of evidence.body.items) {
          assert.equal(item.camp, 'ru-official');
          assert.ok(item.signals.some((s: Json) => s.signal === 'overture'));
          assert.equal(item.publishedAt.slice(0, 10), point.period);
        }
      }
    });

    test('evidence spans cut the matched words out of the statement', async () => {
      const { body } = await get(app, `/api/v1/statements?signal=stalemate&camp=west-commentary&limit=5`);
      assert.ok(body.items.length > 0);
      for (const item of body.items) {
        for (const signal of item.signals) {
          for (const evidence of signal.evidence) {
            assert.equal(
              evidence.match,
              item.text.slice(evidence.start - item.start, evidence.end - item.start),
            );
          }
        }
        assert.deepEqual(
          item.signals.map((s: Json) => s.evidence[0].match),
          ['Neither side can win', 'time to negotiate'],
        );
      }
    });

    test('the evidence list pages with its cursor', async () => {
      const first = await get(app, '/api/v1/statements?signal=overture&limit=7');
      assert.equal(first.body.items.length, 7);
      assert.notEqual(first.body.nextCursor, null);
      const second = await get(
        app,
        `/api/v1/statements?signal=overture&limit=7&cursor=${first.body.nextCursor}`,
      );
      const keys = (items: Json[]) => items.map((i) => `${i.documentId}:${i.statementIdx}`);
      const all = await get(app, '/api/v1/statements?signal=overture&limit=14');
      assert.deepEqual([...keys(first.body.items), ...keys(second.body.items)], keys(all.body.items));
      const bad = await get(app, '/api/v1/statements?cursor=not-a-cursor');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /invalid cursor/);
    });

    test('rates cover every camp by default, gap-free, with shares between 0 and 1', async () => {
      const { body } = await get(app, '/api/v1/rates?period=week');
      assert.deepEqual(
        body.series.map((s: Json) => s.group),
        ['ru-official', 'ru-state-media', 'ua-official', 'west-commentary'],
      );
      for (const series of body.series) {
        assert.equal(series.points.length, 18);
        assert.equal(series.points[0].period, FIRST_DAY);
        for (const p of series.points) assert.ok(p.share === null || (p.share >= 0 && p.share <= 1));
      }
      const ru = body.series[0].points;
      const burstWeek = ru.find((p: Json) => p.period === '2024-03-04');
      const quietWeek = ru.find((p: Json) => p.period === '2024-04-15');
      assert.ok(burstWeek.share > 2 * quietWeek.share, 'the burst stands out');
    });

    test('rates for an actor count the signals that actor spoke', async () => {
      const { body } = await get(
        app,
        `/api/v1/rates?group=actor:columnist&signal=stalemate&since=2024-03-10&until=2024-03-24`,
      );
      const relevant = body.series[0].points.reduce((sum: number, p: Json) => sum + p.relevant, 0);
      const evidence = await get(
        app,
        '/api/v1/statements?signal=stalemate&group=actor:columnist&since=2024-03-10&until=2024-03-24&limit=500',
      );
      assert.equal(evidence.body.items.length, relevant);
      assert.ok(relevant > 0);
    });

    test('bad query parameters are refused with what was expected', async () => {
      const signal = await get(app, '/api/v1/rates?signal=peace');
      assert.equal(signal.status, 400);
      assert.match(
        signal.body.error.message,
        /^invalid signal: got "peace" \(expected one of overture, refusal/,
      );
      const day = await get(app, '/api/v1/rates?since=2024-02-30');
      assert.match(
        day.body.error.message,
        /^invalid since: got "2024-02-30" \(expected a UTC day written YYYY-MM-DD\)/,
      );
      const unknown = await get(app, '/api/v1/rates?sinse=2024-02-01');
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error.message, /unknown parameter "sinse"/);
      const limit = await get(app, '/api/v1/documents?limit=100000');
      assert.match(limit.body.error.message, /expected an integer from 1 to 200/);
      const group = await get(app, '/api/v1/rates?group=nobody-at-all');
      assert.equal(group.status, 404);
      assert.equal(group.body.error.code, 'not-found');
      const order = await get(app, '/api/v1/rates?since=2024-03-01&until=2024-02-01');
      assert.equal(order.status, 400);
    });

    test('episodes come with their classification and its reasons', async () => {
      const list = await get(app, '/api/v1/episodes?signal=overture');
      assert.equal(list.body.items.length, 1);
      const [episode] = list.body.items;
      assert.equal(episode.id, EPISODE_ID);
      assert.equal(episode.classification, 'peace-offensive');
      assert.equal(episode.reasons.length, 4);
      const one = await get(app, `/api/v1/episodes/${encodeURIComponent(EPISODE_ID)}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.speakerGroup, 'ru-official');
      assert.equal(one.body.detail.tactics[0].category, 'blame');
      const none = await get(
        app,
        `/api/v1/episodes/${encodeURIComponent('ru-official/overture/1999-01-01')}`,
      );
      assert.equal(none.status, 404);
      const outside = await get(app, '/api/v1/episodes?since=2024-04-01');
      assert.deepEqual(outside.body.items, []);
    });

    test('the position ledger shows what moved and what did not', async () => {
      const { body } = await get(app, '/api/v1/positions?actor=kremlin&since=2024-03-01&until=2024-03-31');
      const byKey = Object.fromEntries(body.entries.map((e: Json) => [e.key, e]));
      assert.equal(byKey['annexed-territories'].status, 'moved');
      assert.equal(byKey.neutrality.status, 'restated');
      assert.deepEqual(
        body.unchanged.map((u: Json) => [u.actor, u.key, u.status]),
        [['kremlin', 'neutrality', 'restated']],
      );
      const statement = byKey.neutrality.timeline[0];
      assert.equal(statement.evidence.spans[0].match, 'neutral, non-aligned status');
      assert.ok(body.entries.every((e: Json) => e.actor === 'kremlin'));
    });

    test('indicators list their extent and give their series; pressure combines them', async () => {
      const list = await get(app, '/api/v1/indicators');
      assert.deepEqual(
        list.body.items.map((i: Json) => [i.name, i.points]),
        [
          ['ru-losses', 18],
          ['rub-per-usd', 18],
        ],
      );
      const one = await get(app, '/api/v1/indicators/ru-losses?since=2024-02-01&until=2024-02-29');
      assert.equal(one.body.series.length, 4);
      assert.equal(one.body.direction, 'up');
      const missing = await get(app, '/api/v1/indicators/nope');
      assert.equal(missing.status, 404);
      const pressure = await get(app, '/api/v1/pressure?period=week&since=2024-02-01');
      assert.equal(pressure.body.points[0].period, '2024-01-29');
      const peak = pressure.body.points.reduce((a: Json, b: Json) =>
        (b.value ?? -9) > (a.value ?? -9) ? b : a,
      );
      assert.ok(
        peak.period >= '2024-02-05' && peak.period <= '2024-03-11',
        `pressure peaks before the burst, got ${peak.period}`,
      );
    });

    test('an unknown route is a JSON 404 that points to the OpenAPI document', async () => {
      const { status, body } = await get(app, '/api/v1/nothing-here');
      assert.equal(status, 404);
      assert.deepEqual(Object.keys(body), ['error']);
      assert.match(body.error.message, /openapi\.json/);
    });

    test('the hostile document is in the evidence list for its day, as text', async () => {
      const { body } = await get(
        app,
        `/api/v1/statements?signal=overture&source=kremlin-readouts&since=${HOSTILE_DAY}&until=${HOSTILE_DAY}`,
      );
      assert.ok(body.items.some((i: Json) => i.text === HOSTILE_TEXT));
    });
  });
}
