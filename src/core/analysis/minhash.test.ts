import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  bandKeys,
  collisionProbability,
  estimateJaccard,
  minhashSignature,
  shingleJaccard,
  wordTokens,
} from './minhash.js';

const WIDE = { shingleSize: 3, numHashes: 256, seed: 7 };

test('word tokens are lower-cased letters and digits, with apostrophes kept inside words', () => {
  assert.deepEqual(wordTokens("Kyiv's «новые территориальные реалии», 2024!"), [
    "kyiv's",
    'новые',
    'территориальные',
    'реалии',
    '2024',
  ]);
  assert.deepEqual(wordTokens("пам'ять"), ["пам'ять"]);
});

test('identical texts have identical signatures and an estimated similarity of one', () => {
  const text = 'Russia remains open to negotiations on the basis of the new territorial realities';
  assert.deepEqual(minhashSignature(text), minhashSignature(text));
  assert.equal(estimateJaccard(minhashSignature(text), minhashSignature(text)), 1);
});

test('a near-duplicate with one word changed scores close to its exact shingle Jaccard', () => {
  const a = 'Moscow is ready for talks with Kyiv on the basis of the Istanbul agreements of spring';
  const b = 'Moscow is ready for talks with Kyiv on the basis of the Istanbul accords of spring';
  const exact = shingleJaccard(a, b);
  assert.ok(exact > 0.5 && exact < 0.8, `exact ${exact}`);
  const estimated = estimateJaccard(minhashSignature(a, WIDE), minhashSignature(b, WIDE));
  assert.ok(Math.abs(estimated - exact) < 0.12, `estimated ${estimated} vs exact ${exact}`);
});

test('unrelated sentences score near zero', () => {
  const a = 'The oil price fell for the third week as traders weighed the sanctions';
  const b = 'Brigade commanders reported shelling along the front near the river crossing';
  assert.equal(shingleJaccard(a, b), 0);
  assert.ok(estimateJaccard(minhashSignature(a, WIDE), minhashSignature(b, WIDE)) < 0.05);
});

test('the estimate tracks the exact Jaccard similarity on random word sequences', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 8, maxLength: 30 }),
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 8, maxLength: 30 }),
      (left, right) => {
        const a = left.map((n) => `w${n}`).join(' ');
        const b = [...left.slice(0, left.length >> 1), ...right].map((n) => `w${n}`).join(' ');
        const exact = shingleJaccard(a, b);
        const estimated = estimateJaccard(minhashSignature(a, WIDE), minhashSignature(b, WIDE));
        // 256 hashes: standard error ≤ 0.5/√256 ≈ 0.031; 5 sigma.
        return Math.abs(estimated - exact) <= 0.16;
      },
    ),
    { numRuns: 60, seed: 42 },
  );
});

test('band keys agree for identical signatures and differ across languages', () => {
  const signature = minhashSignature('the same sentence in two places of the corpus', {
    ...WIDE,
    numHashes: 40,
  });
  const ru = new Uint32Array(16);
  const ruAgain = new Uint32Array(16);
  const en = new Uint32Array(16);
  bandKeys(signature, 8, 5, 1, ru);
  bandKeys(signature, 8, 5, 1, ruAgain);
  bandKeys(signature, 8, 5, 2, en);
  assert.deepEqual(ru, ruAgain);
  for (let i = 0; i < 16; i++) assert.notEqual(ru[i], en[i]);
  assert.throws(() => bandKeys(signature, 9, 5, 1, new Uint32Array(18)), /exceeds the signature length/);
});

test('the collision probability is the LSH S-curve', () => {
  assert.equal(collisionProbability(1, 8, 5), 1);
  assert.equal(collisionProbability(0, 8, 5), 0);
  assert.ok(Math.abs(collisionProbability(0.8, 8, 5) - 0.9583) < 0.001);
  assert.ok(collisionProbability(0.3, 8, 5) < 0.02);
});
