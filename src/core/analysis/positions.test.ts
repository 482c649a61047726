import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { Stance } from '../types.js';
import type { StatementEvidence } from './evidence.js';
import { evidenceSpans } from './evidence.js';
import { positionMovement } from './position-movement.js';
import { buildPositionLedger, type PositionStatement } from './positions.js';

function evidenceFixture(documentId: number, text = 'statement'): StatementEvidence {
  return {
    documentId,
    statementIdx: 0,
    text,
    source: 'kremlin',
    camp: 'ru-official',
    publishedAt: null,
    url: null,
    speaker: 'putin',
    target: null,
    confidence: 1,
    spans: [],
  };
}

const stated = (actor: string, key: string, stance: Stance, day: string, id: number): PositionStatement => ({
  actor,
  key,
  stance,
  day,
  evidence: evidenceFixture(id),
});

const statements = [
  stated('putin', 'neutrality', 'assert', '2022-01-10', 1),
  stated('putin', 'neutrality', 'assert', '2022-03-20', 2),
  stated('putin', 'annexed-territories', 'assert', '2022-01-12', 3),
  stated('lavrov', 'demilitarization', 'assert', '2022-01-05', 4),
  stated('lavrov', 'demilitarization', 'soften', '2022-03-25', 5),
];

test('the ledger tells what moved, what was restated and what was held in a window', () => {
  const ledger = buildPositionLedger(statements, { since: '2022-03-01', until: '2022-03-31' });
  const status = Object.fromEntries(ledger.entries.map((e) => [`${e.actor}/${e.key}`, e.status]));
  assert.deepEqual(status, {
    'lavrov/demilitarization': 'moved',
    'putin/annexed-territories': 'held',
    'putin/neutrality': 'restated',
  });
  assert.deepEqual(
    ledger.unchanged.map((u) => [u.actor, u.key, u.status, u.lastStated]),
    [
      ['putin', 'annexed-territories', 'held', '2022-01-12'],
      ['putin', 'neutrality', 'restated', '2022-03-20'],
    ],
  );
  const moved = ledger.entries[0]!;
  assert.deepEqual(moved.before, { day: '2022-01-05', stance: 'assert' });
  assert.deepEqual(moved.counts, { assert: 0, harden: 0, soften: 1, drop: 0 });
  assert.equal(moved.timeline[0]!.evidence.documentId, 5);
});

test('statements after the window are left out of the ledger', () => {
  const ledger = buildPositionLedger(statements, { until: '2022-02-01' });
  assert.ok(ledger.entries.every((e) => e.status === 'restated'));
  assert.equal(ledger.entries.find((e) => e.actor === 'lavrov')!.latest.stance, 'assert');
});

test('position movement counts stances by key from 30 days before to 30 days after and lists concessions', () => {
  const movement = positionMovement(statements, { start: '2022-03-15', end: '2022-03-20' });
  assert.equal(movement.from, '2022-02-13');
  assert.equal(movement.to, '2022-04-19');
  assert.equal(movement.reassertions, 1);
  assert.deepEqual(
    movement.concessions.map((c) => [c.actor, c.key, c.stance, c.day]),
    [['lavrov', 'demilitarization', 'soften', '2022-03-25']],
  );
  assert.deepEqual(
    movement.byKey.map((k) => k.key),
    ['demilitarization', 'neutrality'],
  );
});

test('evidence spans carry the matched words cut from the statement', () => {
  const spans = evidenceSpans('We are ready for talks.', 100, [
    { rule: 'overture.en.ready', start: 107, end: 122 },
  ]);
  assert.equal(spans[0]!.match, 'ready for talks');
});
