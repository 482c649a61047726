import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OvertureError } from '../errors.js';
import { serializeModel } from './serialize-model.js';
import { type TrainingExample, trainModel } from './train.js';

// A separable toy problem: calls for talks are overtures, threats of strikes are threats.
const TOY: TrainingExample[] = [
  { text: 'Moscow is ready for talks with Kyiv', lang: 'en', signals: ['overture'] },
  { text: 'We are ready to negotiate a ceasefire', lang: 'en', signals: ['overture'] },
  { text: 'Kyiv calls for talks and a truce', lang: 'en', signals: ['overture'] },
  { text: 'Ready for talks at any time', lang: 'en', signals: ['overture'] },
  { text: 'Any strike on Crimea will meet a crushing response', lang: 'en', signals: ['threat'] },
  { text: 'Their bases will become legitimate targets for a strike', lang: 'en', signals: ['threat'] },
  { text: 'A strike on our cities will be answered with force', lang: 'en', signals: ['threat'] },
  { text: 'The weather in Geneva was mild', lang: 'en', signals: [] },
  { text: 'The delegation arrived on Tuesday', lang: 'en', signals: [] },
  { text: 'Markets closed higher on Friday', lang: 'en', signals: [] },
];
const SMALL = { buckets: 1 << 12, epochs: 30, l2: 1e-4 };

function probability(model: ReturnType<typeof trainModel>['model'], text: string, signal: string): number {
  return model.predict(text, 'en').find((p) => p.signal === signal)?.probability ?? Number.NaN;
}

test('the model learns a separable toy problem', () => {
  const { model } = trainModel(TOY, SMALL);
  assert.ok(probability(model, 'Moscow is ready for talks', 'overture') > 0.5);
  assert.ok(probability(model, 'Moscow is ready for talks', 'threat') < 0.5);
  assert.ok(probability(model, 'any strike will meet a response', 'threat') > 0.5);
  assert.ok(probability(model, 'any strike will meet a response', 'overture') < 0.5);
  assert.ok(probability(model, 'The delegation arrived', 'stalemate') < 0.2);
});

test('the same seed and data give a byte-identical model file', () => {
  const a = serializeModel(trainModel(TOY, { ...SMALL, seed: 7 }).model);
  const b = serializeModel(trainModel(TOY, { ...SMALL, seed: 7 }).model);
  assert.equal(a, b);
});

test('another seed gives another model, and another id', () => {
  const a = trainModel(TOY, { ...SMALL, seed: 7 }).model;
  const b = trainModel(TOY, { ...SMALL, seed: 8 }).model;
  assert.notEqual(serializeModel(a), serializeModel(b));
  assert.notEqual(a.id, b.id);
});

test('the summary counts positives and kept weights per signal', () => {
  const { summary, model } = trainModel(TOY, SMALL);
  assert.equal(summary.examples, 10);
  assert.equal(summary.positives.overture, 4);
  assert.equal(summary.positives.threat, 3);
  assert.equal(summary.positives.stall, 0);
  assert.ok(summary.weights.overture > 0 && summary.weights.overture <= model.indices.length);
  assert.ok(summary.loss.overture >= 0);
});

test('out-of-range settings are option errors that say what was expected', () => {
  assert.throws(
    () => trainModel(TOY, { epochs: 0 }),
    (e: unknown) => e instanceof OvertureError && /epochs/.test(e.message),
  );
  assert.throws(() => trainModel(TOY, { buckets: 1000 }), /power of two/);
  assert.throws(() => trainModel([], SMALL), /at least one example/);
});
