import { strict as assert } from 'node:assert';
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { OvertureError } from '../core/errors.js';
import { readJsonl } from './jsonl.js';
import type { ReaderOptions, ReadInput, ReadItem } from './reader.js';

const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/jsonl');

function fileInput(name: string): ReadInput {
  const file = path.join(FIXTURES, name);
  return { label: `jsonl/${name}`, open: () => createReadStream(file) };
}

/** Bytes served in small chunks, so lines and multi-byte characters straddle chunk borders. */
function bytesInput(label: string, bytes: Uint8Array, chunkSize = 7): ReadInput {
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) =>
    Buffer.from(bytes.subarray(i * chunkSize, (i + 1) * chunkSize)),
  );
  return { label, open: () => Readable.from(chunks) };
}

async function readAll(input: ReadInput, options: ReaderOptions = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readJsonl(input, options)) items.push(item);
  return items;
}

const documents = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
const rejections = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i] : []));

test('good lines become documents and broken lines are rejected one by one with their line number', async () => {
  const items = await readAll(fileInput('mixed.jsonl'));
  assert.deepEqual(
    documents(items).map((d) => d.ref),
    [1, 3, 10, 11, 12].map((n) => `jsonl/mixed.jsonl line ${n}`),
  );
  const reasons = new Map(rejections(items).map((r) => [r.ref.replace('jsonl/mixed.jsonl ', ''), r.reason]));
  assert.match(reasons.get('line 4') ?? '', /^invalid JSON: .*\(expected one JSON object per line\)$/);
  assert.match(reasons.get('line 5') ?? '', /an array, not an object/);
  assert.equal(reasons.get('line 6'), 'no "text" field (expected a non-empty string)');
  assert.equal(reasons.get('line 7'), 'empty "text" (expected a non-empty string)');
  assert.match(reasons.get('line 8') ?? '', /invalid "date" "2024-02-31" \(expected ISO 8601/);
  assert.match(reasons.get('line 9') ?? '', /invalid "date" "31\.02\.2024"/);
  assert.equal(reasons.get('line 13'), '"text" is 42 (expected a non-empty string)');
});

test('the corpus fields are read and the rest is kept in meta', async () => {
  const [first, second, unixSeconds, unixMs, rfc822] = documents(await readAll(fileInput('mixed.jsonl')));
  assert.deepEqual(first, {
    ref: 'jsonl/mixed.jsonl line 1',
    text: 'Мы готовы к переговорам без предварительных условий.',
    externalId: 'a1',
    title: 'Заявление',
    url: 'https://example.org/a1',
    lang: 'ru',
    source: 'Example Agency',
    camp: 'ru-state-media',
    publishedAt: new Date('2024-03-01T07:00:00Z'),
    meta: { tags: ['talks'] },
  });
  assert.equal(second?.externalId, '2');
  assert.deepEqual(second?.publishedAt, new Date('2024-03-02T00:00:00Z'));
  assert.deepEqual(unixSeconds?.publishedAt, new Date('2024-03-01T10:00:00Z'));
  assert.deepEqual(unixMs?.publishedAt, new Date('2024-03-01T10:00:00Z'));
  assert.deepEqual(rfc822?.publishedAt, new Date('2024-03-01T10:00:00Z'));
});

test('a field map renames fields and reaches into nested objects with dotted paths', async () => {
  const fieldMap = { id: 'uid', text: 'meta.body', lang: 'meta.lang', date: 'published', source: 'outlet' };
  const items = await readAll(fileInput('nested.jsonl'), { fieldMap });
  const [first, second] = documents(items);
  assert.equal(first?.text, 'Kyiv rejected the proposal.');
  assert.equal(first?.lang, 'en');
  assert.equal(first?.source, 'Wire');
  assert.equal(first?.meta, undefined);
  assert.deepEqual(second?.publishedAt, new Date('2024-03-05T00:00:00Z'));
});

test('a line with invalid UTF-8 bytes is rejected and the lines around it are kept', async () => {
  const bytes = Buffer.concat([
    Buffer.from('{"text":"перший рядок"}\n{"text":"bad '),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"}\n{"text":"третій рядок"}'),
  ]);
  const items = await readAll(bytesInput('bad.jsonl', bytes));
  assert.deepEqual(
    documents(items).map((d) => d.text),
    ['перший рядок', 'третій рядок'],
  );
  assert.deepEqual(rejections(items), [
    {
      kind: 'rejected',
      ref: 'bad.jsonl line 2',
      reason: 'invalid UTF-8 at byte 14 of the line: 0xff 0xfe 0x22 0x7d (expected UTF-8 text)',
    },
  ]);
});

test('UTF-8 with a byte-order mark, CRLF line ends and UTF-16 with a byte-order mark are read', async () => {
  const lines = '{"text":"Мир"}\r\n{"text":"Перемир\'я"}\r\n';
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines)]);
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')]);
  const utf16be = Buffer.from(utf16le).swap16();
  for (const [label, bytes] of [
    ['utf8-bom', utf8],
    ['utf16le', utf16le],
    ['utf16be', utf16be],
  ] as const) {
    const texts = documents(await readAll(bytesInput(label, bytes, 5))).map((d) => d.text);
    assert.deepEqual(texts, ['Мир', "Перемир'я"], label);
  }
});

test('an empty file is refused as a whole', async () => {
  for (const content of ['', '\n\n  \n']) {
    await assert.rejects(readAll(bytesInput('empty.jsonl', Buffer.from(content))), (error: unknown) => {
      assert.ok(error instanceof OvertureError);
      assert.equal(error.code, 'invalid-input');
      assert.equal(error.message, 'empty.jsonl: empty file (expected one JSON object per line)');
      return true;
    });
  }
});

test('a pretty-printed JSON document is refused once, not line by line', async () => {
  const input = bytesInput('doc.json', Buffer.from('{\n  "text": "x"\n}\n'));
  await assert.rejects(
    readAll(input),
    /doc\.json: line 1 is "\{" alone, so this is one pretty-printed JSON document/,
  );
});

test('memory stays flat while a 50 MB file is read', async () => {
  const line = Buffer.from(
    `${JSON.stringify({ text: 'Переговоры '.repeat(40), source: 'S', camp: 'other' })}\n`,
  );
  const lineCount = Math.ceil((50 * 1024 * 1024) / line.length);
  const chunk = Buffer.concat(Array.from({ length: 256 }, () => line));
  const input: ReadInput = {
    label: 'big.jsonl',
    open: () =>
      Readable.from(
        (function* () {
          for (let sent = 0; sent < lineCount; sent += 256) yield chunk;
        })(),
      ),
  };
  // Heap sizes are compared after a full collection, so garbage not yet collected is not counted.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const live = (): number => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = live();
  let peak = before;
  let count = 0;
  for await (const item of readJsonl(input, {})) {
    if (item.kind === 'document') count += 1;
    if (count % 10_000 === 0) peak = Math.max(peak, live());
  }
  assert.ok(count >= lineCount);
  // The input is 50 MB; a reader holding it would grow the heap by far more than this.
  assert.ok(peak - before < 8 * 1024 * 1024, `heap grew by ${Math.round((peak - before) / 1e6)} MB`);
  if (process.env.OVERTURE_REPORT_MEMORY) console.log(`heap growth ${Math.round((peak - before) / 1e6)} MB`);
});
