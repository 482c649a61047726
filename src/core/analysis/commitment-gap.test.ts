import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { type CommitmentCount, commitmentGap, commitmentKind, type OvertureCount } from './commitment-gap.js';

const c = (
  day: string,
  actor: string,
  statements: number,
  kind: CommitmentCount['kind'] = 'aid',
): CommitmentCount => ({
  day,
  actor,
  camp: 'west-official',
  kind,
  statements,
});
const o = (day: string, statements: number): OvertureCount => ({ day, statements });

test('rule names give the kind of commitment', () => {
  assert.equal(commitmentKind('commitment.en.aid-package'), 'aid');
  assert.equal(commitmentKind('commitment.uk.nato-membership-path'), 'membership');
  assert.equal(commitmentKind('commitment.en.security-guarantees'), 'guarantees');
  assert.equal(commitmentKind('commitment.en.troop-deployment'), 'deployments');
  assert.equal(commitmentKind('commitment.en.solidarity'), 'other');
});

test('the gap is z(overtures) − z(commitments) per period, on a gap-free series', () => {
  // Four monthly periods: commitments 4, 4, 0, 0; overtures 0, 0, 6, 6.
  const gap = commitmentGap(
    [c('2023-01-05', 'us', 3), c('2023-01-20', 'eu', 1), c('2023-02-10', 'us', 4)],
    [o('2023-03-02', 6), o('2023-04-02', 6)],
    [],
    { period: 'month' },
  );
  assert.deepEqual(
    gap.points.map((p) => [p.period, p.commitments, p.overtures]),
    [
      ['2023-01-01', 4, 0],
      ['2023-02-01', 4, 0],
      ['2023-03-01', 0, 6],
      ['2023-04-01', 0, 6],
    ],
  );
  // Each series is ±1 SD, so the gap is −2 then +2.
  assert.deepEqual(
    gap.points.map((p) => p.gap),
    [-2, -2, 2, 2],
  );
  assert.deepEqual(
    gap.actors.map((a) => [a.actor, a.total, a.series]),
    [
      ['us', 7, [3, 4, 0, 0]],
      ['eu', 1, [1, 0, 0, 0]],
    ],
  );
  assert.equal(gap.correlation, null, 'four periods are too few for a cross-correlation');
});

test('around an episode: commitments per day before, during and after it', () => {
  const gap = commitmentGap(
    [c('2023-03-01', 'us', 10), c('2023-03-12', 'us', 2), c('2023-03-25', 'us', 20)],
    [o('2023-03-12', 5)],
    [{ id: 'ep', start: '2023-03-11', end: '2023-03-20' }],
    { period: 'day' },
  );
  const [row] = gap.episodes;
  assert.deepEqual(
    { before: row!.before, during: row!.during, after: row!.after, change: row!.change },
    { before: 1, during: 0.2, after: 2, change: 0.2 },
  );
});

test('with enough periods the cross-correlation is reported with its band, reproducibly', () => {
  const commitments: CommitmentCount[] = [];
  const overtures: OvertureCount[] = [];
  for (let w = 0; w < 20; w++) {
    const day = new Date(Date.UTC(2023, 0, 2 + 7 * w)).toISOString().slice(0, 10);
    commitments.push(c(day, 'us', w % 4 === 0 ? 1 : 8));
    overtures.push(o(day, w % 4 === 0 ? 9 : 2));
  }
  const first = commitmentGap(commitments, overtures, [], {
    period: 'week',
    maxLag: 2,
    replicates: 50,
    seed: 3,
  });
  const again = commitmentGap(commitments, overtures, [], {
    period: 'week',
    maxLag: 2,
    replicates: 50,
    seed: 3,
  });
  assert.deepEqual(first.correlation, again.correlation);
  const atZero = first.correlation!.xcorr.find((x) => x.lag === 0)!;
  assert.ok(atZero.r! < -0.99, 'overtures high exactly when commitments are low');
});

test('no data gives an empty result', () => {
  assert.deepEqual(commitmentGap([], [], [], { period: 'week' }).points, []);
});
