import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { tokenize } from '../text/tokenize.js';
import { SIGNALS, type SignalCategory } from '../types.js';
import { hashedFeaturesFromStrings } from './hashed-features.js';
import { createLinearScorer } from './linear-scorer.js';
import type { LinearModelData, SignalWeights } from './model-body.js';
import { mulberry32 } from './mulberry32.js';

/** A model with a random weight on a random half of a small bucket space (collisions on purpose). */
function randomModel(seed: number, buckets: number): LinearModelData {
  const random = mulberry32(seed);
  const indices = Uint32Array.from({ length: buckets }, (_, i) => i).filter(() => random() < 0.5);
  const signals = Object.fromEntries(
    SIGNALS.map((signal) => [
      signal,
      {
        bias: random() - 0.5,
        positives: 1,
        values: Float64Array.from(indices, () => random() * 4 - 2),
      } satisfies SignalWeights,
    ]),
  ) as Record<SignalCategory, SignalWeights>;
  return {
    codebookVersion: null,
    seed,
    buckets,
    training: { examples: 0, epochs: 0, learningRate: 0, l2: 0, classWeighting: 'none' },
    indices,
    signals,
  };
}

/** The logits the slow way: the sparse vector built from feature strings, dotted with the weights. */
function referenceLogits(data: LinearModelData, text: string, lang: 'ru' | 'uk' | 'en'): number[] {
  const x = hashedFeaturesFromStrings(text, lang, data.buckets);
  const rowOf = new Map([...data.indices].map((bucket, k) => [bucket, k]));
  return SIGNALS.map((signal) => {
    let z = data.signals[signal].bias;
    x.indices.forEach((bucket, k) => {
      const r = rowOf.get(bucket);
      if (r !== undefined) z += (data.signals[signal].values[r] as number) * (x.values[k] as number);
    });
    return z;
  });
}

test('the scorer gives the logits of the feature vector dotted with the weights', () => {
  const data = randomModel(1948, 1 << 10);
  const score = createLinearScorer(data);
  const word = fc.stringMatching(/^[a-zа-яіїєґё'0-9]{1,14}$/);
  const sentence = fc.array(word, { minLength: 0, maxLength: 60 }).map((words) => words.join(' '));
  fc.assert(
    fc.property(sentence, fc.constantFrom('ru', 'uk', 'en'), (text, lang) => {
      const got = score(tokenize(text).norms, lang);
      const want = referenceLogits(data, text, lang);
      for (const [s, z] of want.entries())
        assert.ok(Math.abs((got[s] as number) - z) < 1e-5, `${got[s]} vs ${z}`);
    }),
    { seed: 1948, numRuns: 300 },
  );
});

test('a statement long enough to outgrow the scratch table scores the same as the reference', () => {
  const data = randomModel(7, 1 << 12);
  const score = createLinearScorer(data);
  const random = mulberry32(3);
  const letters = 'абвгдежзийклмнопрстуфхцчшщыьэюяabcdefghij';
  const words = Array.from({ length: 400 }, () =>
    Array.from(
      { length: 3 + Math.floor(random() * 9) },
      () => letters[Math.floor(random() * letters.length)],
    ).join(''),
  );
  const text = words.join(' ');
  const want = referenceLogits(data, text, 'ru');
  const got = score(tokenize(text).norms, 'ru');
  for (const [s, z] of want.entries()) assert.ok(Math.abs((got[s] as number) - z) < 1e-5);
  // And the scratch state does not leak into the next statement.
  const short = 'готовы к переговорам';
  const again = score(tokenize(short).norms, 'ru');
  for (const [s, z] of referenceLogits(data, short, 'ru').entries())
    assert.ok(Math.abs((again[s] as number) - z) < 1e-5);
});

test('when the word cache starts again, scores stay those of the reference', () => {
  // A cache of 25 words is outgrown every few statements: ids of character n-grams are handed
  // out anew each time, and no count from before may leak into a statement.
  const data = randomModel(11, 1 << 10);
  const score = createLinearScorer(data, { wordCacheLimit: 25 });
  const word = fc.stringMatching(/^[a-zа-яіїє]{1,9}$/);
  const sentence = fc.array(word, { minLength: 1, maxLength: 20 }).map((words) => words.join(' '));
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (texts) => {
      for (const text of texts) {
        // With the words' intern ids, whose cache must start again with the word cache.
        const tokens = tokenize(text);
        const got = score(tokens.norms, 'uk', undefined, tokens.ids);
        for (const [s, z] of referenceLogits(data, text, 'uk').entries())
          assert.ok(Math.abs((got[s] as number) - z) < 1e-5, `${text}: ${got[s]} vs ${z}`);
      }
    }),
    { seed: 25, numRuns: 100 },
  );
});

test('asked only which logits reach a bound, the scorer is exact at or above it and below it otherwise', () => {
  const data = randomModel(1991, 1 << 10);
  const exact = createLinearScorer(data);
  const bounded = createLinearScorer(data);
  const word = fc.stringMatching(/^[a-zа-яіїє']{1,12}$/);
  const sentence = fc.array(word, { minLength: 0, maxLength: 40 }).map((words) => words.join(' '));
  let skipped = 0;
  let computed = 0;
  fc.assert(
    fc.property(sentence, fc.constantFrom('ru', 'uk', 'en'), (text, lang) => {
      const words = tokenize(text).norms;
      const want = Array.from(exact(words, lang));
      const top = Math.max(...want);
      // Bounds at the highest logit and just around it, where a loose bound would show.
      for (const below of [top, top - 1e-3, top + 1e-3, top + 0.25, top + 2]) {
        const got = Array.from(bounded(words, lang, below));
        if (top >= below) {
          computed++;
          assert.deepEqual(got, want);
          continue;
        }
        for (const z of got) assert.ok(z < below, `${z} < ${below}`);
        if (got.some((z, s) => z !== want[s])) skipped++;
      }
    }),
    { seed: 1991, numRuns: 300 },
  );
  // Both paths were taken: the bound settled some statements and not others.
  assert.ok(skipped > 0 && computed > 0, `${skipped} settled by the bound, ${computed} computed`);
});

test('signals the caller ignores do not keep a statement from being settled by the bound', () => {
  const data = randomModel(2001, 1 << 10);
  const exact = createLinearScorer(data);
  const bounded = createLinearScorer(data);
  const word = fc.stringMatching(/^[a-zа-яіїє']{1,12}$/);
  const sentence = fc.array(word, { minLength: 1, maxLength: 40 }).map((words) => words.join(' '));
  let settledByIgnoring = 0;
  fc.assert(
    fc.property(sentence, fc.integer({ min: 0, max: (1 << SIGNALS.length) - 1 }), (text, ignore) => {
      const words = tokenize(text).norms;
      const want = Array.from(exact(words, 'ru'));
      // A bound just above the highest logit the caller still needs, below some it ignores.
      const needed = want.filter((_, s) => (ignore & (1 << s)) === 0);
      if (needed.length === 0) return;
      const below = Math.max(...needed) + 1e-3;
      const got = Array.from(bounded(words, 'ru', below, undefined, ignore));
      const settled = got.some((z, s) => z !== want[s]);
      for (const [s, z] of got.entries()) {
        if ((ignore & (1 << s)) === 0) assert.ok(settled ? z < below : z === want[s]);
        else assert.ok(settled ? z === Number.NEGATIVE_INFINITY : z === want[s]);
      }
      if (settled && want.some((z) => z >= below)) settledByIgnoring++;
    }),
    { seed: 2001, numRuns: 300 },
  );
  assert.ok(settledByIgnoring > 0, 'an ignored logit above the bound no longer blocks it');
});

test('a word scored by its intern id is never mistaken for another word given that id later', () => {
  const data = randomModel(2022, 1 << 10);
  const score = createLinearScorer(data);
  const first = tokenize('готовы к переговорам без условий');
  const want = referenceLogits(data, 'готовы к переговорам без условий', 'ru');
  const check = (got: Float64Array, expected: number[]) => {
    for (const [s, z] of expected.entries()) assert.ok(Math.abs((got[s] as number) - z) < 1e-5);
  };
  check(score(first.norms, 'ru', undefined, first.ids), want);
  // Fresh words until the tokenizer's table starts again and hands out the first word's id.
  const target = first.ids?.[0] as number;
  let previous = -1;
  let restarted = false;
  let other = '';
  for (let k = 0; other === ''; k++) {
    const word = `s${k.toString(36)}again`;
    const id = tokenize(word).ids?.[0] as number;
    if (id < previous) restarted = true;
    previous = id;
    if (restarted && id === target) other = word;
  }
  const text = `${other} к переговорам без условий`;
  const reused = tokenize(text);
  assert.equal(reused.ids?.[0], target);
  check(score(reused.norms, 'ru', undefined, reused.ids), referenceLogits(data, text, 'ru'));
});
