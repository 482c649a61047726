import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays, isIsoDay } from './add-days.js';

test('adding days crosses months, leap days and years in UTC', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
});

test('adding then subtracting the same number of days gives the day back', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -5000, max: 5000 }), (offset, n) => {
      const day = addDays('1990-01-01', offset);
      assert.ok(isIsoDay(day));
      assert.equal(addDays(addDays(day, n), -n), day);
    }),
  );
});

test('only real calendar days written YYYY-MM-DD are days', () => {
  assert.ok(isIsoDay('2024-02-29'));
  assert.ok(!isIsoDay('2023-02-29'));
  assert.ok(!isIsoDay('2024-2-1'));
  assert.ok(!isIsoDay('2024-01-01T00:00:00Z'));
});
