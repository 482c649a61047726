import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hashFeature } from './hash-feature.js';

test('the hash never changes: a shipped model depends on these exact values', () => {
  assert.equal(hashFeature(''), 2872998923);
  assert.equal(hashFeature('w:переговоры'), 862556725);
  assert.equal(hashFeature('c:neg'), 257546646);
});

test('the hash is an unsigned 32-bit integer and a function of the text alone', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const h = hashFeature(s);
      assert.ok(Number.isInteger(h) && h >= 0 && h <= 0xffffffff);
      assert.equal(hashFeature(s), h);
    }),
  );
});

test('the low 18 bits spread distinct features over the buckets', () => {
  const buckets = new Set<number>();
  for (let i = 0; i < 2000; i++) buckets.add(hashFeature(`w:word${i}`) & ((1 << 18) - 1));
  // 2000 features in 262144 buckets: a handful of collisions at most.
  assert.ok(buckets.size > 1985, `only ${buckets.size} distinct buckets`);
});
