import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { toCorpusLine } from '../../src/demo/to-document-input.js';

const reader = resolve(process.cwd(), 'src/ingest/jsonl.ts');

test('the JSONL reader accepts every line of the demo corpus and keeps its meta', {
  skip: existsSync(reader) ? false : 'JSONL reader absent',
}, async () => {
  const { readJsonl } = await import('../../src/ingest/jsonl.js');
  const demo = generateDemo({ days: 180 });
  const text = demo.documents.map((doc) => `${toCorpusLine(doc)}\n`).join('');
  let accepted = 0;
  for await (const item of readJsonl(
    { label: 'demo/corpus.jsonl', open: () => Readable.from([Buffer.from(text)]) },
    {},
  )) {
    assert.equal(item.kind, 'document', item.kind === 'rejected' ? item.reason : '');
    if (item.kind !== 'document') continue;
    const doc = demo.documents[accepted]!;
    assert.equal(item.document.text, doc.text);
    assert.equal(item.document.publishedAt?.getTime(), Date.parse(doc.date));
    assert.deepEqual(item.document.meta, doc.meta);
    accepted += 1;
  }
  assert.equal(accepted, demo.documents.length);
});
