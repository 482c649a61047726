import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import type { DocumentInput } from '../core/types.js';
import { readText, splitTitle } from './text.js';

const fixture = (name: string) => readFileSync(path.resolve(process.cwd(), 'test/fixtures/text', name));

async function read(label: string, bytes: Uint8Array): Promise<DocumentInput[]> {
  const docs: DocumentInput[] = [];
  for await (const item of readText({ label, open: () => Readable.from([Buffer.from(bytes)]) }, {})) {
    assert.ok(item.kind === 'document');
    docs.push(item.document);
  }
  return docs;
}

test('one file is one document; a short first line is its title', async () => {
  const docs = await read('texts/ru.txt', fixture('ru-statement.txt'));
  assert.equal(docs.length, 1);
  assert.equal(docs[0]?.ref, 'texts/ru.txt');
  assert.equal(docs[0]?.title, 'Заявление о переговорах');
  assert.equal(
    docs[0]?.text,
    'Пресс-служба сообщила, что делегация готова вернуться к переговорам «в любое время».\n' +
      'При этом условия, изложенные ранее, остаются в силе.\n\nСледующая встреча может пройти в Стамбуле.',
  );
});

test('windows-1251, KOI8-R and UTF-16 files decode to the same text', async () => {
  // KOI8-R has no guillemets: the text is compared with what the charset can hold.
  const utf8 = fixture('ru-statement.txt').toString('utf8').replace(/[«»]/g, '"');
  const expected = (await read('a.txt', Buffer.from(utf8)))[0];
  for (const [charset, bytes] of [
    ['windows-1251', iconv.encode(utf8, 'windows-1251')],
    ['koi8-r', iconv.encode(utf8, 'koi8-r')],
    ['utf-16le', iconv.encode(utf8, 'utf-16le', { addBOM: true })],
  ] as const) {
    const [doc] = await read(`texts/${charset}.txt`, bytes);
    assert.equal(doc?.text, expected?.text, charset);
    assert.equal(doc?.title, expected?.title, charset);
    assert.equal(doc?.meta?.encoding, charset);
  }
});

test('a first line that reads as a sentence is not a title', async () => {
  const [doc] = await read('texts/en.txt', fixture('en-no-title.txt'));
  assert.equal(doc?.title, undefined);
  assert.match(doc?.text ?? '', /^The spokesman said/);
  assert.deepEqual(splitTitle('Only one line'), { body: 'Only one line' });
  assert.deepEqual(splitTitle('Title\r\n\r\nBody.'.replace(/\r/g, '')), { title: 'Title', body: 'Body.' });
});

test('an empty or blank file is refused as a whole', async () => {
  for (const name of ['empty.txt', 'blank.txt']) {
    await assert.rejects(read(`texts/${name}`, fixture(name)), {
      code: 'invalid-input',
      message: `texts/${name}: empty file (expected text)`,
    });
  }
});
