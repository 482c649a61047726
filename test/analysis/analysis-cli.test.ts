// The analysis commands end to end, in-process, on the invented scenario of seed-scenario.ts and
// on the CSV fixtures in test/fixtures/analysis.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runOverture, storeArgs } from '../helpers/run-overture.js';
import { STORE_FACTORIES } from '../helpers/stores.js';
import { BURST, ECHO, lossesCsv, seedScenario } from './seed-scenario.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/analysis');

describe('analysis commands on CSV files', () => {
  test('analyze bursts prints one state per row and the bursts with their dates', async () => {
    const result = await runOverture([
      'analyze',
      'bursts',
      '--counts',
      join(fixtures, 'counts-weekly.csv'),
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      states: [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0],
      bursts: [{ level: 1, start: '2022-02-14', end: '2022-02-28' }],
    });
    const text = await runOverture([
      'analyze',
      'bursts',
      '--counts',
      join(fixtures, 'counts-weekly.csv'),
      '--states',
      '3',
      '--s',
      '3',
    ]);
    assert.match(text.stdout, /12 periods, base rate 4\.80%/);
    assert.match(text.stdout, /1 +2022-02-14 +2022-02-28/);
  });

  test('a bad row is refused with the file, the line and what was expected', async () => {
    const date = await runOverture(['analyze', 'bursts', '--counts', join(fixtures, 'counts-bad-date.csv')]);
    assert.equal(date.code, 4);
    assert.match(
      date.stderr,
      /invalid date in .*counts-bad-date\.csv line 4: "31\.02\.2022" \(expected YYYY-MM-DD\)/,
    );
    const counts = await runOverture([
      'analyze',
      'bursts',
      '--counts',
      join(fixtures, 'counts-bad-counts.csv'),
    ]);
    assert.match(counts.stderr, /invalid counts in .*counts-bad-counts\.csv line 4: relevant=30, total=13/);
    const option = await runOverture([
      'analyze',
      'bursts',
      '--counts',
      join(fixtures, 'counts-weekly.csv'),
      '--s',
      '0.5',
    ]);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /invalid s: got "0\.5" \(expected a number greater than 1\)/);
  });

  test('analyze causality gives the statsmodels F tests and a cross-correlation with its band', async () => {
    const result = await runOverture([
      'analyze',
      'causality',
      '--cause',
      join(fixtures, 'granger-cause.csv'),
      '--effect',
      join(fixtures, 'granger-effect.csv'),
      '--max-lag',
      '3',
      '--replicates',
      '199',
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout);
    const { readFileSync } = await import('node:fs');
    const expected = JSON.parse(readFileSync(join(fixtures, 'granger-expected.json'), 'utf8'));
    output.granger.forEach(
      (row: { lag: number; f: number; p: number; df_num: number; df_den: number }, i: number) => {
        const ref = expected.granger[i];
        assert.deepEqual(Object.keys(row), ['lag', 'f', 'p', 'df_num', 'df_den']);
        assert.equal(row.df_den, ref.df_den);
        assert.ok(Math.abs(row.f - ref.f) < 1e-6);
        assert.ok(Math.abs(row.p - ref.p) < 1e-6);
      },
    );
    assert.deepEqual(
      output.xcorr.map((c: { lag: number }) => c.lag),
      [-3, -2, -1, 0, 1, 2, 3],
    );
    assert.deepEqual(Object.keys(output.xcorr[0]), ['lag', 'r']);
    const lag2 = output.xcorr.findIndex((c: { lag: number }) => c.lag === 2);
    assert.ok(output.xcorr[lag2].r > output.band[lag2].hi, 'the built-in lead of 2 stands out of the band');
    assert.equal(output.observations, 61);
  });

  test('a lag too large for the data is a usage error naming the limit', async () => {
    const result = await runOverture([
      'analyze',
      'causality',
      '--cause',
      join(fixtures, 'granger-cause.csv'),
      '--effect',
      join(fixtures, 'granger-effect.csv'),
      '--max-lag',
      '30',
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /invalid max-lag: got 30 \(expected at most 19 for 61 joined observations/);
  });
});

for (const factory of STORE_FACTORIES) {
  describe(`analysis commands on stored data (${factory.name})`, () => {
    let dispose: () => Promise<void>;
    let args: string[];
    let env: Record<string, string>;
    let dir: string;
    const run = (argv: string[]) => runOverture([...args, ...argv], { env });

    before(async () => {
      const opened = await factory.open();
      dispose = opened.dispose;
      await seedScenario(opened.store);
      await opened.store.close();
      ({ args, env } = storeArgs(opened.options));
      // A scratch folder of its own: on PostgreSQL there is no store folder to put files in.
      dir = mkdtempSync(join(tmpdir(), 'overture-analysis-'));
      const losses = join(dir, 'losses.csv');
      writeFileSync(losses, lossesCsv());
      const imported = await run([
        'indicators',
        'import',
        losses,
        '--name',
        'ru-losses',
        '--direction',
        'up',
        '--actor',
        'ru',
        '--cumulative',
        '--json',
      ]);
      assert.equal(imported.code, 0, imported.stderr);
      assert.deepEqual(JSON.parse(imported.stdout), {
        name: 'ru-losses',
        column: 'value',
        points: 120,
        skipped: 0,
        first: '2022-01-01',
        last: '2022-04-30',
      });
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await dispose();
    });

    test('rates are shares of the group’s own statements per week', async () => {
      const result = await run([
        'analyze',
        'rates',
        '--group',
        'ru-official',
        '--signal',
        'overture,threat',
        '--json',
      ]);
      assert.equal(result.code, 0, result.stderr);
      const output = JSON.parse(result.stdout);
      assert.equal(output.group, 'ru-official');
      assert.deepEqual(output.members, { camps: ['ru-official'], actors: [], sources: [] });
      const overtures = output.signals[0].rates;
      const burstWeek = overtures.find((r: { period: string }) => r.period === '2022-03-14');
      assert.ok(burstWeek.total > 7 * 10 + burstWeek.relevant, 'every day has ten other statements');
      assert.equal(burstWeek.relevant, 28);
      assert.ok(burstWeek.share > 0.25 && burstWeek.share < 0.35);
      const quiet = overtures.find((r: { period: string }) => r.period === '2022-01-10');
      assert.ok(quiet.share < 0.05);
    });

    test('a stored overture burst is found in March 2022', async () => {
      const result = await run([
        'analyze',
        'bursts',
        '--signal',
        'overture',
        '--group',
        'ru-official',
        '--json',
      ]);
      assert.equal(result.code, 0, result.stderr);
      const output = JSON.parse(result.stdout);
      assert.equal(output.states.length, 120);
      assert.equal(output.periods[0], '2022-01-01');
      assert.deepEqual(output.bursts, [{ level: 1, start: BURST.from, end: BURST.to }]);
    });

    test('episodes describe the burst as a peace offensive, with checkable evidence and reasons', async () => {
      const result = await run(['episodes', '--group', 'ru-official', '--json']);
      assert.equal(result.code, 0, result.stderr);
      const { episodes } = JSON.parse(result.stdout);
      assert.equal(episodes.length, 1);
      const [episode] = episodes;
      assert.equal(episode.id, `ru-official/overture/${BURST.from}`);
      assert.equal(episode.start, BURST.from);
      assert.equal(episode.end, BURST.to);
      assert.equal(episode.classification, 'peace-offensive');
      assert.equal(episode.evidence.length, 5);
      const evidence = episode.evidence[0];
      assert.equal(evidence.text, 'Moscow remains ready for negotiations with Kyiv.');
      assert.equal(evidence.source, 'kremlin-site');
      assert.equal(evidence.spans[0].match, 'ready for negotiations');
      assert.equal(evidence.spans[0].rule, 'overture.en.test');
      assert.ok(evidence.publishedAt >= `${BURST.from}T` && evidence.publishedAt <= `${BURST.to}T23`);
      assert.ok(Number.isInteger(evidence.documentId) && Number.isInteger(evidence.statementIdx));
      assert.equal(episode.positions.concessions.length, 0);
      assert.ok(episode.positions.hardenings >= 1);
      const echo = episode.amplification.find(
        (a: { camp: string; category: string }) => a.camp === 'ua-media' && a.category === 'stalemate',
      );
      assert.equal(echo.lagDays, 5);
      assert.equal(echo.burst.start, ECHO.from);
      assert.equal(episode.pressure.actor, 'ru');
      assert.ok(episode.pressure.difference > 0.5, 'losses ran high in the 30 days before');
      const reasons = episode.reasons.join('\n');
      assert.match(reasons, /Classified as a peace offensive/);
      assert.match(reasons, /stalemate in ua-media from 2022-03-15 \(5 days after the start\)/);
      assert.match(reasons, /Companion tactics above the group's baseline: blame/);
      const text = await run(['episodes', '--group', 'ru-official', '--no-save']);
      assert.match(text.stdout, /peace-offensive/);
      assert.match(
        text.stdout,
        /\[document \d+, statement \d+\] 2022-03-\d\d kremlin-site \(ru-official\): Moscow remains ready/,
      );
    });

    test('the position ledger shows what moved and what did not', async () => {
      const result = await run(['positions', '--since', '2022-03-01', '--until', '2022-03-31', '--json']);
      assert.equal(result.code, 0, result.stderr);
      const ledger = JSON.parse(result.stdout);
      const status = Object.fromEntries(
        ledger.entries.map((e: { actor: string; key: string; status: string }) => [
          `${e.actor}/${e.key}`,
          e.status,
        ]),
      );
      assert.deepEqual(status, { 'lavrov/neutrality': 'moved', 'putin/neutrality': 'restated' });
      assert.deepEqual(
        ledger.unchanged.map((u: { actor: string; key: string }) => `${u.actor}/${u.key}`),
        ['putin/neutrality'],
      );
      const putin = await run(['positions', '--actor', 'putin', '--json']);
      const entries = JSON.parse(putin.stdout).entries;
      assert.equal(entries.length, 1);
      assert.equal(entries[0].timeline[0].evidence.spans[0].match, 'Neutral status');
    });

    test('the pressure index is the signed z-score of the differenced losses', async () => {
      const result = await run(['indicators', 'index', '--actor', 'ru', '--period', 'week', '--json']);
      assert.equal(result.code, 0, result.stderr);
      const output = JSON.parse(result.stdout);
      assert.deepEqual(output.indicators, ['ru-losses']);
      const week = output.index.find((p: { period: string }) => p.period === '2022-02-21');
      const quiet = output.index.find((p: { period: string }) => p.period === '2022-01-10');
      assert.ok(week.value > 1 && quiet.value < 0);
      const list = await run(['indicators', 'list', '--json']);
      assert.equal(JSON.parse(list.stdout)[0].points, 120);
      const missing = await run(['indicators', 'index', '--actor', 'nobody']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no indicators for actor "nobody"/);
    });

    test('causality on stored data relates the pressure index to the overture share', async () => {
      const result = await run([
        'analyze',
        'causality',
        '--group',
        'ru-official',
        '--actor',
        'ru',
        '--max-lag',
        '2',
        '--replicates',
        '99',
        '--json',
      ]);
      assert.equal(result.code, 0, result.stderr);
      const output = JSON.parse(result.stdout);
      assert.equal(output.granger.length, 2);
      assert.equal(output.effect, 'overture share of ru-official');
      assert.equal(output.observations, 18);
    });

    test('a saved group unites camps and actors', async () => {
      const saved = await run([
        'analyze',
        'groups',
        'save',
        'kremlin-voices',
        'camp:ru-official',
        'actor:peskov',
      ]);
      assert.equal(saved.code, 0, saved.stderr);
      const result = await run([
        'analyze',
        'rates',
        '--group',
        'kremlin-voices',
        '--signal',
        'overture',
        '--period',
        'month',
        '--json',
      ]);
      const output = JSON.parse(result.stdout);
      assert.deepEqual(output.members, { camps: ['ru-official'], actors: ['peskov'], sources: [] });
      const official = JSON.parse(
        (
          await run([
            'analyze',
            'rates',
            '--group',
            'ru-official',
            '--signal',
            'overture',
            '--period',
            'month',
            '--json',
          ])
        ).stdout,
      );
      assert.ok(output.signals[0].rates[2].relevant > official.signals[0].rates[2].relevant);
      const unknown = await run(['analyze', 'rates', '--group', 'nobody']);
      assert.equal(unknown.code, 2);
      assert.match(
        unknown.stderr,
        /no saved group, camp, source or actor named "nobody" \(camps with sources: ru-official, ru-state-media, ua-media, west-commentary; saved groups: kremlin-voices\)/,
      );
    });

    test('the forecast reports a probability and an honest backtest', async () => {
      const result = await run([
        'forecast',
        '--group',
        'ru-official',
        '--horizon',
        '14',
        '--min-train',
        '40',
        '--json',
      ]);
      assert.equal(result.code, 0, result.stderr);
      const [forecast] = JSON.parse(result.stdout).forecasts;
      assert.equal(forecast.group, 'ru-official');
      assert.equal(forecast.pressureActor, 'ru');
      assert.ok(forecast.probability >= 0 && forecast.probability <= 1);
      assert.ok(forecast.backtest.forecasts.length > 0);
      assert.match(forecast.verdict, /climatology|backtest/);
    });
  });
}
