import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { LshTable } from './lsh-table.js';

test('a stored key is found and an absent key is not', () => {
  const table = new LshTable(8);
  table.set(1, 2, 42, 0);
  assert.equal(table.get(1, 2), 42);
  assert.equal(table.get(1, 3), -1);
  assert.equal(table.get(2, 2), -1);
  table.set(1, 2, 43, 1);
  assert.equal(table.get(1, 2), 43);
  assert.equal(table.stats().used, 1);
});

test('memory never grows: a full probe run gives up its oldest entry', () => {
  const table = new LshTable(4, 4);
  // 20 keys that all hash to slot 0 (lo & 15 === 0).
  for (let i = 0; i < 20; i++) table.set(i, i * 16, i, i);
  assert.ok(table.stats().used <= 16);
  assert.ok(table.stats().evictions > 0);
  assert.equal(table.get(19, 19 * 16), 19, 'the newest key is kept');
  assert.equal(table.get(0, 0), -1, 'the oldest key is gone');
});

test('with room to spare every key inserted is found again', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.tuple(fc.nat(), fc.nat()), { maxLength: 200, selector: (k) => `${k[0]}:${k[1]}` }),
      (keys) => {
        const table = new LshTable(12, 64);
        keys.forEach(([hi, lo], i) => {
          table.set(hi >>> 0, lo >>> 0, i, i);
        });
        return keys.every(([hi, lo], i) => table.get(hi >>> 0, lo >>> 0) === i);
      },
    ),
    { numRuns: 50, seed: 3 },
  );
});

test('an impossible size is refused', () => {
  assert.throws(() => new LshTable(40), /capacityLog2/);
});
