import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodedStatement, SignalCode } from '../types.js';
import { predictGold, predictionFromStatements } from './predict-gold.js';

function code(signal: SignalCode['signal'], rule: string, extra: Partial<SignalCode> = {}): SignalCode {
  return {
    signal,
    speaker: null,
    target: null,
    position: null,
    stance: null,
    confidence: 0.9,
    origin: 'rule',
    evidence: [{ rule, start: 0, end: 1 }],
    ...extra,
  };
}

test('the signals, positions and evidence of all statements of a gold text are pooled', () => {
  const statements: CodedStatement[] = [
    {
      start: 0,
      end: 5,
      text: 'a',
      signals: [
        code('overture', 'overture.ru.ready'),
        code('position', 'position.ru.neutral', { position: 'neutrality', stance: 'assert' }),
      ],
    },
    {
      start: 6,
      end: 9,
      text: 'b',
      signals: [code('overture', 'overture.ru.talks'), code('overture', 'overture.ru.ready')],
    },
  ];
  const p = predictionFromStatements('x', statements);
  assert.deepEqual(p.signals, ['overture', 'position']);
  assert.deepEqual(p.positions, [{ key: 'neutrality', stance: 'assert' }]);
  assert.deepEqual(p.evidence?.overture, ['overture.ru.ready', 'overture.ru.talks']);
});

test('a coder is run on each gold text in its language, with no default speaker', () => {
  const calls: unknown[] = [];
  const coder = {
    code(input: { text: string; lang: string; defaultSpeaker: string | null }) {
      calls.push(input);
      return [];
    },
  };
  const out = predictGold(coder, [{ id: 'a', text: 'Мы готовы.', lang: 'ru', signals: [], positions: [] }]);
  assert.deepEqual(calls, [{ text: 'Мы готовы.', lang: 'ru', defaultSpeaker: null }]);
  assert.deepEqual(out, [{ id: 'a', signals: [], positions: [], evidence: {} }]);
});
