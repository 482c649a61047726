import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from './model/mulberry32.js';
import { sortSmall } from './sort-small.js';

test('sortSmall orders like the built-in sort, stably, at every length', () => {
  const random = mulberry32(1948);
  for (let length = 0; length <= 60; length++) {
    for (let round = 0; round < 20; round++) {
      const items = Array.from({ length }, (_, id) => ({ key: Math.floor(random() * 6), id }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(byKey);
      const sorted = sortSmall(items, byKey);
      assert.equal(sorted, items, 'sorts in place');
      assert.deepEqual(sorted, expected);
    }
  }
});
