import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { grangerCausality, joinSeries, maxGrangerLag } from './causality.js';
import { leastSquares } from './least-squares.js';

const fixtures = resolve(import.meta.dirname, '../../../test/fixtures/analysis');

function readSeries(name: string): Array<{ date: string; value: number }> {
  return readFileSync(resolve(fixtures, name), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [date, value] = line.split(',');
      return { date: date!, value: Number(value) };
    });
}

/** A second, naive OLS: normal equations solved by Gauss–Jordan elimination with partial pivoting. */
function naiveRss(columns: number[][], y: number[]): number {
  const p = columns.length;
  const m = columns.map((ci) => [...columns.map((cj) => ci.reduce((s, v, t) => s + v * cj[t]!, 0))]);
  const rhs = columns.map((ci) => ci.reduce((s, v, t) => s + v * y[t]!, 0));
  for (let i = 0; i < p; i++) {
    let pivot = i;
    for (let r = i + 1; r < p; r++) if (Math.abs(m[r]![i]!) > Math.abs(m[pivot]![i]!)) pivot = r;
    [m[i], m[pivot]] = [m[pivot]!, m[i]!];
    [rhs[i], rhs[pivot]] = [rhs[pivot]!, rhs[i]!];
    for (let r = 0; r < p; r++) {
      if (r === i) continue;
      const factor = m[r]![i]! / m[i]![i]!;
      for (let c = 0; c < p; c++) m[r]![c] = m[r]![c]! - factor * m[i]![c]!;
      rhs[r] = rhs[r]! - factor * rhs[i]!;
    }
  }
  const beta = rhs.map((v, i) => v / m[i]![i]!);
  return y.reduce((s, v, t) => s + (v - columns.reduce((f, c, j) => f + beta[j]! * c[t]!, 0)) ** 2, 0);
}

function naiveGranger(x: number[], y: number[], lag: number): number {
  const rows = y.length - lag;
  const col = (series: number[], i: number) => Array.from({ length: rows }, (_, t) => series[t + lag - i]!);
  const own = Array.from({ length: lag }, (_, i) => col(y, i + 1));
  const cause = Array.from({ length: lag }, (_, i) => col(x, i + 1));
  const ones = new Array<number>(rows).fill(1);
  const target = y.slice(lag);
  const r = naiveRss([...own, ones], target);
  const u = naiveRss([...own, ...cause, ones], target);
  return (r - u) / lag / (u / (rows - 2 * lag - 1));
}

test('a tiny case checked by hand: RSS_r = 4, RSS_u = 1/2, F = 14 and p = 1 − √(7/8)', () => {
  const [result] = grangerCausality([0, 1, 0, 0, 1, 0], [1, 0, 2, 1, 0, 3], 1);
  assert.ok(result);
  assert.equal(result.df_num, 1);
  assert.equal(result.df_den, 2);
  assert.ok(Math.abs(result.f! - 14) < 1e-10);
  assert.ok(Math.abs(result.p! - (1 - Math.sqrt(7 / 8))) < 1e-10);
});

test('F, p and degrees of freedom agree with the statsmodels procedure to 1e-6', () => {
  const expected = JSON.parse(readFileSync(resolve(fixtures, 'granger-expected.json'), 'utf8')) as {
    joined: number;
    granger: Array<{ lag: number; f: number; p: number; df_num: number; df_den: number }>;
    reverse: Array<{ lag: number; f: number; p: number; df_num: number; df_den: number }>;
  };
  const joined = joinSeries(readSeries('granger-cause.csv'), readSeries('granger-effect.csv'));
  assert.equal(joined.dates.length, expected.joined);
  const check = (actual: ReturnType<typeof grangerCausality>, reference: typeof expected.granger) => {
    assert.equal(actual.length, reference.length);
    actual.forEach((row, i) => {
      const ref = reference[i]!;
      assert.equal(row.lag, ref.lag);
      assert.equal(row.df_num, ref.df_num);
      assert.equal(row.df_den, ref.df_den);
      assert.ok(Math.abs(row.f! - ref.f) < 1e-6, `lag ${row.lag}: F ${row.f} vs ${ref.f}`);
      assert.ok(Math.abs(row.p! - ref.p) < 1e-6, `lag ${row.lag}: p ${row.p} vs ${ref.p}`);
    });
  };
  check(grangerCausality(joined.cause, joined.effect, 6), expected.granger);
  check(grangerCausality(joined.effect, joined.cause, 3), expected.reverse);
});

test('QR least squares and naive normal equations give the same F on random series', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 20, maxLength: 40 }),
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 20, maxLength: 40 }),
      fc.integer({ min: 1, max: 4 }),
      (xs, ys, lag) => {
        const n = Math.min(xs.length, ys.length);
        const x = xs.slice(0, n).map((v) => v / 10);
        const y = ys.slice(0, n).map((v) => v / 10);
        // Degenerate designs (a near-constant series) have no well-defined F to compare.
        fc.pre(new Set(x).size > n / 2 && new Set(y).size > n / 2);
        const [naive, ours] = [naiveGranger(x, y, lag), grangerCausality(x, y, lag)[lag - 1]!.f!];
        assert.ok(Math.abs(naive - ours) <= 1e-6 * Math.max(1, Math.abs(naive)), `${naive} vs ${ours}`);
      },
    ),
    { numRuns: 200, seed: 1969 },
  );
});

test('a cause that is constant adds nothing: F is 0 and p is 1', () => {
  const effect = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
  const [result] = grangerCausality(new Array(12).fill(7), effect, 1);
  assert.ok(Math.abs(result!.f!) < 1e-9);
  assert.ok(Math.abs(result!.p! - 1) < 1e-9);
});

test('a lag too large for the observations is refused with the largest usable lag', () => {
  assert.equal(maxGrangerLag(10), 2);
  assert.throws(() => grangerCausality([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3), {
    message: /invalid max-lag: got 3 \(expected at most 2 for 10 joined observations/,
  });
});

test('the join keeps only dates present in both series, in date order', () => {
  const joined = joinSeries(
    [
      { date: '2022-01-03', value: 3 },
      { date: '2022-01-01', value: 1 },
      { date: '2022-01-02', value: 2 },
    ],
    [
      { date: '2022-01-02', value: 20 },
      { date: '2022-01-03', value: 30 },
    ],
  );
  assert.deepEqual(joined, { dates: ['2022-01-02', '2022-01-03'], cause: [2, 3], effect: [20, 30] });
});

test('least squares reports the rank of a design with a repeated column', () => {
  const fit = leastSquares(
    [
      [1, 2, 3, 4],
      [2, 4, 6, 8],
      [1, 1, 1, 1],
    ],
    [1, 3, 2, 5],
  );
  assert.equal(fit.rank, 2);
  assert.ok(
    Math.abs(
      fit.rss -
        naiveRss(
          [
            [1, 2, 3, 4],
            [1, 1, 1, 1],
          ],
          [1, 3, 2, 5],
        ),
    ) < 1e-12,
  );
});
