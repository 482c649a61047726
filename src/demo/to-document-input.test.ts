import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { generateDemo } from './generate-demo.js';
import { toCorpusLine, toDocumentInput } from './to-document-input.js';

const [plain, ...rest] = generateDemo({ days: 180 }).documents;
const repost = rest.find((doc) => doc.meta.repostOf !== undefined);

test('a demo document becomes a document input with its source, camp, time and meta', () => {
  const input = toDocumentInput(plain!);
  assert.equal(input.externalId, plain!.id);
  assert.equal(input.source, plain!.source);
  assert.equal(input.camp, plain!.camp);
  assert.equal(input.publishedAt?.toISOString(), plain!.date.replace('Z', '.000Z'));
  assert.deepEqual(input.meta, plain!.meta);
  assert.equal(input.meta?.synthetic, true);
});

test('a corpus line carries the corpus fields with the meta fields beside them', () => {
  assert.ok(repost);
  const record = JSON.parse(toCorpusLine(repost)) as Record<string, unknown>;
  const { meta, ...fields } = repost;
  assert.deepEqual(record, { ...fields, ...meta });
  assert.equal(record.synthetic, true);
  assert.equal(record.repostOf, repost.meta.repostOf);
  assert.ok(!('meta' in record));
});
