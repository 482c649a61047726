// Real data: daily cumulative Russian losses as claimed by Ukraine's General Staff (see
// ../shared/corpora/README.md), imported as a pressure indicator. Skipped when absent.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { runOverture } from '../helpers/run-overture.js';

const file = resolve(process.cwd(), '../shared/corpora/ru-losses-daily-ua-mod.csv');

test('a column of the losses dataset imports as a cumulative indicator and yields a monthly pressure index', {
  skip: existsSync(file) ? false : 'shared corpus absent',
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'overture-losses-'));
  try {
    const imported = await runOverture([
      '--db',
      dir,
      'indicators',
      'import',
      file,
      '--name',
      'ru-personnel',
      '--column',
      'ru_personnel_losses_cum_ua_mod',
      '--cumulative',
      '--direction',
      'up',
      '--actor',
      'ru',
      '--json',
    ]);
    assert.equal(imported.code, 0, imported.stderr);
    const summary = JSON.parse(imported.stdout);
    assert.equal(summary.first, '2022-02-25');
    assert.ok(summary.points > 1500);
    const index = await runOverture([
      '--db',
      dir,
      'indicators',
      'index',
      '--actor',
      'ru',
      '--period',
      'month',
      '--json',
    ]);
    assert.equal(index.code, 0, index.stderr);
    const months = JSON.parse(index.stdout).index as Array<{ period: string; value: number | null }>;
    assert.equal(months[0]!.period, '2022-02-01');
    // Claimed daily losses were far higher in 2023–2024 than in the spring of 2022.
    const at = (period: string) => months.find((m) => m.period === period)!.value!;
    assert.ok(at('2024-05-01') > at('2022-04-01'));
    const wrong = await runOverture([
      '--db',
      dir,
      'indicators',
      'import',
      file,
      '--name',
      'x',
      '--direction',
      'up',
    ]);
    assert.equal(wrong.code, 2);
    assert.match(
      wrong.stderr,
      /invalid column: got null \(expected one of the columns of .*ru_personnel_losses_cum_ua_mod/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
