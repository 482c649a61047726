import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Batch, burstRuns, detectBursts } from './detect-bursts.js';

/** Every state sequence, its cost computed independently from the model's definition. */
function bruteForce(
  batches: Batch[],
  s: number,
  gamma: number,
  k: number,
): { states: number[]; cost: number } {
  const n = batches.length;
  const sumR = batches.reduce((a, b) => a + b.relevant, 0);
  const sumD = batches.reduce((a, b) => a + b.total, 0);
  const p0 = sumD > 0 ? sumR / sumD : 0;
  const p = Array.from({ length: k }, (_, i) => Math.min(p0 * s ** i, 0.9999));
  const logPmf = (r: number, d: number, q: number): number =>
    (r === 0 ? 0 : r * Math.log(q)) + (d - r === 0 ? 0 : (d - r) * Math.log(1 - q));
  const all: Array<{ states: number[]; cost: number }> = [];
  const seq = new Array<number>(n).fill(0);
  const visit = (t: number): void => {
    if (t === n) {
      let cost = 0;
      let from = 0;
      seq.forEach((state, i) => {
        const batch = batches[i]!;
        cost +=
          (state > from ? (state - from) * gamma * Math.log(n) : 0) -
          logPmf(batch.relevant, batch.total, p[state]!);
        from = state;
      });
      all.push({ states: [...seq], cost });
      return;
    }
    for (let state = 0; state < k; state++) {
      seq[t] = state;
      visit(t + 1);
    }
  };
  visit(0);
  const min = Math.min(...all.map((a) => a.cost));
  const optimal = all.filter((a) => a.cost <= min + 1e-7 * Math.max(1, Math.abs(min)));
  // Ties to the lower state: compare from the last period backwards.
  optimal.sort((a, b) => {
    for (let t = n - 1; t >= 0; t--) if (a.states[t] !== b.states[t]) return a.states[t]! - b.states[t]!;
    return 0;
  });
  return { states: optimal[0]!.states, cost: min };
}

const batchArb = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }))
  .map(([a, b]) => ({ relevant: Math.min(a, b), total: Math.max(a, b) }));

test('the dynamic programme finds the same state sequence as brute force on small inputs', () => {
  fc.assert(
    fc.property(
      fc.array(batchArb, { minLength: 1, maxLength: 7 }),
      fc.constantFrom(1.5, 2, 3),
      fc.constantFrom(0, 0.5, 1, 2),
      fc.constantFrom(2, 3),
      (batches, s, gamma, k) => {
        const dp = detectBursts(batches, { s, gamma, states: k });
        const brute = bruteForce(batches, s, gamma, k);
        assert.ok(Math.abs(dp.cost - brute.cost) <= 1e-9 * Math.max(1, Math.abs(brute.cost)));
        assert.deepEqual(dp.states, brute.states);
      },
    ),
    { numRuns: 400, seed: 20020723 },
  );
});

test('bursts never overlap within a level and nest inside the level below', () => {
  fc.assert(
    fc.property(fc.array(batchArb, { minLength: 1, maxLength: 60 }), (batches) => {
      const { bursts, states } = detectBursts(batches, { states: 3 });
      for (const level of [1, 2]) {
        const runs = bursts.filter((b) => b.level === level);
        runs.forEach((run, i) => {
          const next = runs[i + 1];
          if (next) assert.ok(next.start > run.end + 1, 'runs of one level are maximal and disjoint');
          for (let t = run.start; t <= run.end; t++) assert.ok(states[t]! >= level);
          if (level === 2)
            assert.ok(bursts.some((b) => b.level === 1 && b.start <= run.start && b.end >= run.end));
        });
      }
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('a period of concentrated relevant items is found as a level-1 burst', () => {
  const quiet = { relevant: 2, total: 100 };
  const loud = { relevant: 30, total: 100 };
  const batches = [quiet, quiet, quiet, quiet, loud, loud, loud, quiet, quiet, quiet];
  const result = detectBursts(batches);
  assert.deepEqual(result.states, [0, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
  assert.deepEqual(result.bursts, [{ level: 1, start: 4, end: 6 }]);
});

test('a busy day with an ordinary share is not a burst', () => {
  const batches = [
    { relevant: 2, total: 100 },
    { relevant: 2, total: 100 },
    { relevant: 20, total: 1000 },
    { relevant: 2, total: 100 },
  ];
  assert.deepEqual(detectBursts(batches).states, [0, 0, 0, 0]);
});

test('periods without statements cost nothing and a burst ending on them falls back to the lower state', () => {
  const batches = [
    { relevant: 1, total: 50 },
    { relevant: 25, total: 50 },
    { relevant: 0, total: 0 },
  ];
  assert.deepEqual(detectBursts(batches).states, [0, 1, 0]);
});

test('the base rate and the capped state rates are reported', () => {
  const result = detectBursts(
    [
      { relevant: 9, total: 10 },
      { relevant: 10, total: 10 },
    ],
    { s: 2, states: 3 },
  );
  assert.equal(result.baseRate, 0.95);
  assert.deepEqual(result.rates, [0.95, 0.9999, 0.9999]);
});

test('input without any statements yields state 0 throughout', () => {
  const result = detectBursts([
    { relevant: 0, total: 0 },
    { relevant: 0, total: 0 },
  ]);
  assert.deepEqual(result.states, [0, 0]);
  assert.deepEqual(result.bursts, []);
  assert.deepEqual(detectBursts([]).states, []);
});

test('out-of-range options and impossible batches are refused with the value and the expectation', () => {
  assert.throws(() => detectBursts([], { s: 1 }), /invalid s: got 1 \(expected a number greater than 1\)/);
  assert.throws(() => detectBursts([], { gamma: -1 }), /invalid gamma/);
  assert.throws(() => detectBursts([], { states: 1 }), /invalid states/);
  assert.throws(() => detectBursts([{ relevant: 3, total: 2 }]), /invalid batch 1: relevant=3, total=2/);
});

test('burst runs are listed per level as maximal runs', () => {
  assert.deepEqual(burstRuns([0, 1, 2, 2, 1, 0, 2], 3), [
    { level: 1, start: 1, end: 4 },
    { level: 2, start: 2, end: 3 },
    { level: 1, start: 6, end: 6 },
    { level: 2, start: 6, end: 6 },
  ]);
});
