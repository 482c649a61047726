// `overture commitment-gap` and `overture analogues --episode` on the constructed world of
// seed-history.ts: weekly Western commitments fall while Kremlin overtures rise.
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { STORE_FACTORIES } from '../helpers/stores.js';
import { runHistoryCli } from './run-history-cli.js';
import { COMMITMENTS_PER_WEEK, OVERTURES_PER_WEEK, seedEpisode, seedHistory, WEEKS } from './seed-history.js';

for (const factory of STORE_FACTORIES) {
  describe(`commitment gap and analogues of a stored episode (${factory.name})`, () => {
    let opened: Awaited<ReturnType<typeof factory.open>>;
    let args: string[];
    let env: Record<string, string>;
    let episodeId: string;
    before(async () => {
      opened = await factory.open();
      await seedHistory(opened.store);
      episodeId = await seedEpisode(opened.store);
      await opened.store.close();
      args = opened.options.db ? ['--db', opened.options.db] : [];
      env = opened.options.databaseUrl ? { DATABASE_URL: opened.options.databaseUrl } : {};
    });
    after(() => opened.dispose());
    const run = (extra: string[]) => runHistoryCli([...extra, ...args], { env });

    test('weekly commitments by actor beside overtures, and the gap widening as commitments fall', async () => {
      const result = await run([
        'commitment-gap',
        '--period',
        'week',
        '--until',
        '2023-11-26',
        '--replicates',
        '50',
        '--json',
      ]);
      assert.equal(result.code, 0, result.stderr);
      const gap = JSON.parse(result.stdout);
      assert.equal(gap.to, '2023-11-26', 'the range is the one asked for, not that of the data');
      assert.deepEqual(
        gap.points.map((p: { period: string }) => p.period),
        WEEKS,
      );
      assert.deepEqual(
        gap.points.map((p: { commitments: number }) => p.commitments),
        COMMITMENTS_PER_WEEK,
      );
      // The last week also holds the Kremlin's and TASS's overture of 22 November.
      assert.deepEqual(
        gap.points.map((p: { overtures: number }) => p.overtures),
        [...OVERTURES_PER_WEEK.slice(0, -1), OVERTURES_PER_WEEK.at(-1)! + 2],
      );
      assert.ok(gap.points[0].gap < 0 && gap.points.at(-1).gap > 0);
      assert.deepEqual(
        gap.actors.map((a: { actor: string; byKind: Record<string, number> }) => [a.actor, a.byKind.aid]),
        [
          ['nato', 11],
          ['us', 7],
        ],
      );
      assert.equal(gap.episodes[0].episode, episodeId);
      assert.ok(gap.correlation.xcorr.find((x: { lag: number }) => x.lag === 0).r < -0.8);
      const text = await run(['commitment-gap', '--until', '2023-11-26', '--replicates', '50']);
      assert.match(text.stdout, /commitments by west beside overtures by ru, per week/);
      assert.match(text.stdout, /nato +11 {2}\(west-official; aid 11\)/);
    });

    test('the same side twice is refused', async () => {
      const result = await run(['commitment-gap', '--committing-side', 'ru']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /invalid overture-side: got "ru"/);
    });

    test('analogues of a stored episode: features derived with reasons, cases ranked', async () => {
      const result = await run(['analogues', '--episode', episodeId, '--json']);
      assert.equal(result.code, 0, result.stderr);
      const { subject, analogues } = JSON.parse(result.stdout);
      assert.deepEqual(subject.vector, {
        overture_intensity: 3,
        position_movement: 0,
        pressure: 1,
        amplification: 2,
        // No commitments during the two-day episode against a baseline of about two a week.
        counter_commitment: 0,
        tactics: ['blame', 'delegitimize'],
      });
      assert.match(subject.rationale.counter_commitment, /ran at 0\/day against 0\.\d+\/day at baseline/);
      assert.equal(analogues.length, 9);
      assert.equal(analogues[0].caseId, 'g20-overtures-2023');
      const missing = await run(['analogues', '--episode', 'x/overture/1999-01-01']);
      assert.equal(missing.code, 2);
      assert.match(
        missing.stderr,
        /no stored episode "x\/overture\/1999-01-01" \(recent: ru-official\/overture\/2023-11-22\)/,
      );
    });
  });
}
