import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseFeedDate } from './feed-date.js';

const iso = (raw: string) => parseFeedDate(raw)?.toISOString() ?? null;

test('reads RFC 822 dates with numeric zones, GMT and zone abbreviations', () => {
  assert.equal(iso('Wed, 02 Oct 2002 13:00:00 GMT'), '2002-10-02T13:00:00.000Z');
  assert.equal(iso('Wed, 02 Oct 2002 15:00:00 +0200'), '2002-10-02T13:00:00.000Z');
  assert.equal(iso('Tue, 21 Aug 2012 11:33:00 EST'), '2012-08-21T16:33:00.000Z');
  assert.equal(iso('Sun, 5 May 2024 07:00 PDT'), '2024-05-05T14:00:00.000Z');
  assert.equal(iso('02 Oct 02 13:00 UT'), '2002-10-02T13:00:00.000Z');
  assert.equal(iso('Tue, 15 Nov 2022 20:15:04 Z'), '2022-11-15T20:15:04.000Z');
  assert.equal(iso('Mon, 15 Jan 2024 10:30:00 +03:00'), '2024-01-15T07:30:00.000Z');
  assert.equal(iso('Mon, 15 Jan 2024 10:30:00 MSK'), '2024-01-15T07:30:00.000Z');
  assert.equal(iso('\r\n      Wed, 03 Jan 2018 13:47:00 +0000\r\n    '), '2018-01-03T13:47:00.000Z');
});

test('reads the Korea Times style: no space after the comma, unpadded fields, GMT+9', () => {
  assert.equal(iso('Thu,28 Jul 2022 4:35:5 GMT+9'), '2022-07-27T19:35:05.000Z');
  assert.equal(iso('Thu, 28 Jul 2022 04:35:05 GMT+09:00'), '2022-07-27T19:35:05.000Z');
});

test('reads ISO 8601 and RFC 3339 dates, with or without a zone', () => {
  assert.equal(iso('2024-02-01T09:15:00+02:00'), '2024-02-01T07:15:00.000Z');
  assert.equal(iso('2017-06-27T00:54:17Z'), '2017-06-27T00:54:17.000Z');
  assert.equal(iso('2025-05-14T20:28:12.123456+03:00'), '2025-05-14T17:28:12.000Z');
  assert.equal(iso('2019-05-18 10:58:46 +0300'), '2019-05-18T07:58:46.000Z');
  assert.equal(iso('2025-10-24 15:26:00'), '2025-10-24T15:26:00.000Z');
  assert.equal(iso('2024-03-05'), '2024-03-05T00:00:00.000Z');
});

test('reads Portuguese, Russian and Ukrainian day and month names, and day.month.year', () => {
  assert.equal(iso('Seg, 24 Set 2018 19:42:40 -0300'), '2018-09-24T22:42:40.000Z');
  assert.equal(iso('Пн, 15 янв 2024 10:00:00 +0300'), '2024-01-15T07:00:00.000Z');
  assert.equal(iso('3 мая 2024 12:00'), '2024-05-03T12:00:00.000Z');
  assert.equal(iso('24 лютого 2022 05:00 +0200'), '2022-02-24T03:00:00.000Z');
  assert.equal(iso('01.02.2024 10:00'), '2024-02-01T10:00:00.000Z');
  assert.equal(iso('May 3, 2024 10:00 GMT'), '2024-05-03T10:00:00.000Z');
});

test('refuses impossible days and times instead of rolling them over', () => {
  for (const raw of [
    '31.02.2024',
    '2023-02-29',
    'Wed, 31 Apr 2024 10:00:00 GMT',
    '2024-13-01',
    '2024-01-01T24:30:00Z',
  ]) {
    assert.equal(parseFeedDate(raw), null, raw);
  }
  assert.equal(iso('2024-02-29'), '2024-02-29T00:00:00.000Z', 'a leap day is a real day');
});

test('refuses what is no date at all', () => {
  for (const raw of [
    '',
    'yesterday',
    'Wed, 02 Foo 2002 13:00:00 GMT',
    '13/08/2020 21:27',
    '2024-01-01T10:00:00 +25:00',
  ]) {
    assert.equal(parseFeedDate(raw), null, raw);
  }
});

test('every instant written as RFC 3339 or as RFC 822 GMT reads back to itself', () => {
  const seconds = fc.integer({ min: Date.UTC(1971, 0, 1) / 1000, max: Date.UTC(2049, 11, 31) / 1000 });
  fc.assert(
    fc.property(seconds, (second) => {
      const date = new Date(second * 1000);
      assert.equal(parseFeedDate(date.toISOString())?.getTime(), date.getTime());
      assert.equal(parseFeedDate(date.toUTCString())?.getTime(), date.getTime());
    }),
    { seed: 1822, numRuns: 500 },
  );
});
