import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  enumeratePeriods,
  fromDayNumber,
  isDay,
  parsePeriod,
  periodEnd,
  periodStart,
  toDayNumber,
} from './period.js';

test('weeks start on Monday (ISO weeks) and half-months on the 1st and the 16th', () => {
  assert.equal(periodStart('2022-03-29', 'week'), '2022-03-28');
  assert.equal(periodStart('2022-03-27', 'week'), '2022-03-21');
  assert.equal(periodStart('2022-03-15', 'half-month'), '2022-03-01');
  assert.equal(periodStart('2022-03-16', 'half-month'), '2022-03-16');
  assert.equal(periodEnd('2022-02-16', 'half-month'), '2022-02-28');
  assert.equal(periodEnd('2024-02-01', 'month'), '2024-02-29');
  assert.deepEqual(enumeratePeriods('2021-12-20', '2022-01-20', 'half-month'), [
    '2021-12-16',
    '2022-01-01',
    '2022-01-16',
  ]);
});

test('day numbers round-trip and every period holds its own days', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -20000, max: 40000 }),
      fc.constantFrom('day', 'week', 'half-month', 'month'),
      (n, period) => {
        const day = fromDayNumber(n);
        assert.equal(toDayNumber(day), n);
        const start = periodStart(day, period as 'day');
        assert.ok(start <= day && day <= periodEnd(start, period as 'day'));
      },
    ),
    { seed: 3 },
  );
});

test('calendar days are validated and options name the accepted values', () => {
  assert.ok(isDay('2024-02-29'));
  assert.ok(!isDay('2023-02-29'));
  assert.ok(!isDay('31.02.2024'));
  assert.equal(addDays('2022-03-31', 1), '2022-04-01');
  assert.throws(
    () => parsePeriod('year'),
    /invalid period: got "year" \(expected day, week, half-month, month\)/,
  );
});
