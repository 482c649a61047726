import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  featureFamilies,
  hashedFeatures,
  hashedFeaturesFromStrings,
  isValidBucketCount,
} from './hashed-features.js';

function norm(values: Float64Array): number {
  return Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
}

test('a statement gives word, bigram, character and language features', () => {
  const [words, bigrams, chars, lang] = featureFamilies('Мы готовы к переговорам.', 'ru');
  assert.deepEqual([...(words?.keys() ?? [])], ['w:мы', 'w:готовы', 'w:к', 'w:переговорам']);
  assert.ok(bigrams?.has('b:^ мы') && bigrams.has('b:к переговорам') && bigrams.has('b:переговорам $'));
  assert.ok(chars?.has('c: пе') && chars.has('c:говор') && chars.has('c:ам '));
  assert.deepEqual([...(lang?.keys() ?? [])], ['l:ru']);
});

test('numbers fold to one feature, so amounts do not matter', () => {
  const [a] = featureFamilies('a package of 400 million', 'en');
  const [b] = featureFamilies('a package of 61 million', 'en');
  assert.deepEqual([...(a?.keys() ?? [])], [...(b?.keys() ?? [])]);
});

test('inflected forms share character n-grams', () => {
  const chars = (text: string) => new Set(featureFamilies(text, 'ru')[2]?.keys());
  const a = chars('переговоров');
  const shared = [...chars('переговорах')].filter((f) => a.has(f));
  assert.ok(shared.includes('c:перег') && shared.includes('c:говор'));
});

test('vectors are sorted, unique, inside the buckets and of unit length', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.constantFrom('ru', 'uk', 'en'),
      (text, lang) => {
        const x = hashedFeatures(text, lang, 1 << 18);
        for (let k = 1; k < x.indices.length; k++)
          assert.ok((x.indices[k] as number) > (x.indices[k - 1] as number));
        for (const i of x.indices) assert.ok(i < 1 << 18);
        // Each family has unit length and they are scaled to a unit total; rare collisions may
        // shift it a little.
        assert.ok(Math.abs(norm(x.values) - 1) < 0.1, `norm ${norm(x.values)}`);
      },
    ),
  );
});

test('the language is a feature of its own', () => {
  const ru = hashedFeatures('НАТО', 'ru');
  const uk = hashedFeatures('НАТО', 'uk');
  assert.notDeepEqual([...ru.indices], [...uk.indices]);
});

test('bucket counts must be powers of two within range', () => {
  assert.ok(isValidBucketCount(1 << 18));
  assert.ok(!isValidBucketCount(1000));
  assert.ok(!isValidBucketCount(8));
  assert.ok(!isValidBucketCount(1 << 25));
});

test('hashing from the characters gives exactly the vector of hashing each feature string', () => {
  const word = fc.stringMatching(/^[a-zа-яіїєґё'0-9]{1,12}$/);
  const sentence = fc.array(word, { minLength: 0, maxLength: 20 }).map((words) => words.join(' '));
  fc.assert(
    fc.property(sentence, fc.constantFrom('ru', 'uk', 'en'), (text, lang) => {
      assert.deepEqual(hashedFeatures(text, lang), hashedFeaturesFromStrings(text, lang));
    }),
    { seed: 1948, numRuns: 300 },
  );
  const real = 'Песков заявил, что Москва готова к переговорам — «без предварительных условий», 24.02.2024.';
  assert.deepEqual(hashedFeatures(real, 'ru'), hashedFeaturesFromStrings(real, 'ru'));
});
