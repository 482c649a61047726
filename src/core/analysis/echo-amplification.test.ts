import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { buildEchoChains } from './echo.js';
import { sideOfCamp, summarizeAmplification } from './echo-amplification.js';
import type { Sighting } from './sightings.js';

const HOUR = 3_600_000;
const s = (item: string, source: string, camp: string, hours: number): Sighting => ({
  item,
  source,
  camp,
  firstTime: hours * HOUR,
  count: 1,
});

test('the side of a camp is the part before its first dash', () => {
  assert.equal(sideOfCamp('ru-state-media'), 'ru');
  assert.equal(sideOfCamp('west-commentary'), 'west');
  assert.equal(sideOfCamp('other'), 'other');
});

test('the summary counts formulas that crossed to another side and the sources that carried them', () => {
  const chains = buildEchoChains([
    s('f1', 'kremlin', 'ru-official', 0),
    s('f1', 'tass', 'ru-state-media', 2),
    s('f1', 'blog', 'west-commentary', 30),
    s('f2', 'kremlin', 'ru-official', 0),
    s('f2', 'blog', 'west-commentary', 10),
    s('f2', 'paper', 'west-media', 20),
    s('f3', 'kremlin', 'ru-official', 0),
    s('f3', 'aggregator', 'other', 5),
  ]);
  const summary = summarizeAmplification(chains);
  assert.equal(summary.items, 3);
  assert.deepEqual(summary.originSides, ['ru']);
  assert.equal(summary.crossSideItems, 2);
  assert.equal(summary.crossSideShare, 2 / 3);
  assert.deepEqual(summary.crossSideSources[0], {
    source: 'blog',
    camp: 'west-commentary',
    items: 2,
    medianLagHours: 20,
  });
  assert.deepEqual(
    summary.camps.find((c) => c.camp === 'west-commentary'),
    { camp: 'west-commentary', items: 2, medianLagHours: 20 },
  );
});

test('no chains give an empty summary', () => {
  assert.equal(summarizeAmplification([]).crossSideShare, null);
});
