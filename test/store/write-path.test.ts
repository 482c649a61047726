// The fast write path of ingest (COPY on the embedded store, no per-row foreign-key triggers,
// roll-ups counted as the coding is written) must store exactly what the plain path stores, on
// every store: the same text back, the same roll-ups as a full recount, nothing half-written.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { codingPoolOf } from '../../src/coder/coding-pool.js';
import type { CodedStatement, SignalCategory } from '../../src/core/types.js';
import { codeDocumentsWith } from '../../src/ingest/code-documents.js';
import type { ExpandedInput } from '../../src/ingest/expand-inputs.js';
import { ingest } from '../../src/ingest/ingest.js';
import { readerFor } from '../../src/ingest/readers.js';
import { copyText } from '../../src/store/copy-text.js';
import { sha256Hex } from '../../src/store/document-id.js';
import type { PreparedDocument, Store } from '../../src/store/store.js';
import { STORE_FACTORIES } from '../helpers/stores.js';

function prepared(sourceId: number, ref: string, text: string, publishedAt?: Date): PreparedDocument {
  return {
    ref,
    sourceId,
    text,
    lang: 'en',
    contentHash: sha256Hex(text),
    fingerprint: sha256Hex(`fp:${text}`).slice(0, 32),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

/** A deterministic stand-in coder: one statement per sentence, signals by keyword. */
const fakeCoder = {
  version: 'fake-1',
  code({ text }: { text: string }): CodedStatement[] {
    const out: CodedStatement[] = [];
    let start = 0;
    for (const sentence of text.split(/(?<=\.)\s*/)) {
      if (sentence === '') continue;
      start = text.indexOf(sentence, start);
      const signals: CodedStatement['signals'] = [];
      const add = (signal: SignalCategory, speaker: string | null) =>
        signals.push({
          signal,
          speaker,
          target: null,
          position: null,
          stance: null,
          confidence: 0.9,
          origin: 'rule',
          evidence: [{ rule: `${signal}.en.test`, start: 0, end: 1 }],
        });
      if (/talk/.test(sentence)) add('overture', /Lavrov/.test(sentence) ? 'lavrov' : null);
      if (/never/.test(sentence)) add('position', null);
      if (/talk.*never|never.*talk/.test(sentence)) add('overture', null);
      out.push({ start, end: start + sentence.length, text: sentence, signals });
      start += sentence.length;
    }
    return out;
  },
};

function jsonl(records: object[]): AsyncIterable<ExpandedInput> {
  const bytes = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'));
  return (async function* () {
    yield { input: { label: 'records.jsonl', open: () => Readable.from([bytes]) }, format: 'jsonl' as const };
  })();
}

async function rollups(store: Store): Promise<unknown[]> {
  return [
    await store.db.query(
      'SELECT day::text AS day, source_id, speaker, statements FROM daily_statements ORDER BY 1, 2, 3',
    ),
    await store.db.query(
      `SELECT day::text AS day, source_id, speaker, category, statements FROM daily_signals
        ORDER BY 1, 2, 3, 4`,
    ),
  ];
}

/** The roll-ups as they are, and as a full recount makes them: they must be the same. */
async function assertRollupsExact(store: Store): Promise<void> {
  const kept = await rollups(store);
  await store.refreshRollups();
  assert.deepEqual(kept, await rollups(store));
}

test('COPY text escapes tabs, newlines, carriage returns and backslashes, and writes NULL as \\N', () => {
  assert.equal(
    copyText(
      [
        [1, 2],
        ['a\tb\nc\\d\re', null],
        [true, new Date('2024-03-01T00:00:00Z')],
      ],
      2,
    ),
    '1\ta\\tb\\nc\\\\d\\re\tt\n2\t\\N\t2024-03-01T00:00:00.000Z\n',
  );
});

for (const factory of STORE_FACTORIES) {
  describe(`write path on ${factory.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await factory.open());
    });
    after(async () => dispose());

    test('any text comes back exactly as it was written', async () => {
      const source = await store.upsertSource({ name: 'texts', camp: 'west-media' });
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.string({ unit: 'binary', minLength: 1 }), { minLength: 1, maxLength: 8 }),
          async (texts) => {
            // PostgreSQL text cannot hold NUL; the readers never produce it.
            const clean = texts.map((t) => `${t.replace(/\0/g, '')}\\.\n\\N${n}`);
            const batch = clean.map((text, i) => ({
              ...prepared(source.id, `t${n}-${i}`, text),
              externalId: `t${n}-${i}`,
              meta: { note: text },
            }));
            n++;
            const result = await store.writeDocuments(batch);
            for (const [i, w] of result.written.entries()) {
              const [row] = await store.db.query<{ text: string; meta: unknown }>(
                'SELECT text, meta FROM documents WHERE id = $1',
                [w.id],
              );
              const doc = batch.find((d) => d.ref === w.ref)!;
              assert.equal(row?.text, doc.text, `document ${i}`);
              assert.deepEqual(row?.meta, { note: doc.text });
            }
          },
        ),
        { numRuns: 15, seed: 7 },
      );
    });

    test('coding for a document that is not stored is refused, and nothing of the batch lands', async () => {
      const source = await store.upsertSource({ name: 'orphans', camp: 'west-media' });
      const [doc] = (await store.writeDocuments([prepared(source.id, 'o1', 'We are ready to talk.')]))
        .written;
      const before = await store.stats();
      const statement: CodedStatement = { start: 0, end: 5, text: 'Hello', signals: [] };
      await assert.rejects(
        store.writeCoding('v1', [
          { documentId: doc!.id, statements: [statement], fresh: { sourceId: source.id, day: '2024-03-01' } },
          { documentId: 4242, statements: [statement], fresh: { sourceId: source.id, day: '2024-03-01' } },
        ]),
      );
      const after = await store.stats();
      assert.equal(after.statements, before.statements);
      assert.deepEqual(
        await store.db.query('SELECT * FROM daily_statements WHERE source_id = $1', [source.id]),
        [],
      );
    });

    test('the same statement twice in one coding batch is refused as a whole', async () => {
      const source = await store.upsertSource({ name: 'twice', camp: 'west-media' });
      const [doc] = (await store.writeDocuments([prepared(source.id, 'w1', 'Twice said.')])).written;
      const write = {
        documentId: doc!.id,
        statements: [{ start: 0, end: 11, text: 'Twice said.', signals: [] }],
        fresh: { sourceId: source.id, day: null },
      };
      await assert.rejects(store.writeCoding('v1', [write, write]));
      const rows = await store.db.query('SELECT idx FROM statements WHERE document_id = $1', [doc!.id]);
      assert.deepEqual(rows, []);
    });

    test('an ingest keeps the daily roll-ups equal to a full recount, also when an item moves to another day', async () => {
      const source = await store.upsertSource({ name: 'wire', camp: 'ru-state-media' });
      const pool = codingPoolOf(fakeCoder);
      const run = (records: object[]) =>
        ingest(store, jsonl(records), {
          readerFor,
          source,
          batchSize: 2,
          coding: { version: pool.version, code: codeDocumentsWith(store, pool, { markDocuments: false }) },
        });
      const first = await run([
        { id: 'a', text: 'Lavrov said Moscow is ready to talk. Kyiv will never yield.', date: '2024-03-01' },
        { id: 'b', text: 'Talks are possible. The weather is fine.', date: '2024-03-01T23:30:00Z' },
        { id: 'c', text: 'We will never talk to them. Never.', date: '2024-03-02' },
        { id: 'd', text: 'No date on this talk.' },
        { id: 'e', text: 'Another talk on the first day.', date: '2024-03-01' },
      ]);
      assert.equal(first.accepted, 5);
      await assertRollupsExact(store);
      const [day1] = (await rollups(store)) as Array<Array<{ day: string; statements: number }>>;
      assert.ok(day1!.some((r) => r.day === '2024-03-01' && r.statements > 0));

      // Item a comes back with new text and a new date: its old day loses its statements.
      const second = await run([
        { id: 'a', text: 'Lavrov said talks are over.', date: '2024-03-05' },
        { id: 'f', text: 'A new talk.', date: '2024-03-05' },
      ]);
      assert.equal(second.updated, 1);
      assert.equal(second.accepted, 1);
      await assertRollupsExact(store);

      // The same input again: nothing new, nothing counted twice.
      const third = await run([
        { id: 'a', text: 'Lavrov said talks are over.', date: '2024-03-05' },
        { id: 'f', text: 'A new talk.', date: '2024-03-05' },
      ]);
      assert.equal(third.duplicates, 2);
      await assertRollupsExact(store);
      const stats = await store.stats();
      assert.equal(stats.documents >= 6, true);
    });
  });
}
