import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mulberry32, shuffleInPlace } from './mulberry32.js';

test('the same seed gives the same sequence, pinned', () => {
  const r = mulberry32(42);
  assert.deepEqual([r(), r(), r()], [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
});

test('every draw lies in [0, 1) and different seeds give different sequences', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
      const r = mulberry32(seed);
      for (let i = 0; i < 20; i++) {
        const x = r();
        assert.ok(x >= 0 && x < 1);
      }
    }),
  );
  assert.notEqual(mulberry32(1)(), mulberry32(2)());
});

test('shuffling gives a permutation of the items, the same one for the same seed', () => {
  fc.assert(
    fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: 1000 }), (items, seed) => {
      const a = shuffleInPlace([...items], mulberry32(seed));
      const b = shuffleInPlace([...items], mulberry32(seed));
      assert.deepEqual(a, b);
      assert.deepEqual(
        [...a].sort((x, y) => x - y),
        [...items].sort((x, y) => x - y),
      );
    }),
  );
});
