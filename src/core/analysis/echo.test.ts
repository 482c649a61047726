import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildEchoChains, chainPath, echoChainJson } from './echo.js';
import { type FormulaUse, formulaSightings } from './shared-formulas.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2022, 8, 30, 9);
const at = (hours: number): number => T0 + hours * HOUR;

// A constructed corpus: one formula said in the Kremlin, carried by state media within hours,
// by a milblog the next day and by Western commentary two days later, in two languages.
const CORPUS: FormulaUse[] = [
  {
    rule: 'position.ru.new-territorial-realities',
    source: 'kremlin.ru',
    camp: 'ru-official',
    lang: 'ru',
    time: at(0),
  },
  {
    rule: 'position.ru.new-territorial-realities',
    source: 'tass',
    camp: 'ru-state-media',
    lang: 'ru',
    time: at(2),
  },
  {
    rule: 'position.ru.new-territorial-realities',
    source: 'ria',
    camp: 'ru-state-media',
    lang: 'ru',
    time: at(1),
  },
  {
    rule: 'position.ru.new-territorial-realities',
    source: 'ria',
    camp: 'ru-state-media',
    lang: 'ru',
    time: at(5),
  },
  {
    rule: 'position.ru.new-territorial-realities',
    source: 'ria',
    camp: 'ru-state-media',
    lang: 'ru',
    time: at(9),
  },
  {
    rule: 'position.ru.new-territorial-realities',
    source: 'rybar',
    camp: 'ru-milblog',
    lang: 'ru',
    time: at(26),
  },
  {
    rule: 'position.en.new-territorial-realities',
    source: 'substack-x',
    camp: 'west-commentary',
    lang: 'en',
    time: at(50),
  },
  {
    rule: 'position.en.new-territorial-realities',
    source: 'podcast-y',
    camp: 'west-commentary',
    lang: 'en',
    time: at(74),
  },
  {
    rule: 'overture.en.istanbul-basis',
    source: 'podcast-y',
    camp: 'west-commentary',
    lang: 'en',
    time: at(3),
  },
];

test('the chain lists camps in order of first appearance with lags from the origin', () => {
  const chains = buildEchoChains(formulaSightings(CORPUS));
  const chain = chains.find((c) => c.item === 'position.new-territorial-realities')!;
  assert.deepEqual(chain.first, { source: 'kremlin.ru', camp: 'ru-official', time: at(0) });
  assert.equal(chainPath(chain), 'ru-official → ru-state-media → ru-milblog → west-commentary');
  assert.deepEqual(
    chain.chain.map((link) => [link.camp, link.lagHours, link.sources.map((s) => s.source)]),
    [
      ['ru-official', 0, ['kremlin.ru']],
      ['ru-state-media', 1, ['ria', 'tass']],
      ['ru-milblog', 26, ['rybar']],
      ['west-commentary', 50, ['substack-x', 'podcast-y']],
    ],
  );
  assert.deepEqual(chain.langs, ['en', 'ru']);
  assert.equal(chain.statements, 8);
  assert.deepEqual(
    chain.soonest.map((s) => s.source),
    ['ria', 'tass', 'rybar', 'substack-x', 'podcast-y'],
  );
  assert.equal(chain.most[0]!.source, 'ria');
  assert.equal(chain.most[0]!.count, 3);
});

test('the widest-reaching formula comes first', () => {
  const chains = buildEchoChains(formulaSightings(CORPUS));
  assert.deepEqual(
    chains.map((c) => c.item),
    ['position.new-territorial-realities', 'overture.istanbul-basis'],
  );
});

test('the JSON has the documented shape', () => {
  const [chain] = buildEchoChains(formulaSightings(CORPUS));
  const json = echoChainJson(chain!);
  assert.equal(json.formula, 'position.new-territorial-realities');
  assert.deepEqual(json.first, {
    source: 'kremlin.ru',
    camp: 'ru-official',
    time: '2022-09-30T09:00:00.000Z',
  });
  assert.deepEqual(json.chain[3], {
    camp: 'west-commentary',
    first_time: '2022-10-02T11:00:00.000Z',
    lag_hours: 50,
    sources: [
      {
        source: 'substack-x',
        camp: 'west-commentary',
        first_time: '2022-10-02T11:00:00.000Z',
        lag_hours: 50,
        count: 1,
      },
      {
        source: 'podcast-y',
        camp: 'west-commentary',
        first_time: '2022-10-03T11:00:00.000Z',
        lag_hours: 74,
        count: 1,
      },
    ],
  });
});

test('a chain starts at lag zero, its lags never fall, and every source sits in its own camp link', () => {
  const camps = ['ru-official', 'ru-state-media', 'ru-milblog', 'west-media', 'west-commentary'];
  fc.assert(
    fc.property(
      fc.array(fc.record({ s: fc.integer({ min: 0, max: 9 }), t: fc.integer({ min: 0, max: 500 }) }), {
        minLength: 1,
        maxLength: 40,
      }),
      (uses) => {
        const sightings = formulaSightings(
          uses.map(({ s, t }) => ({
            rule: 'overture.en.x',
            source: `src${s}`,
            camp: camps[s % camps.length]!,
            time: at(t),
          })),
        );
        const [chain] = buildEchoChains(sightings);
        const lags = chain!.chain.map((l) => l.lagHours);
        const sourcesInLinks = chain!.chain.flatMap((l) => l.sources.map((s) => s.source));
        return (
          lags[0] === 0 &&
          lags.every((lag, i) => i === 0 || lag >= lags[i - 1]!) &&
          new Set(chain!.chain.map((l) => l.camp)).size === chain!.chain.length &&
          sourcesInLinks.length === new Set(sightings.map((s) => s.source)).size &&
          chain!.chain.every((l) => l.sources.every((s) => s.camp === l.camp && s.lagHours >= l.lagHours))
        );
      },
    ),
    { numRuns: 100, seed: 11 },
  );
});
