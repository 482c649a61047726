import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SignalModel } from '../coding/coder.js';
import { SIGNALS } from '../types.js';
import { assignFolds, crossValidate } from './cross-validate.js';
import type { GoldItem } from './parse-gold.js';

const items: GoldItem[] = Array.from({ length: 30 }, (_, i) => ({
  id: `i${i}`,
  text: i % 2 === 0 ? 'ready for talks' : 'the weather',
  lang: ['ru', 'uk', 'en'][i % 3] as string,
  signals: i % 2 === 0 ? ['overture'] : [],
  positions: [],
}));

test('folds are balanced within each language and fixed by the seed', () => {
  const folds = assignFolds(items, 5, 3);
  assert.deepEqual(assignFolds(items, 5, 3), folds);
  for (const lang of ['ru', 'uk', 'en']) {
    const sizes = [0, 0, 0, 0, 0];
    items.forEach((item, i) => {
      const k = folds[i] as number;
      if (item.lang === lang) sizes[k] = (sizes[k] ?? 0) + 1;
    });
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `${lang}: ${sizes}`);
  }
  assert.notDeepEqual(assignFolds(items, 5, 4), folds);
});

test('each model predicts only items it was not trained on', () => {
  const trainedOn: Array<Set<string>> = [];
  const seen: string[] = [];
  const train = (training: readonly GoldItem[]): SignalModel => {
    const ids = new Set(training.map((t) => t.id));
    trainedOn.push(ids);
    return {
      id: 'stub',
      predict: (text) => {
        const item = items.find((it) => it.text === text && !ids.has(it.id) && !seen.includes(it.id));
        if (item) seen.push(item.id);
        return SIGNALS.map((signal) => ({ signal, probability: 0 }));
      },
    };
  };
  crossValidate(items, {
    folds: 3,
    seed: 1,
    thresholds: [0.5],
    rulePredictions: items.map((i) => ({ id: i.id, signals: [], positions: [] })),
    train,
  });
  assert.equal(trainedOn.length, 3);
  for (const ids of trainedOn) assert.equal(ids.size, 20);
});

test('rules+model adds the model only where the rules found nothing, per threshold', () => {
  // The rules find nothing; the model says overture with 0.7 for talk and 0.3 otherwise.
  const model: SignalModel = {
    id: 'stub',
    predict: (text) =>
      SIGNALS.map((signal) => ({
        signal,
        probability: signal === 'overture' ? (text.includes('talks') ? 0.7 : 0.3) : 0,
      })),
  };
  const result = crossValidate(items, {
    folds: 3,
    seed: 1,
    thresholds: [0.2, 0.5],
    rulePredictions: items.map((i) => ({ id: i.id, signals: [], positions: [] })),
    train: () => model,
  });
  assert.equal(result.rules.signals.overture.f1, 0);
  const [low, high] = result.thresholds;
  assert.equal(high?.combined.signals.overture.f1, 1);
  assert.equal(low?.combined.signals.overture.precision, 0.5);
  assert.equal(high?.model.signals.overture.f1, 1);
  assert.deepEqual(high?.combined.confusions, []);
});
