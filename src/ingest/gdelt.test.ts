import { strict as assert } from 'node:assert';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import { readGdelt } from './gdelt.js';
import type { ReadInput, ReadItem } from './reader.js';

const FIXTURE = path.resolve(process.cwd(), 'test/fixtures/gdelt/small.export.CSV');
const SHARED = path.resolve(process.cwd(), '../shared/formats/gdelt');
const SHARED_EXPORTS = [
  'gdelt2-2015-02-18+2020-03-18-slice.export.CSV',
  'gdelt2-2015-02-18+2020-03-18-slice.translation.export.CSV',
];
const SHARED_V1 = path.join(SHARED, 'gdelt1-events-57-and-58-col-slice.CSV');

function fileInput(file: string, label = path.basename(file)): ReadInput {
  return { label, open: () => createReadStream(file, { highWaterMark: 1024 }) };
}

function bytesInput(label: string, bytes: Uint8Array): ReadInput {
  return { label, open: () => Readable.from([Buffer.from(bytes)]) };
}

async function readAll(input: ReadInput): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readGdelt(input, {})) items.push(item);
  return items;
}

const events = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
const rejections = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i] : []));

/** A zip archive (PKZIP APPNOTE 6.3.10 §4.3) with deflated entries: local headers, data, central directory. */
function zip(entries: Record<string, Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = deflateRawSync(content);
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0, at + 2); // flags
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt32LE(0, at + 6); // time and date
      header.writeUInt32LE(crc32(content), at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(content.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

test('each GDELT 2.0 row becomes an event with its CAMEO code, actors and signal', async () => {
  const items = await readAll(fileInput(FIXTURE));
  const [overture, refusal, fight] = events(items);
  assert.deepEqual(overture, {
    ref: 'small.export.CSV line 1',
    externalId: '1100000001',
    day: '2024-03-01',
    addedAt: new Date('2024-03-01T10:15:00Z'),
    cameo: '036',
    rootCode: '03',
    quadClass: 1,
    goldstein: 4,
    actor1: { code: 'RUSGOV', name: 'RUSSIA', country: 'RUS' },
    actor2: { code: 'UKRGOV', name: 'UKRAINE', country: 'UKR' },
    numMentions: 12,
    avgTone: -1.25,
    sourceUrl: 'https://example.org/gdelt/1',
    signal: 'overture',
    meta: {
      isRootEvent: true,
      eventBaseCode: '036',
      numSources: 2,
      numArticles: 12,
      actionGeo: { name: 'Example Place', country: 'UP', lat: 50.45, long: 30.52 },
    },
  });
  assert.equal(refusal?.signal, 'refusal');
  assert.equal(fight?.signal, null);
  assert.equal(fight?.actor1, null);
});

test('a GDELT 1.0 row and an impossible day are rejected with what was expected', async () => {
  assert.deepEqual(rejections(await readAll(fileInput(FIXTURE))), [
    {
      kind: 'rejected',
      ref: 'small.export.CSV line 4',
      reason:
        '57 tab-separated columns: this looks like a GDELT 1.0 event row (57 or 58 columns) ' +
        '(expected the 61 columns of a GDELT 2.0 event export, *.export.CSV)',
    },
    {
      kind: 'rejected',
      ref: 'small.export.CSV line 5',
      reason: 'SQLDATE "20240231" (expected a real day as YYYYMMDD)',
    },
  ]);
});

test('a zipped export is read from inside the archive', async () => {
  const archive = zip({
    'README.txt': Buffer.from('not data'),
    '20240301101500.export.CSV': readFileSync(FIXTURE),
  });
  const items = await readAll(bytesInput('20240301101500.export.CSV.zip', archive));
  assert.equal(events(items).length, 3);
  assert.equal(events(items)[0]?.ref, '20240301101500.export.CSV.zip:20240301101500.export.CSV line 1');
  assert.equal(rejections(items).length, 2);
});

test('a zip without a CSV, a broken zip and an empty file are refused as a whole', async () => {
  await assert.rejects(
    readAll(bytesInput('a.zip', zip({ 'a.txt': Buffer.from('x') }))),
    /a\.zip: no \.CSV file/,
  );
  const broken = zip({ 'a.CSV': readFileSync(FIXTURE) }).subarray(0, 200);
  await assert.rejects(
    readAll(bytesInput('b.zip', broken)),
    /b\.zip: unreadable zip archive: .* \(expected a zip file\)/,
  );
  await assert.rejects(readAll(bytesInput('c.CSV', Buffer.alloc(0))), /c\.CSV: empty file/);
});

for (const name of SHARED_EXPORTS) {
  const file = path.join(SHARED, name);
  test(`the real GDELT 2.0 slice ${name} reads as 100 events`, {
    skip: existsSync(file) ? false : 'shared sample absent',
  }, async () => {
    const items = await readAll(fileInput(file));
    assert.equal(events(items).length, 100);
    assert.deepEqual(rejections(items), []);
    for (const event of events(items)) {
      assert.match(event.cameo, /^\d{3,4}$/);
      assert.ok(event.cameo.startsWith(event.rootCode));
      assert.match(event.day, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(event.addedAt instanceof Date && !Number.isNaN(event.addedAt.getTime()));
    }
  });
}

test('the real GDELT 1.0 rows are all rejected as GDELT 1.0', {
  skip: existsSync(SHARED_V1) ? false : 'shared sample absent',
}, async () => {
  const items = await readAll(fileInput(SHARED_V1));
  assert.equal(events(items).length, 0);
  const reasons = rejections(items).map((r) => r.reason);
  assert.equal(reasons.length, 100);
  for (const reason of reasons)
    assert.match(reason, /^5[78] tab-separated columns: this looks like a GDELT 1\.0 event row/);
});
