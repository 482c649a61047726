// `overture analyze talks` and `overture rounds import|list`, on the shipped example rounds and on
// small rounds written for the tests.
import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { STORE_FACTORIES } from '../helpers/stores.js';
import { runHistoryCli } from './run-history-cli.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/history');
const rounds = resolve(import.meta.dirname, '../../data/rounds');

describe('analyze talks on files', () => {
  test('the Korean armistice timeline: two walk-outs, one by each side, and the long recess', async () => {
    const result = await runHistoryCli([
      'analyze',
      'talks',
      resolve(rounds, 'korean-armistice.json'),
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const profile = JSON.parse(result.stdout);
    assert.equal(profile.talks, 'korean-armistice');
    assert.deepEqual(
      [
        profile.pacing.rounds,
        profile.pacing.held,
        profile.pacing.walkOuts,
        profile.pacing.firstDate,
        profile.pacing.lastDate,
      ],
      [8, 6, 2, '1951-07-10', '1953-07-27'],
    );
    assert.deepEqual(profile.pacing.longestGaps[0], {
      from: 'korean-armistice/1951-10-25/1',
      to: 'korean-armistice/1952-10-08/1',
      fromDate: '1951-10-25',
      toDate: '1952-10-08',
      days: 349,
    });
    const unc = profile.parties.find((p: { party: string }) => p.party === 'UNC');
    assert.deepEqual(unc.pacing.drivers, [
      { round: 'korean-armistice/1952-10-08/1', date: '1952-10-08', status: 'walk-out' },
    ]);
    // No positions are shipped, so the position indices are unknown, not zero.
    assert.equal(unc.repetition.index, null);
    assert.equal(unc.haggling.index, null);
  });

  test('the Paris talks timeline loads and charges both suspensions of 1972 to the United States', async () => {
    const profile = JSON.parse(
      (await runHistoryCli(['analyze', 'talks', resolve(rounds, 'paris-talks.json'), '--json'])).stdout,
    );
    const us = profile.parties.find((p: { party: string }) => p.party === 'US');
    assert.deepEqual(
      us.pacing.drivers.map((d: { date: string }) => d.date),
      ['1972-03-23', '1972-05-04'],
    );
    assert.deepEqual(
      profile.parties.map((p: { party: string }) => p.party),
      ['DRV', 'NLF', 'RVN', 'US'],
    );
  });

  test('small CSV rounds: repetition, concessions, haggling and pacing with the rounds behind them', async () => {
    const result = await runHistoryCli([
      'analyze',
      'talks',
      resolve(fixtures, 'rounds-small.csv'),
      '--talks',
      'small',
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const alpha = JSON.parse(result.stdout).parties.find((p: { party: string }) => p.party === 'Alpha');
    assert.ok(Math.abs(alpha.repetition.index - 0.7) < 1e-9);
    assert.equal(alpha.concessions.total, 1);
    assert.equal(alpha.concessions.drivers[0].key, 'neutrality');
    assert.equal(alpha.haggling.smallEdits, 1);
    assert.equal(alpha.pacing.postponements, 1);
    const text = await runHistoryCli([
      'analyze',
      'talks',
      resolve(fixtures, 'rounds-small.csv'),
      '--talks',
      'small',
    ]);
    assert.match(text.stdout, /Alpha: 3 rounds with a recorded position/);
    assert.match(text.stdout, /repetition index {2}70% over 2 transitions/);
    assert.match(text.stdout, /2020-04-10: neutrality assert → soften/);
    assert.match(text.stdout, /gaps between rounds: median 26\.0 days, longest 40 days/);
  });

  test('a bad row names the file and the line; a missing file argument is a usage error', async () => {
    const bad = await runHistoryCli(['analyze', 'talks', resolve(fixtures, 'rounds-bad.csv')]);
    assert.equal(bad.code, 4);
    assert.match(
      bad.stderr,
      /invalid rounds file .*rounds-bad\.csv line 3: date: expected a UTC day written YYYY-MM-DD/,
    );
    const none = await runHistoryCli(['analyze', 'talks']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /a rounds FILE or --talks NAME/);
  });
});

for (const factory of STORE_FACTORIES) {
  describe(`rounds in the store (${factory.name})`, () => {
    let opened: Awaited<ReturnType<typeof factory.open>>;
    let args: string[];
    let env: Record<string, string>;
    before(async () => {
      opened = await factory.open();
      await opened.store.close();
      args = opened.options.db ? ['--db', opened.options.db] : [];
      env = opened.options.databaseUrl ? { DATABASE_URL: opened.options.databaseUrl } : {};
    });
    after(() => opened.dispose());
    const run = (extra: string[]) => runHistoryCli([...extra, ...args], { env });

    test('import, re-import (no duplicates), list, and analyse by name give the same profile as the file', async () => {
      const file = resolve(rounds, 'korean-armistice.json');
      const first = await run(['rounds', 'import', file, '--json']);
      assert.equal(first.code, 0, first.stderr);
      assert.deepEqual(JSON.parse(first.stdout), { talks: 'korean-armistice', rounds: 8, replaced: 0 });
      const again = JSON.parse((await run(['rounds', 'import', file, '--json'])).stdout);
      assert.deepEqual(again, { talks: 'korean-armistice', rounds: 8, replaced: 8 });
      await run(['rounds', 'import', resolve(fixtures, 'rounds-small.csv'), '--talks', 'small']);
      const list = JSON.parse((await run(['rounds', 'list', '--json'])).stdout);
      assert.deepEqual(
        list.talks.map((t: { talks: string; rounds: number }) => [t.talks, t.rounds]),
        [
          ['korean-armistice', 8],
          ['small', 5],
        ],
      );
      const stored = JSON.parse(
        (await run(['analyze', 'talks', '--talks', 'korean-armistice', '--json'])).stdout,
      );
      const fromFile = JSON.parse((await runHistoryCli(['analyze', 'talks', file, '--json'])).stdout);
      assert.deepEqual(stored, fromFile);
      const small = JSON.parse((await run(['analyze', 'talks', '--talks', 'small', '--json'])).stdout);
      assert.equal(small.parties.find((p: { party: string }) => p.party === 'Alpha').haggling.smallEdits, 1);
    });

    test('unknown talks are named with the ones stored', async () => {
      const result = await run(['analyze', 'talks', '--talks', 'minsk']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /no rounds stored for talks "minsk" \(stored: korean-armistice, small\)/);
    });
  });
}
