import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { type FeatureVector, TACTIC_NAMES, type TacticName } from '../cases/case-features.js';
import type { HistoricalCase } from '../cases/case-schema.js';
import { caseFeatureVector, gowerDistance, rankAnalogues } from './analogues.js';

function makeCase(id: string, start: string, v: Required<FeatureVector>): HistoricalCase {
  const f = (value: number) => ({ value, rationale: `coded ${value}` });
  return {
    id,
    title: id,
    period: { start, end: start },
    initiator: 'A',
    parties: [
      { name: 'A', side: 'initiator' },
      { name: 'B', side: 'counterpart' },
    ],
    summary: 's',
    timeline: [{ date: start, text: 't', sources: ['c'] }],
    pressure_context: [{ text: 'p', sources: ['c'] }],
    overtures: [{ text: 'o', sources: ['c'] }],
    tactics: v.tactics.map((tactic) => ({ tactic, text: 't', sources: ['c'] })),
    concessions: [],
    outcome: { text: `outcome of ${id}`, sources: ['c'] },
    features: {
      pressure: f(v.pressure),
      overture_intensity: f(v.overture_intensity),
      position_movement: f(v.position_movement),
      amplification: f(v.amplification),
      counter_commitment: f(v.counter_commitment),
      tactics: { value: [...v.tactics], rationale: 'coded tactics' },
    },
    citations: [{ id: 'c', title: 'A source' }],
  };
}

const A = makeCase('case-a', '1951', {
  pressure: 3,
  overture_intensity: 2,
  position_movement: 0,
  amplification: 1,
  counter_commitment: 2,
  tactics: ['stall'],
});
const B = makeCase('case-b', '1985', {
  pressure: 1,
  overture_intensity: 3,
  position_movement: 3,
  amplification: 2,
  counter_commitment: 3,
  tactics: [],
});
const EPISODE: FeatureVector = {
  pressure: 3,
  overture_intensity: 2,
  position_movement: 0,
  amplification: 2,
  counter_commitment: 1,
  tactics: ['blame', 'stall'],
};

test('the Gower distance is the mean of the per-feature distances (computed by hand)', () => {
  // A: 0 + 0 + 0 + |2−1|/3 + |1−2|/3 + Jaccard({blame,stall},{stall}) = 0.5 → 7/6 over 6 features.
  const a = gowerDistance(EPISODE, caseFeatureVector(A));
  assert.ok(Math.abs(a.distance! - 7 / 36) < 1e-12);
  assert.equal(a.compared, 6);
  // B: 2/3 + 1/3 + 1 + 0 + 2/3 + 1 = 11/3 over 6.
  assert.ok(Math.abs(gowerDistance(EPISODE, caseFeatureVector(B)).distance! - 11 / 18) < 1e-12);
});

test('cases are ranked nearest first with the comparison and the case rationale on every feature', () => {
  const [first, second] = rankAnalogues(EPISODE, [B, A]);
  assert.equal(first!.caseId, 'case-a');
  assert.equal(second!.caseId, 'case-b');
  const row = first!.comparison.find((c) => c.feature === 'amplification')!;
  assert.deepEqual(row, {
    feature: 'amplification',
    episode: 2,
    case: 1,
    distance: 1 / 3,
    weight: 1,
    rationale: 'coded 1',
  });
  assert.equal(first!.outcome, 'outcome of case-a');
});

test('a feature the episode does not know drops out of the mean', () => {
  const { amplification: _, ...partial } = EPISODE;
  const result = gowerDistance(partial, caseFeatureVector(A));
  assert.equal(result.compared, 5);
  // 0 + 0 + 0 + 1/3 + 0.5 over 5.
  assert.ok(Math.abs(result.distance! - (1 / 3 + 0.5) / 5) < 1e-12);
  assert.equal(result.comparison.find((c) => c.feature === 'amplification')!.distance, null);
});

test('weights change the mean, and a zero weight removes a feature', () => {
  const result = gowerDistance(EPISODE, caseFeatureVector(A), { tactics: 0 });
  assert.ok(Math.abs(result.distance! - 2 / 3 / 5) < 1e-12);
  assert.equal(result.compared, 5);
});

test('an empty vector compares on nothing and ranks last', () => {
  const ranked = rankAnalogues({}, [A, B]);
  assert.ok(ranked.every((r) => r.distance === null));
  assert.deepEqual(
    ranked.map((r) => r.caseId),
    ['case-a', 'case-b'],
  );
});

const vectorArb = fc.record({
  pressure: fc.integer({ min: 0, max: 3 }),
  overture_intensity: fc.integer({ min: 0, max: 3 }),
  position_movement: fc.integer({ min: 0, max: 3 }),
  amplification: fc.integer({ min: 0, max: 3 }),
  counter_commitment: fc.integer({ min: 0, max: 3 }),
  tactics: fc.subarray([...TACTIC_NAMES] as TacticName[]),
});

test('the distance is symmetric, zero on itself, in [0, 1], and obeys the triangle inequality', () => {
  fc.assert(
    fc.property(vectorArb, vectorArb, vectorArb, (x, y, z) => {
      const d = (a: FeatureVector, b: FeatureVector) => gowerDistance(a, b).distance!;
      const eps = 1e-12;
      return (
        d(x, x) === 0 &&
        Math.abs(d(x, y) - d(y, x)) < eps &&
        d(x, y) >= 0 &&
        d(x, y) <= 1 &&
        d(x, z) <= d(x, y) + d(y, z) + eps
      );
    }),
    { numRuns: 200, seed: 5 },
  );
});
