import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import {
  amplificationLevel,
  commitmentLevel,
  type EpisodeMeasures,
  episodeFeatures,
  intensityLevel,
  movementLevel,
  pressureLevel,
} from './episode-features.js';

const counts = (assert_: number, harden: number, soften: number, drop: number) => ({
  assert: assert_,
  harden,
  soften,
  drop,
});
const evidence = { documentId: 1, statementIdx: 0, text: 'x' } as never;

const EPISODE: EpisodeMeasures = {
  intensity: { statements: 40, ratio: 3.2 },
  tactics: [
    { category: 'blame', statements: 12, ratio: 2.1, baselineShare: 0.02 },
    { category: 'wedge', statements: 1, ratio: 4, baselineShare: 0.01 },
    { category: 'threat', statements: 5, ratio: 1.1, baselineShare: 0.05 },
    { category: 'stall', statements: 3, ratio: null, baselineShare: 0 },
  ],
  positions: { byKey: [{ key: 'neutrality', counts: counts(9, 1, 0, 0) }], concessions: [] },
  amplification: [
    { camp: 'west-commentary', category: 'overture', statements: 6, ratio: 2.4 },
    { camp: 'west-media', category: 'overture', statements: 0, ratio: null },
  ],
  pressure: { difference: 1.4 },
};

test('an episode gets a value and a sentence on every feature it can be measured on', () => {
  const { vector, rationale } = episodeFeatures(EPISODE, { during: 2, baseline: 5 });
  assert.deepEqual(vector, {
    overture_intensity: 2,
    position_movement: 0,
    pressure: 3,
    amplification: 2,
    counter_commitment: 0,
    tactics: ['blame', 'stall'],
  });
  assert.match(
    rationale.overture_intensity,
    /^2 \(a sustained campaign by the leadership\): share 3\.2× the group's baseline$/,
  );
  assert.match(rationale.amplification, /strongest echo in west-commentary at 2\.4× its baseline/);
  assert.match(rationale.tactics, /blame, stall/);
});

test('what cannot be measured is left unknown, with the reason', () => {
  const { vector, rationale } = episodeFeatures({
    ...EPISODE,
    positions: { byKey: [], concessions: [] },
    pressure: null,
    amplification: [],
  });
  assert.equal(vector.position_movement, undefined);
  assert.equal(vector.pressure, undefined);
  assert.equal(vector.amplification, undefined);
  assert.equal(vector.counter_commitment, undefined);
  assert.equal(rationale.pressure, 'unknown: no pressure indicators for the group');
});

test('the cut points of each scale', () => {
  assert.deepEqual(
    [0.5, 1.9, 2, 3.9, 4].map((r) => intensityLevel(r, 10)),
    [1, 1, 2, 2, 3],
  );
  assert.equal(intensityLevel(null, 0), 0);
  assert.equal(intensityLevel(null, 3), null);
  assert.deepEqual([-1, 0, 0.3, 0.5, 0.99, 1].map(pressureLevel), [0, 0, 1, 2, 2, 3]);
  assert.equal(pressureLevel(null), null);
  assert.equal(commitmentLevel({ during: 0, baseline: 0 }), 0);
  assert.equal(commitmentLevel({ during: 1, baseline: 0 }), 3);
  assert.deepEqual(
    [0.4, 0.5, 1, 1.5].map((during) => commitmentLevel({ during, baseline: 1 })),
    [0, 1, 2, 3],
  );
  assert.equal(
    amplificationLevel([{ camp: 'x', category: 'overture', statements: 3, ratio: null }]).value,
    3,
  );
});

test('position movement: none, some concessions, a fifth softened, a fifth dropped', () => {
  const movement = (soften: number, drop: number) =>
    movementLevel({
      byKey: [{ key: 'k', counts: counts(10 - soften - drop, 0, soften, drop) }],
      concessions: [
        ...Array.from({ length: soften }, () => ({
          key: 'k',
          stance: 'soften' as const,
          day: 'd',
          actor: 'a',
          evidence,
        })),
        ...Array.from({ length: drop }, () => ({
          key: 'k',
          stance: 'drop' as const,
          day: 'd',
          actor: 'a',
          evidence,
        })),
      ],
    });
  assert.deepEqual([movement(0, 0), movement(1, 0), movement(2, 0), movement(0, 2)], [0, 1, 2, 3]);
});

test('a stored episode detail is read back; missing parts make unknown features', async () => {
  const { measuresFromStored } = await import('./episode-features.js');
  const stored = JSON.parse(JSON.stringify({ id: 'g/overture/2022-03-10', ...EPISODE, evidence: [] }));
  assert.deepEqual(episodeFeatures(measuresFromStored(stored)).vector, episodeFeatures(EPISODE).vector);
  const empty = episodeFeatures(measuresFromStored({}));
  assert.deepEqual(empty.vector, { tactics: [] });
  assert.match(empty.rationale.overture_intensity, /^unknown/);
});
