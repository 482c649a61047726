import { strict as assert } from 'node:assert';
import { createReadStream, existsSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ReadInput, ReadItem } from './reader.js';
import { readTelegram, type SkipTally } from './telegram.js';

const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/telegram');
const SHARED_SAMPLE = path.resolve(
  process.cwd(),
  '../shared/formats/telegram/langchain-personal-chat-result.json',
);

function fileInput(file: string, label = `telegram/${path.basename(file)}`): ReadInput {
  // Small chunks, so tokens and multi-byte characters straddle chunk borders.
  return { label, open: () => createReadStream(file, { highWaterMark: 64 }) };
}

async function readAll(input: ReadInput, tally?: SkipTally): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readTelegram(input, {}, tally)) items.push(item);
  return items;
}

const documents = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
const rejections = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i] : []));

test('a channel export gives one document per message with text, joining entity arrays', async () => {
  const tally: SkipTally = { skipped: 0, byReason: {} };
  const items = await readAll(fileInput(path.join(FIXTURES, 'channel-result.json')), tally);
  const docs = documents(items);
  assert.deepEqual(
    docs.map((d) => d.ref),
    [2, 3, 4, 5, 8].map((id) => `telegram/channel-result.json message ${id}`),
  );
  assert.deepEqual(docs[0], {
    ref: 'telegram/channel-result.json message 2',
    text: 'Срочно: Кремль заявил о готовности к переговорам. Подробнее: https://example.org/news/2 #переговоры',
    externalId: '1234567890/2',
    source: 'Example Front News',
    publishedAt: new Date('2024-03-01T12:00:00Z'),
    meta: {
      from: 'Example Front News',
      from_id: 'channel1234567890',
      links: ['https://example.org/news/2'],
      chatType: 'public_channel',
    },
  });
  assert.deepEqual(tally, { skipped: 3, byReason: { 'service message': 1, 'no text': 2 } });
});

test('forwarded and edited messages keep that in meta; a photo caption is the text', async () => {
  const docs = documents(await readAll(fileInput(path.join(FIXTURES, 'channel-result.json'))));
  const byId = new Map(docs.map((d) => [d.externalId, d]));
  const forwarded = byId.get('1234567890/3');
  assert.equal(forwarded?.meta?.forwarded_from, 'Another Example Channel');
  assert.equal(forwarded?.meta?.forwarded_from_id, 'channel987654321');
  const edited = byId.get('1234567890/4');
  assert.equal(edited?.text, 'Песков: Москва открыта для диалога.');
  assert.equal(edited?.meta?.editedAt, '2024-03-01T13:05:00.000Z');
  assert.equal(edited?.meta?.edited, '2024-03-01T16:05:00');
  assert.deepEqual(edited?.meta?.links, ['https://example.org/news/4']);
  const photo = byId.get('1234567890/5');
  assert.equal(photo?.text, 'Фото с места событий.');
  assert.equal(photo?.meta?.photo, 'photos/photo_5@01-03-2024_16-00-00.jpg');
});

test('without date_unixtime the zone-less local date is read as UTC and flagged; an impossible one is rejected', async () => {
  const items = await readAll(fileInput(path.join(FIXTURES, 'channel-result.json')));
  const old = documents(items).find((d) => d.externalId === '1234567890/8');
  assert.deepEqual(old?.publishedAt, new Date('2024-03-01T17:00:00Z'));
  assert.match(String(old?.meta?.dateZone), /unknown/);
  assert.deepEqual(rejections(items), [
    {
      kind: 'rejected',
      ref: 'telegram/channel-result.json message 9',
      reason: '"date" "2024-02-30T17:00:00" (expected YYYY-MM-DDTHH:MM:SS)',
    },
  ]);
});

test('a whole-account export reads every chat, naming the chat in refs and ids', async () => {
  const docs = documents(await readAll(fileInput(path.join(FIXTURES, 'account-result.json'))));
  assert.deepEqual(
    docs.map((d) => [d.ref, d.externalId, d.source]),
    [
      [
        'telegram/account-result.json chat "Example Official Channel" message 1',
        '1111111111/1',
        'Example Official Channel',
      ],
      [
        'telegram/account-result.json chat "Example Official Channel" message 2',
        '1111111111/2',
        'Example Official Channel',
      ],
      ['telegram/account-result.json chat "Example Friend" message 1', '2222222222/1', 'Example Friend'],
      [
        'telegram/account-result.json chat "Example Left Channel" message 1',
        '3333333333/1',
        'Example Left Channel',
      ],
    ],
  );
  assert.equal(docs[1]?.text, 'Перемовин з Путіним не буде.');
});

test('a truncated export keeps the messages before the break and says where it broke', async () => {
  const items = await readAll(fileInput(path.join(FIXTURES, 'truncated-result.json')));
  assert.deepEqual(
    documents(items).map((d) => d.externalId),
    ['1234567890/2', '1234567890/3'],
  );
  const [broken] = rejections(items);
  assert.equal(broken?.ref, 'telegram/truncated-result.json after message 3');
  assert.match(
    broken?.reason ?? '',
    /^the export breaks off after message 3 \(3 messages read\): .+ \(expected complete JSON;/,
  );
});

test('a channel with a username gets t.me links', async () => {
  const json = JSON.stringify({
    name: 'Example',
    type: 'public_channel',
    id: 42,
    username: '@example_channel',
    messages: [{ id: 7, type: 'message', date_unixtime: '1709294400', text: 'Hello' }],
  });
  const input: ReadInput = { label: 'u.json', open: () => Readable.from([Buffer.from(json)]) };
  const [doc] = documents(await readAll(input));
  assert.equal(doc?.url, 'https://t.me/example_channel/7');
});

test('JSON without a messages array is refused as a whole', async () => {
  const input: ReadInput = {
    label: 'x.json',
    open: () => Readable.from([Buffer.from('{"name": "x", "items": []}')]),
  };
  await assert.rejects(readAll(input), /x\.json: no "messages" array \(expected a Telegram Desktop export/);
});

test('the real personal-chat export from LangChain is read', {
  skip: existsSync(SHARED_SAMPLE) ? false : 'shared sample absent',
}, async () => {
  const docs = documents(await readAll(fileInput(SHARED_SAMPLE, 'result.json')));
  assert.equal(docs.length, 4);
  assert.deepEqual(docs[0], {
    ref: 'result.json message 1',
    text: 'i refuse to converse with you',
    externalId: '5965280513/1',
    source: 'Jimmeny',
    publishedAt: new Date(1692821483 * 1000),
    meta: { from: 'Jimmeny Marvelton', from_id: 'user123450513', chatType: 'personal_chat' },
  });
});

test('memory stays flat while a long channel export is read', async () => {
  const message = (id: number): string =>
    JSON.stringify(
      {
        id,
        type: 'message',
        date_unixtime: '1709294400',
        text: ['Кремль заявил о переговорах. ', { type: 'bold', text: 'Срочно' }],
      },
      null,
      1,
    );
  const count = 12_000;
  function* chunks(): Generator<Buffer> {
    yield Buffer.from('{\n "name": "Big",\n "type": "public_channel",\n "id": 1,\n "messages": [\n');
    for (let start = 1; start <= count; start += 500) {
      const batch = Array.from({ length: 500 }, (_, i) => message(start + i));
      yield Buffer.from(batch.join(',\n') + (start + 500 <= count ? ',\n' : '\n'));
    }
    yield Buffer.from(' ]\n}\n');
  }
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const live = (): number => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = live();
  let peak = before;
  let read = 0;
  for await (const item of readTelegram({ label: 'big.json', open: () => Readable.from(chunks()) }, {})) {
    if (item.kind === 'document') read += 1;
    if (read % 3_000 === 0) peak = Math.max(peak, live());
  }
  assert.equal(read, count);
  assert.ok(peak - before < 8 * 1024 * 1024, `heap grew by ${Math.round((peak - before) / 1e6)} MB`);
});
