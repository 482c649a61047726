import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { computeRates } from './rates.js';

test('shares divide by the group’s statements in the same period and empty periods are filled', () => {
  const rates = computeRates(
    [
      { day: '2022-03-28', relevant: 2, total: 10 },
      { day: '2022-03-30', relevant: 3, total: 10 },
      { day: '2022-04-12', relevant: 1, total: 50 },
    ],
    { period: 'week' },
  );
  assert.deepEqual(rates, [
    { period: '2022-03-28', end: '2022-04-03', relevant: 5, total: 20, share: 0.25 },
    { period: '2022-04-04', end: '2022-04-10', relevant: 0, total: 0, share: null },
    { period: '2022-04-11', end: '2022-04-17', relevant: 1, total: 50, share: 0.02 },
  ]);
});

test('a requested range clips the days and extends the series with empty periods', () => {
  const rates = computeRates([{ day: '2022-03-02', relevant: 1, total: 4 }], {
    period: 'day',
    from: '2022-03-01',
    to: '2022-03-03',
  });
  assert.deepEqual(
    rates.map((r) => [r.period, r.share]),
    [
      ['2022-03-01', null],
      ['2022-03-02', 0.25],
      ['2022-03-03', null],
    ],
  );
  assert.deepEqual(computeRates([], { period: 'day' }), []);
});
