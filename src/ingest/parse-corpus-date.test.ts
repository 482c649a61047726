import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseCorpusDate } from './parse-corpus-date.js';

const iso = (value: unknown): string | null => {
  const parsed = parseCorpusDate(value, '"date"');
  return parsed.ok ? parsed.date.toISOString() : null;
};

test('ISO dates without a zone are UTC; with a zone they are converted', () => {
  assert.equal(iso('2024-03-01'), '2024-03-01T00:00:00.000Z');
  assert.equal(iso('2024-03-01T10:00:00'), '2024-03-01T10:00:00.000Z');
  assert.equal(iso('2024-03-01T10:00:00+03:00'), '2024-03-01T07:00:00.000Z');
  assert.equal(iso('20240301'), '2024-03-01T00:00:00.000Z');
  assert.equal(iso('2024'), '2024-01-01T00:00:00.000Z');
});

test('unix seconds and milliseconds, as numbers or digit strings', () => {
  assert.equal(iso(1709287200), '2024-03-01T10:00:00.000Z');
  assert.equal(iso(1709287200000), '2024-03-01T10:00:00.000Z');
  assert.equal(iso('1709287200'), '2024-03-01T10:00:00.000Z');
  assert.equal(iso(1709287200.5), '2024-03-01T10:00:00.500Z');
});

test('RFC 822 and day-first dotted dates', () => {
  assert.equal(iso('Fri, 01 Mar 2024 13:00:00 +0300'), '2024-03-01T10:00:00.000Z');
  assert.equal(iso('01.03.2024'), '2024-03-01T00:00:00.000Z');
});

test('impossible days and other values are refused, naming the field, the value and what was expected', () => {
  for (const value of ['2024-02-31', '31.02.2024', '2023-02-29', 'yesterday', true, {}, Number.NaN]) {
    assert.equal(iso(value), null, String(value));
  }
  assert.deepEqual(parseCorpusDate('31.02.2024', '"published"'), {
    ok: false,
    reason:
      'invalid "published" "31.02.2024" (expected ISO 8601, unix seconds or milliseconds, RFC 822, or DD.MM.YYYY)',
  });
});
