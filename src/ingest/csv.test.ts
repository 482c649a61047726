import { strict as assert } from 'node:assert';
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { readCsv } from './csv.js';
import { detectDelimiter } from './detect-delimiter.js';
import type { ReaderOptions, ReadInput, ReadItem } from './reader.js';

const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/csv');

function fileInput(name: string): ReadInput {
  const file = path.join(FIXTURES, name);
  return { label: `csv/${name}`, open: () => createReadStream(file, { highWaterMark: 16 }) };
}

function bytesInput(label: string, bytes: Uint8Array): ReadInput {
  return { label, open: () => Readable.from([Buffer.from(bytes)]) };
}

async function readAll(input: ReadInput, options: ReaderOptions = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readCsv(input, options)) items.push(item);
  return items;
}

const documents = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
const rejections = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i] : []));

test('rows become documents; quoted fields keep commas, quotes and line breaks', async () => {
  const docs = documents(await readAll(fileInput('comma.csv')));
  assert.deepEqual(
    docs.map((d) => d.ref),
    ['csv/comma.csv row 2', 'csv/comma.csv row 3', 'csv/comma.csv row 8'],
  );
  assert.deepEqual(docs[0], {
    ref: 'csv/comma.csv row 2',
    text: 'Перемовин з Путіним не буде, заявив речник.',
    externalId: 'c1',
    source: 'Example Agency',
    camp: 'ua-media',
    publishedAt: new Date('2024-03-01T00:00:00Z'),
    meta: { extra: 'x' },
  });
  assert.equal(docs[1]?.text, 'Multi-line field:\nsecond line, with a comma');
  assert.equal(docs[2]?.text, 'He said "no".');
  assert.deepEqual(docs[2]?.publishedAt, new Date('2024-03-01T10:00:00Z'));
});

test('a row with the wrong number of columns, a bad date or no text is rejected by its line', async () => {
  assert.deepEqual(rejections(await readAll(fileInput('comma.csv'))), [
    { kind: 'rejected', ref: 'csv/comma.csv row 5', reason: '3 columns (expected 6, as in the header)' },
    {
      kind: 'rejected',
      ref: 'csv/comma.csv row 6',
      reason:
        'invalid "date" "2024-02-30" (expected ISO 8601, unix seconds or milliseconds, RFC 822, or DD.MM.YYYY)',
    },
    { kind: 'rejected', ref: 'csv/comma.csv row 7', reason: 'empty "text" (expected a non-empty string)' },
  ]);
});

test('semicolon and tab delimiters are detected from the header', async () => {
  const semicolon = documents(await readAll(fileInput('semicolon.csv')));
  assert.deepEqual(
    semicolon.map((d) => [d.text, d.publishedAt?.toISOString()]),
    [
      ['Мы готовы; обсуждать', '2024-03-01T00:00:00.000Z'],
      ['Second row', '2024-03-02T00:00:00.000Z'],
    ],
  );
  const tabs = documents(await readAll(fileInput('tabs.tsv')));
  assert.deepEqual(
    tabs.map((d) => d.text),
    ['Tab separated text.', 'Another one, with a comma.'],
  );
  assert.equal(detectDelimiter('"a;b",c,d'), ',');
  assert.equal(detectDelimiter('a;b;c'), ';');
  assert.equal(detectDelimiter('text', 'x.tsv'), '\t');
});

test('a header without the text column refuses the file, naming the columns it found', async () => {
  await assert.rejects(
    readAll(fileInput('no-text-column.csv')),
    /csv\/no-text-column\.csv: no "text" column in the header row \(found: id, body\) \(expected a header row naming the text column, or --map text=COLUMN\)/,
  );
  const docs = documents(await readAll(fileInput('no-text-column.csv'), { fieldMap: { text: 'body' } }));
  assert.equal(docs[0]?.text, 'no text column here');
});

test('an unclosed quote rejects what it swallows and keeps the rows before it', async () => {
  const items = await readAll(
    bytesInput('quote.csv', Buffer.from('id,text\n1,fine\n2,"never closed\n3,lost\n')),
  );
  assert.deepEqual(
    documents(items).map((d) => d.text),
    ['fine'],
  );
  const [rejected] = rejections(items);
  assert.match(rejected?.reason ?? '', /quoted field opened on or after line 3 is never closed/);
  assert.equal(rejected?.ref, 'quote.csv row 3');
});

test('a quote inside an unquoted field is kept as text', async () => {
  const items = await readAll(bytesInput('q.csv', Buffer.from('id,text\n1,He said "no" twice\n')));
  assert.equal(documents(items)[0]?.text, 'He said "no" twice');
});

test('UTF-16 with a byte-order mark is read and a row with invalid UTF-8 is rejected alone', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('text\nПеремир’я\n', 'utf16le')]);
  assert.deepEqual(
    documents(await readAll(bytesInput('u16.csv', utf16))).map((d) => d.text),
    ['Перемир’я'],
  );
  const bad = Buffer.concat([
    Buffer.from('text\nok\nbad '),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('\nalso ok\n'),
  ]);
  const items = await readAll(bytesInput('bad.csv', bad));
  assert.deepEqual(
    documents(items).map((d) => d.text),
    ['ok', 'also ok'],
  );
  assert.deepEqual(rejections(items), [
    {
      kind: 'rejected',
      ref: 'bad.csv row 3',
      reason: 'invalid UTF-8 bytes in the row (expected UTF-8 text)',
    },
  ]);
});

test('an empty file is refused as a whole', async () => {
  await assert.rejects(readAll(bytesInput('empty.csv', Buffer.alloc(0))), /empty\.csv: empty file/);
});
