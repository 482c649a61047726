import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { seededRandom } from './seeded-random.js';

const draw = (seed: number, n: number): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

test('the same seed gives the same sequence and another seed a different one', () => {
  assert.deepEqual(draw(7, 50), draw(7, 50));
  assert.notDeepEqual(draw(7, 50), draw(8, 50));
});

test('draws stay in [0, 1) and integers stay within their bounds', () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
      (seed, min, span) => {
        const random = seededRandom(seed);
        for (let i = 0; i < 20; i += 1) {
          const x = random.next();
          assert.ok(x >= 0 && x < 1);
          const n = random.int(min, min + span);
          assert.ok(Number.isInteger(n) && n >= min && n <= min + span);
        }
      },
    ),
  );
});

test('a weighted pick never returns an item whose weight is zero', () => {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      const random = seededRandom(seed);
      for (let i = 0; i < 50; i += 1) {
        assert.notEqual(
          random.weighted([
            ['never', 0],
            ['a', 1],
            ['b', 3],
            ['no', -2],
          ] as const),
          'never',
        );
      }
    }),
  );
});

test('poisson draws average close to their mean', () => {
  const random = seededRandom(1);
  let total = 0;
  for (let i = 0; i < 4000; i += 1) total += random.poisson(2.5);
  assert.ok(Math.abs(total / 4000 - 2.5) < 0.15, `mean ${total / 4000}`);
});

test('picking from an empty list is refused', () => {
  assert.throws(() => seededRandom(1).pick([]), RangeError);
});
