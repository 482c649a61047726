import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formulaOfRule, formulaSightings, matchesFormula } from './shared-formulas.js';

test('a rule id without its language names the formula, so languages share it', () => {
  assert.equal(formulaOfRule('position.ru.new-territorial-realities'), 'position.new-territorial-realities');
  assert.equal(formulaOfRule('position.en.new-territorial-realities'), 'position.new-territorial-realities');
  assert.equal(formulaOfRule('overture.istanbul-basis'), 'overture.istanbul-basis');
  assert.equal(formulaOfRule('model:linear-2024'), null);
});

test('a --formula value may be the formula, a rule id or its last part', () => {
  const formula = 'position.new-territorial-realities';
  assert.ok(matchesFormula(formula, formula));
  assert.ok(matchesFormula(formula, 'position.uk.new-territorial-realities'));
  assert.ok(matchesFormula(formula, 'new-territorial-realities'));
  assert.ok(!matchesFormula(formula, 'territorial'));
});

test('uses of one formula in two languages at one source fold into one sighting', () => {
  const sightings = formulaSightings([
    {
      rule: 'position.ru.new-territorial-realities',
      source: 'tass',
      camp: 'ru-state-media',
      lang: 'ru',
      time: 200,
    },
    {
      rule: 'position.en.new-territorial-realities',
      source: 'tass',
      camp: 'ru-state-media',
      lang: 'en',
      time: 100,
      count: 3,
    },
    { rule: 'model:x', source: 'tass', camp: 'ru-state-media', time: 50 },
    { rule: 'overture.en.istanbul-basis', source: 'blog', camp: 'west-commentary', lang: 'en', time: 300 },
  ]);
  assert.deepEqual(sightings, [
    {
      item: 'overture.istanbul-basis',
      source: 'blog',
      camp: 'west-commentary',
      firstTime: 300,
      count: 1,
      langs: ['en'],
    },
    {
      item: 'position.new-territorial-realities',
      source: 'tass',
      camp: 'ru-state-media',
      firstTime: 100,
      count: 4,
      langs: ['en', 'ru'],
    },
  ]);
});
