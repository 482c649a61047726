import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { correlationAtLag, crossCorrelation, quantile } from './cross-correlation.js';
import { seededRandom } from './seeded-random.js';

function noise(n: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => random() - 0.5);
}

test('a series copied two steps later correlates fully at lag +2', () => {
  const x = noise(50, 1);
  const y = [0, 0, ...x.slice(0, 48)];
  const r = correlationAtLag(x, y, 2);
  assert.ok(r !== null && Math.abs(r - 1) < 1e-12);
  assert.ok(Math.abs(correlationAtLag(y, x, -2)! - 1) < 1e-12);
});

test('r at lag 0 is the Pearson correlation', () => {
  // (1,2,3,4) and (2,4,5,9): Sxy = 11, Sxx = 5, Syy = 26, so r = 11 / √130.
  const r = correlationAtLag([1, 2, 3, 4], [2, 4, 5, 9], 0)!;
  assert.ok(Math.abs(r - 11 / Math.sqrt(130)) < 1e-12);
  assert.equal(correlationAtLag([1, 1, 1], [1, 2, 3], 0), null);
});

test('the bootstrap band is reproducible from its seed and holds most lags of unrelated noise', () => {
  const x = noise(200, 2);
  const y = noise(200, 3);
  const first = crossCorrelation(x, y, 10, { replicates: 199, seed: 5 });
  const again = crossCorrelation(x, y, 10, { replicates: 199, seed: 5 });
  assert.deepEqual(first, again);
  assert.equal(first.xcorr.length, 21);
  assert.deepEqual(
    first.xcorr.map((c) => c.lag),
    Array.from({ length: 21 }, (_, i) => i - 10),
  );
  const outside = first.xcorr.filter((c, i) => c.r! < first.band[i]!.lo! || c.r! > first.band[i]!.hi!).length;
  assert.ok(outside <= 4, `${outside} of 21 lags outside a 95% band`);
  for (const band of first.band) assert.ok(band.lo! < 0 && band.hi! > 0);
});

test('a strong lead shows outside the band at its lag', () => {
  const x = noise(150, 4);
  const e = noise(150, 6);
  const y = x.map((_, t) => (t >= 3 ? x[t - 3]! : 0) + 0.3 * e[t]!);
  const result = crossCorrelation(x, y, 5, { replicates: 199 });
  const at3 = result.xcorr.findIndex((c) => c.lag === 3);
  assert.ok(result.xcorr[at3]!.r! > result.band[at3]!.hi!);
});

test('quantiles interpolate between order statistics (type 7)', () => {
  assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
  assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantile([10, 20], 0.25), 12.5);
});

test('a lag beyond the series is refused', () => {
  assert.throws(() => crossCorrelation([1, 2, 3, 4], [1, 2, 3, 4], 3), /invalid max-lag/);
});
