import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { forecastEpisodes, scoreBacktest } from './forecast.js';
import type { GroupSeries } from './group-series.js';
import { fitLogistic, predictLogistic } from './logistic-regression.js';
import { addDays } from './period.js';
import { seededRandom } from './seeded-random.js';

/** Overture bursts every ~90 days, each preceded by two weeks of rising threats and pressure. */
function scenario(days: number, seed: number): { series: GroupSeries; pressure: number[] } {
  const random = seededRandom(seed);
  const overture: number[] = [];
  const threat: number[] = [];
  const pressure: number[] = [];
  for (let i = 0; i < days; i++) {
    const phase = i % 90;
    const inBurst = phase >= 60 && phase < 70;
    const before = phase >= 40 && phase < 60;
    overture.push(inBurst ? 15 + Math.floor(random() * 5) : Math.floor(random() * 3));
    threat.push(before ? 8 + Math.floor(random() * 4) : Math.floor(random() * 3));
    pressure.push((before ? 1.5 : -0.2) + (random() - 0.5) * 0.4);
  }
  return {
    series: {
      days: Array.from({ length: days }, (_, i) => addDays('2020-01-01', i)),
      total: overture.map(() => 100),
      signals: { overture, threat },
    },
    pressure,
  };
}

test('a logistic fit recovers the sign of an informative feature and predicts probabilities', () => {
  const rows = Array.from({ length: 200 }, (_, i) => [i / 200]);
  const labels = rows.map(([x]) => (x! > 0.5 ? 1 : 0));
  const model = fitLogistic(rows, labels);
  assert.ok(model.weights[0]! > 0);
  assert.ok(predictLogistic(model, [0.9]) > 0.8);
  assert.ok(predictLogistic(model, [0.1]) < 0.2);
});

test('a logistic fit on one class stays finite and near the base rate', () => {
  const model = fitLogistic([[1], [2], [3]], [0, 0, 0]);
  const p = predictLogistic(model, [2]);
  assert.ok(Number.isFinite(p) && p < 0.2);
});

test('when pressure and threats precede overture bursts, the backtest beats climatology', () => {
  const { series, pressure } = scenario(900, 11);
  const forecast = forecastEpisodes(series, pressure, { horizonDays: 20 });
  assert.ok(forecast.episodeStarts.length >= 9);
  assert.ok(forecast.backtest.forecasts.length > 50);
  assert.ok(forecast.backtest.skill! > 0, `skill ${forecast.backtest.skill}`);
  assert.match(
    forecast.verdict,
    /^The model beats climatology \(Brier skill score \+0\.\d{3} over \d+ backtest forecasts/,
  );
  assert.deepEqual(
    forecast.features.map((f) => f.name),
    ['overture share', 'threat share', 'pressure (lagged)'],
  );
  assert.ok(forecast.probability !== null && forecast.probability >= 0 && forecast.probability <= 1);
});

test('when bursts come at random and nothing precedes them, the verdict says the model does not beat climatology', () => {
  const random = seededRandom(1);
  const overture: number[] = [];
  const threat: number[] = [];
  let until = -1;
  for (let i = 0; i < 900; i++) {
    if (until < i && random() < 1 / 80) until = i + 8;
    overture.push(i <= until ? 15 + Math.floor(random() * 5) : Math.floor(random() * 3));
    threat.push(Math.floor(random() * 3));
  }
  const series: GroupSeries = {
    days: overture.map((_, i) => addDays('2020-01-01', i)),
    total: overture.map(() => 100),
    signals: { overture, threat },
  };
  const forecast = forecastEpisodes(series, null, { horizonDays: 20 });
  assert.equal(forecast.backtest.beatsClimatology, false);
  assert.match(
    forecast.verdict,
    /^The model does not beat climatology \(Brier skill score −0\.\d{3} over 99 backtest forecasts/,
  );
  assert.equal(forecast.features.length, 2);
});

test('the Brier skill score compares with climatology and a series too short says it is untested', () => {
  const scored = scoreBacktest([
    { origin: 'a', probability: 0.9, climatology: 0.5, outcome: 1 },
    { origin: 'b', probability: 0.1, climatology: 0.5, outcome: 0 },
  ]);
  assert.ok(Math.abs(scored.brier! - 0.01) < 1e-12);
  assert.equal(scored.brierClimatology, 0.25);
  assert.ok(Math.abs(scored.skill! - 0.96) < 1e-12);
  const { series } = scenario(100, 1);
  assert.match(forecastEpisodes(series, null).verdict, /^No backtest was possible/);
});
