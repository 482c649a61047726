import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { dailyValues, pressureContext, pressureIndex, resample } from './pressure.js';

test('a cumulative series is differenced and an increment after a gap is spread over its days', () => {
  const daily = dailyValues(
    [
      { date: '2022-03-01', value: 100 },
      { date: '2022-03-02', value: 110 },
      { date: '2022-03-05', value: 140 },
    ],
    true,
  );
  assert.deepEqual(daily, [
    { date: '2022-03-02', value: 10 },
    { date: '2022-03-03', value: 10 },
    { date: '2022-03-04', value: 10 },
    { date: '2022-03-05', value: 10 },
  ]);
});

test('resampling takes the mean daily value of each period', () => {
  const weekly = resample(
    [
      { date: '2022-03-28', value: 2 },
      { date: '2022-03-29', value: 4 },
      { date: '2022-04-04', value: 9 },
    ],
    'week',
  );
  assert.deepEqual(
    [...weekly],
    [
      ['2022-03-28', 3],
      ['2022-04-04', 9],
    ],
  );
});

test('the composite index averages signed z-scores, so a falling "down" indicator adds pressure', () => {
  const days = ['2022-01-01', '2022-01-02', '2022-01-03', '2022-01-04'];
  const losses = days.map((date, i) => ({ date, value: [1, 2, 3, 4][i]! }));
  const rouble = days.map((date, i) => ({ date, value: [4, 3, 2, 1][i]! }));
  const index = pressureIndex(
    [
      { name: 'losses', direction: 'up', cumulative: false, points: losses },
      { name: 'rouble', direction: 'down', cumulative: false, points: rouble },
    ],
    { period: 'day' },
  );
  const sd = Math.sqrt(5 / 3);
  assert.equal(index.length, 4);
  assert.ok(Math.abs(index[3]!.value! - 1.5 / sd) < 1e-12);
  assert.ok(Math.abs(index[3]!.components.rouble! - 1.5 / sd) < 1e-12);
  assert.ok(Math.abs(index[0]!.value! + 1.5 / sd) < 1e-12);
});

test('weights are renormalised over the indicators present in a period', () => {
  const index = pressureIndex(
    [
      {
        name: 'a',
        direction: 'up',
        cumulative: false,
        weight: 3,
        points: [
          { date: '2022-01-01', value: 0 },
          { date: '2022-01-02', value: 2 },
        ],
      },
      {
        name: 'b',
        direction: 'up',
        cumulative: false,
        points: [
          { date: '2022-01-02', value: 5 },
          { date: '2022-01-03', value: 1 },
        ],
      },
    ],
    { period: 'day' },
  );
  const za = 1 / Math.SQRT2;
  const zb = 2 / Math.sqrt(8);
  assert.ok(Math.abs(index[1]!.value! - (3 * za + zb) / 4) < 1e-12);
  assert.ok(Math.abs(index[2]!.value! + zb) < 1e-12);
});

test('expanding z-scores use only the past and wait for enough history', () => {
  const points = [1, 2, 3, 10].map((value, i) => ({ date: `2022-01-0${i + 1}`, value }));
  const index = pressureIndex([{ name: 'x', direction: 'up', cumulative: false, points }], {
    period: 'day',
    standardise: 'expanding',
    minHistory: 3,
  });
  assert.equal(index[1]!.value, null);
  assert.ok(Math.abs(index[2]!.value! - 1) < 1e-12);
  const mean = 4;
  const sd = Math.sqrt((9 + 4 + 1 + 36) / 3);
  assert.ok(Math.abs(index[3]!.value! - (10 - mean) / sd) < 1e-12);
});

test('the pressure context compares the 30 days before a start with the rest', () => {
  const index = Array.from({ length: 90 }, (_, i) => ({
    period: new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10),
    value: i >= 30 && i < 60 ? 1 : 0,
    components: {},
  }));
  const context = pressureContext(index, '2022-03-02');
  assert.equal(context.before, 1);
  assert.equal(context.baseline, 0);
  assert.equal(context.difference, 1);
  assert.equal(context.daysWithData, 30);
});
