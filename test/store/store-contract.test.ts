// One contract, every store: the same behaviour on PGlite and on a real PostgreSQL server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodedStatement, EventInput } from '../../src/core/types.js';
import { sha256Hex } from '../../src/store/document-id.js';
import { migrate } from '../../src/store/migrate.js';
import type { PreparedDocument, Store } from '../../src/store/store.js';
import { STORE_FACTORIES } from '../helpers/stores.js';

function prepared(
  sourceId: number,
  ref: string,
  text: string,
  extra: Partial<PreparedDocument> = {},
): PreparedDocument {
  return {
    ref,
    sourceId,
    text,
    lang: 'en',
    contentHash: sha256Hex(text),
    fingerprint: sha256Hex(text.toLowerCase().replace(/[^\p{L}]/gu, '')),
    publishedAt: new Date('2024-03-01T10:00:00Z'),
    ...extra,
  };
}

const coded = (text: string, signals: CodedStatement['signals'] = []): CodedStatement => ({
  start: 0,
  end: text.length,
  text,
  signals,
});

for (const factory of STORE_FACTORIES) {
  describe(`store contract on ${factory.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await factory.open());
    });
    after(async () => dispose());

    test('migrating an up-to-date store applies nothing', async () => {
      assert.deepEqual(await migrate(store.db), []);
    });

    test('adding a source twice updates it instead of making a second one', async () => {
      const first = await store.upsertSource({ name: 'tass', camp: 'ru-state-media', lang: 'ru' });
      const second = await store.upsertSource({
        name: 'tass',
        camp: 'ru-state-media',
        url: 'https://example.org/rss',
      });
      assert.equal(second.id, first.id);
      assert.equal(second.lang, 'ru');
      assert.equal(second.url, 'https://example.org/rss');
      assert.equal((await store.listSources()).length, 1);
      assert.equal(await store.getSource('nope'), null);
    });

    test('writing the same batch twice stores each document once', async () => {
      const source = await store.upsertSource({ name: 'mfa', camp: 'ru-official' });
      const batch = [
        prepared(source.id, 'a line 1', 'Moscow is open to talks.', { externalId: 'a1' }),
        prepared(source.id, 'a line 2', 'Kyiv must accept realities.', { externalId: 'a2' }),
      ];
      const first = await store.writeDocuments(batch);
      assert.deepEqual(
        first.written.map((w) => w.status),
        ['inserted', 'inserted'],
      );
      const again = await store.writeDocuments(batch);
      assert.equal(again.written.length, 0);
      assert.deepEqual(again.duplicates, ['a line 1', 'a line 2']);
      const [row] = await store.db.query<{ n: number }>(
        'SELECT count(*) AS n FROM documents WHERE source_id = $1',
        [source.id],
      );
      assert.equal(row?.n, 2);
    });

    test('an item re-published with new text updates the stored document', async () => {
      const source = await store.upsertSource({ name: 'feed-update', camp: 'west-media' });
      const [written] = (
        await store.writeDocuments([prepared(source.id, 'i1', 'First version.', { externalId: 'g1' })])
      ).written;
      const update = await store.writeDocuments([
        prepared(source.id, 'i1', 'Second version.', { externalId: 'g1' }),
      ]);
      // The stored version's date comes back, so that ingest can recount the day it leaves.
      assert.deepEqual(update.written, [
        {
          ref: 'i1',
          id: written!.id,
          status: 'updated',
          previousPublishedAt: new Date('2024-03-01T10:00:00Z'),
        },
      ]);
      const rows = await store.db.query<{ text: string }>('SELECT text FROM documents WHERE id = $1', [
        written!.id,
      ]);
      assert.deepEqual(rows, [{ text: 'Second version.' }]);
    });

    test('the same text under another key in the same source is a duplicate', async () => {
      const source = await store.upsertSource({ name: 'dup-source', camp: 'ua-media' });
      await store.writeDocuments([prepared(source.id, 'x1', 'Same words here.', { externalId: 'k1' })]);
      const result = await store.writeDocuments([
        prepared(source.id, 'x2', 'Same words here.', { externalId: 'k2' }),
      ]);
      assert.deepEqual(result.duplicates, ['x2']);
    });

    test('a copy in another source is stored and flagged as a near duplicate of the first', async () => {
      const a = await store.upsertSource({ name: 'origin', camp: 'ru-official' });
      const b = await store.upsertSource({ name: 'echo', camp: 'west-commentary' });
      const [first] = (
        await store.writeDocuments([prepared(a.id, 'o1', 'New territorial realities must be recognised.')])
      ).written;
      const copy = await store.writeDocuments([
        prepared(b.id, 'e1', 'New territorial realities must be recognised!'),
      ]);
      assert.deepEqual(copy.nearDuplicates, [{ ref: 'e1', of: first!.id }]);
      assert.equal(copy.written.length, 1);
    });

    test('a batch that fails writes nothing at all', async () => {
      const source = await store.upsertSource({ name: 'atomic', camp: 'other' });
      const before = await store.stats();
      await assert.rejects(
        store.writeDocuments([
          prepared(source.id, 'good', 'A good record.'),
          prepared(999_999, 'bad', 'A record whose source does not exist.'),
        ]),
      );
      const afterStats = await store.stats();
      assert.equal(afterStats.documents, before.documents);
    });

    test('coding replaces statements and signals, and roll-ups count them per day', async () => {
      const source = await store.upsertSource({
        name: 'coded',
        camp: 'ru-official',
        defaultSpeaker: 'kremlin',
      });
      const [doc] = (
        await store.writeDocuments([
          prepared(source.id, 'c1', 'We are ready to talk. Kyiv refuses.', { externalId: 'c1' }),
        ])
      ).written;
      const overture = {
        signal: 'overture' as const,
        speaker: null,
        target: null,
        position: null,
        stance: null,
        confidence: 1,
        origin: 'rule' as const,
        evidence: [{ rule: 'overture.en.ready', start: 7, end: 20 }],
      };
      await store.writeCoding('v1', [
        {
          documentId: doc!.id,
          defaultSpeaker: 'kremlin',
          statements: [coded('We are ready to talk.', [overture])],
        },
      ]);
      await store.writeCoding('v2', [
        {
          documentId: doc!.id,
          defaultSpeaker: 'kremlin',
          statements: [coded('We are ready to talk.', [overture]), coded('Kyiv refuses.')],
        },
      ]);
      const statements = await store.db.query<{ idx: number; speaker: string }>(
        'SELECT idx, speaker FROM statements WHERE document_id = $1 ORDER BY idx',
        [doc!.id],
      );
      assert.deepEqual(statements, [
        { idx: 0, speaker: 'kremlin' },
        { idx: 1, speaker: 'kremlin' },
      ]);
      const signals = await store.db.query<{ codebook_version: string; evidence: unknown }>(
        'SELECT codebook_version, evidence FROM signals WHERE document_id = $1',
        [doc!.id],
      );
      assert.deepEqual(signals, [{ codebook_version: 'v2', evidence: overture.evidence }]);
      await store.refreshRollups(['2024-03-01']);
      const daily = await store.db.query<{ day: string; statements: number }>(
        'SELECT day, statements FROM daily_signals WHERE source_id = $1 AND category = $2',
        [source.id, 'overture'],
      );
      assert.deepEqual(daily, [{ day: '2024-03-01', statements: 1 }]);
      const totals = await store.db.query<{ statements: number }>(
        'SELECT statements FROM daily_statements WHERE source_id = $1',
        [source.id],
      );
      assert.deepEqual(totals, [{ statements: 2 }]);
    });

    test('events are stored once per source and event id', async () => {
      const source = await store.upsertSource({ name: 'gdelt', camp: 'other', kind: 'gdelt' });
      const event: EventInput & { sourceId: number } = {
        sourceId: source.id,
        ref: 'e line 1',
        externalId: '410970724',
        day: '2015-02-18',
        addedAt: new Date('2015-02-18T23:00:00Z'),
        cameo: '036',
        rootCode: '03',
        quadClass: 1,
        goldstein: 4,
        actor1: { code: 'RUS', name: 'RUSSIA', country: 'RUS' },
        actor2: null,
        numMentions: 3,
        avgTone: -1.5,
        sourceUrl: 'https://example.org/story',
        signal: 'overture',
        meta: {},
      };
      assert.deepEqual(await store.writeEvents([event, event]), { accepted: 1, duplicates: 1 });
      assert.deepEqual(await store.writeEvents([event]), { accepted: 0, duplicates: 1 });
    });

    test('syncing actors adds, updates and removes to match the codebook', async () => {
      const putin = { id: 'putin', name: 'Vladimir Putin', camp: 'ru-official', aliases: { ru: ['путин*'] } };
      await store.syncActors([putin, { id: 'gone', name: 'Gone', camp: null, aliases: {} }]);
      await store.syncActors([{ ...putin, name: 'Putin' }]);
      const rows = await store.db.query<{ id: string; name: string; aliases: unknown }>(
        'SELECT id, name, aliases FROM actors ORDER BY id',
      );
      assert.deepEqual(rows, [{ id: 'putin', name: 'Putin', aliases: { ru: ['путин*'] } }]);
    });

    test('stats counts every unit', async () => {
      const stats = await store.stats();
      assert.ok(stats.sources >= 6);
      assert.ok(stats.documents >= 6);
      assert.equal(stats.statements, 2);
      assert.equal(stats.signals, 1);
      assert.equal(stats.events, 1);
    });
  });
}
