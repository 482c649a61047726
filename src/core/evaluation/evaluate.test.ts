import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SIGNALS, type SignalCategory } from '../types.js';
import { evaluate, type Prediction, score } from './evaluate.js';
import type { GoldItem } from './parse-gold.js';

const gold: GoldItem[] = [
  { id: 'g1', text: 'one', lang: 'en', signals: ['overture', 'refusal'], positions: [] },
  { id: 'g2', text: 'two', lang: 'en', signals: ['threat'], positions: [] },
  { id: 'g3', text: 'three', lang: 'ru', signals: [], positions: [] },
  {
    id: 'g4',
    text: 'four',
    lang: 'ru',
    signals: ['position'],
    positions: [{ key: 'neutrality', stance: 'assert' }],
  },
];
const predictions: Prediction[] = [
  { id: 'g1', signals: ['overture'], positions: [] },
  { id: 'g2', signals: ['threat', 'stall'], positions: [], evidence: { stall: ['stall.en.not-now'] } },
  { id: 'g3', signals: ['threat'], positions: [], evidence: { threat: ['model:abc'] } },
  { id: 'g4', signals: ['position'], positions: [{ key: 'neutrality', stance: 'harden' }] },
];

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('per-signal scores match the hand count', () => {
  const r = evaluate(gold, predictions);
  assert.deepEqual(r.signals.threat, {
    tp: 1,
    fp: 1,
    fn: 0,
    support: 1,
    precision: 0.5,
    recall: 1,
    f1: 2 / 3,
  });
  assert.deepEqual(r.signals.refusal, { tp: 0, fp: 0, fn: 1, support: 1, precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(r.signals.stall, { tp: 0, fp: 1, fn: 0, support: 0, precision: 0, recall: 0, f1: 0 });
  assert.equal(r.signals.overture.f1, 1);
  // Nothing in gold and nothing predicted is perfect agreement.
  assert.equal(r.signals.blame.f1, 1);
});

test('macro-F1 is the mean over the ten signals, overall and per language', () => {
  const r = evaluate(gold, predictions);
  close(r.macroF1, (8 + 2 / 3 - 1) / 10);
  close(r.perLanguage.en?.macroF1 ?? -1, 0.8);
  close(r.perLanguage.ru?.macroF1 ?? -1, 0.9);
  assert.equal(r.perLanguage.en?.items, 2);
  assert.deepEqual(Object.keys(r.perLanguage), ['en', 'ru']);
});

test('position keys are scored with and without their stance', () => {
  const r = evaluate(gold, predictions);
  assert.deepEqual(r.positions.keyStance, {
    tp: 0,
    fp: 1,
    fn: 1,
    support: 1,
    precision: 0,
    recall: 0,
    f1: 0,
  });
  assert.equal(r.positions.key.f1, 1);
});

test('confusions come worst signal first, with text and the evidence that fired', () => {
  const r = evaluate(gold, predictions);
  assert.deepEqual(
    r.confusions.map((c) => [c.kind, c.signal, c.id]),
    [
      ['false-negative', 'refusal', 'g1'],
      ['false-positive', 'stall', 'g2'],
      ['false-positive', 'threat', 'g3'],
    ],
  );
  assert.deepEqual(r.confusions[1]?.evidence, ['stall.en.not-now']);
  assert.equal(r.confusions[2]?.text, 'three');
});

test('a subset of signals limits the macro and the confusions to them', () => {
  const r = evaluate(gold, predictions, { signals: ['threat'] });
  close(r.macroF1, 2 / 3);
  assert.deepEqual(r.scoredSignals, ['threat']);
  assert.deepEqual(
    r.confusions.map((c) => c.signal),
    ['threat'],
  );
});

test('a missing prediction is a programming error, not a silent zero', () => {
  assert.throws(() => evaluate(gold, predictions.slice(1)), /no prediction for gold item g1/);
});

const signalSet = fc.subarray([...SIGNALS] as SignalCategory[]);

test('scores stay in [0, 1], support counts gold, and predicting the gold is perfect', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(signalSet, signalSet, fc.constantFrom('ru', 'uk', 'en')), {
        minLength: 1,
        maxLength: 30,
      }),
      (rows) => {
        const items: GoldItem[] = rows.map(([g, , lang], i) => ({
          id: `i${i}`,
          text: 't',
          lang,
          signals: g,
          positions: [],
        }));
        const preds: Prediction[] = rows.map(([, p], i) => ({ id: `i${i}`, signals: p, positions: [] }));
        const r = evaluate(items, preds);
        for (const s of SIGNALS) {
          const x = r.signals[s];
          for (const v of [x.precision, x.recall, x.f1]) assert.ok(v >= 0 && v <= 1);
          assert.equal(x.support, items.filter((it) => it.signals.includes(s)).length);
        }
        assert.ok(r.macroF1 >= 0 && r.macroF1 <= 1);
        const perfect = evaluate(
          items,
          items.map((it) => ({ id: it.id, signals: it.signals, positions: [] })),
        );
        assert.equal(perfect.macroF1, 1);
        assert.equal(perfect.confusions.length, 0);
      },
    ),
  );
});

test('F1 is the harmonic mean of precision and recall', () => {
  const s = score(3, 1, 2);
  close(s.precision, 0.75);
  close(s.recall, 0.6);
  close(s.f1, (2 * 0.75 * 0.6) / 1.35);
});
