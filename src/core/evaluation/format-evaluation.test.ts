import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIGNALS } from '../types.js';
import { crossValidate } from './cross-validate.js';
import { evaluate } from './evaluate.js';
import { formatCrossValidation, formatEvaluation } from './format-evaluation.js';
import type { GoldItem } from './parse-gold.js';

const gold: GoldItem[] = [
  { id: 'a', text: 'Мы готовы к переговорам.', lang: 'ru', signals: ['overture'], positions: [] },
  { id: 'b', text: 'Talks were held.', lang: 'en', signals: [], positions: [] },
];
const report = evaluate(gold, [
  { id: 'a', signals: [], positions: [] },
  { id: 'b', signals: ['overture'], positions: [], evidence: { overture: ['overture.en.talks'] } },
]);

test('the text report has a table per scope, the macro-F1 and the confusions with evidence', () => {
  const text = formatEvaluation(report, { confusions: 5, heading: ['gold: g.jsonl'] });
  assert.match(text, /^gold: g\.jsonl\n2 items \(en 1, ru 1\) · macro-F1 0\.900/);
  assert.match(text, /\n {2}overture +0\.000 +0\.000 +0\.000 +1\n/);
  assert.match(text, /\nru \(1 items\)\n/);
  assert.match(text, /FN overture +a \[ru\] Мы готовы к переговорам\.\n +gold: overture · coded: nothing/);
  assert.match(
    text,
    /FP overture +b \[en\] Talks were held\.\n +gold: nothing · coded: overture · fired: overture\.en\.talks/,
  );
});

test('confusions can be left out', () => {
  assert.doesNotMatch(formatEvaluation(report, { confusions: 0 }), /confusions/);
});

test('the cross-validation table compares rules, rules+model and the model per language', () => {
  const result = crossValidate(gold, {
    folds: 2,
    seed: 1,
    thresholds: [0.5],
    rulePredictions: gold.map((g) => ({ id: g.id, signals: g.signals, positions: [] })),
    train: () => ({ id: 's', predict: () => SIGNALS.map((signal) => ({ signal, probability: 0 })) }),
  });
  const text = formatCrossValidation(result);
  assert.match(text, /rules alone +1\.000 +1\.000 +1\.000/);
  assert.match(text, /rules\+model @ 0\.5 +1\.000/);
  assert.match(text, /best threshold 0\.5: rules\+model gains 0\.000/);
});
