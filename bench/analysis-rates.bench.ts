// Rates for the dashboard from the daily roll-ups, on the embedded store, at the scale of 10
// million statements (target: ≤ 150 ms). The roll-ups are what the rates read, so the bench
// fills them directly, as refresh-rollups would after coding 10M statements: 10 years of days,
// 60 sources in 6 camps, two speakers per source, each signal on some days.
// Usage: node --import tsx bench/analysis-rates.bench.ts [--statements 10000000] [--rounds 7]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGroupSeries } from '../src/cli/analysis/load-group-series.js';
import { dailyCounts } from '../src/core/analysis/group-series.js';
import { computeRates } from '../src/core/analysis/rates.js';
import type { SpeakerGroup } from '../src/core/analysis/speaker-group.js';
import { openStore } from '../src/store/open-store.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(argv[argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const statements = option('statements', 10_000_000);
const rounds = option('rounds', 7);
const sources = 60;
const days = 3653;
// Statements per (day, source, speaker) row so that the roll-ups sum to `statements`.
const perRow = Math.max(1, Math.round(statements / (days * sources * 2)));

const dir = mkdtempSync(join(tmpdir(), 'overture-bench-rates-'));
const store = await openStore({ db: dir });
try {
  const fillStart = performance.now();
  await store.db.query(
    `INSERT INTO sources (name, camp)
     SELECT 'source-' || i, (ARRAY['ru-official','ru-state-media','ru-milblog','ua-official','ua-media','west-media'])[1 + i % 6]
       FROM generate_series(1, $1::int) AS i`,
    [sources],
  );
  await store.db.query(
    `INSERT INTO daily_statements (day, source_id, speaker, statements)
     SELECT d::date, s.id, sp, $1::int + (s.id * 7 + extract(doy FROM d)::int) % 5
       FROM generate_series('2015-01-01'::date, '2025-01-01'::date - 1, interval '1 day') AS d,
            sources s, unnest(ARRAY['', 'speaker-' || s.id % 10]) AS sp`,
    [perRow],
  );
  await store.db.query(
    `INSERT INTO daily_signals (day, source_id, speaker, category, statements)
     SELECT r.day, r.source_id, r.speaker, c, 1 + (r.source_id + extract(doy FROM r.day)::int) % 4
       FROM daily_statements r,
            unnest(ARRAY['overture','threat','blame','position','delegitimize','stall']) AS c
      WHERE (r.source_id + extract(doy FROM r.day)::int + length(c)) % 3 = 0`,
  );
  await store.db.exec('ANALYZE');
  const [size] = await store.db.query<{ statements: number; rows: number; signals: number }>(
    `SELECT (SELECT sum(statements) FROM daily_statements)::float8 AS statements,
            (SELECT count(*) FROM daily_statements)::int AS rows,
            (SELECT count(*) FROM daily_signals)::int AS signals`,
  );
  console.log(
    `roll-ups for ${Math.round(size!.statements).toLocaleString('en')} statements: ${size!.rows.toLocaleString('en')} daily_statements rows, ${size!.signals.toLocaleString('en')} daily_signals rows (filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s)`,
  );

  const cases: Array<[string, SpeakerGroup, string[]]> = [
    [
      'camp, one signal, 10 years, weekly',
      { name: 'ru-official', camps: ['ru-official'], actors: [], sources: [] },
      ['overture'],
    ],
    [
      'camp, all signals, 10 years, weekly',
      { name: 'ru-official', camps: ['ru-official'], actors: [], sources: [] },
      [],
    ],
    [
      'actor, one signal, 10 years, weekly',
      { name: 'speaker-3', camps: [], actors: ['speaker-3'], sources: [] },
      ['overture'],
    ],
    [
      'source, one signal, 10 years, weekly',
      { name: 'source-7', camps: [], actors: [], sources: ['source-7'] },
      ['overture'],
    ],
  ];
  const rows: string[][] = [['query', 'median ms', 'min ms', 'weeks']];
  for (const [label, group, signals] of cases) {
    const times: number[] = [];
    let weeks = 0;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      const series = await loadGroupSeries(store.db, group, signals);
      weeks = computeRates(dailyCounts(series, 'overture'), { period: 'week' }).length;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push([label, times[Math.floor(times.length / 2)]!.toFixed(1), times[0]!.toFixed(1), String(weeks)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows)
    console.log(
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
    );
  console.log('target: ≤ 150 ms on the embedded store at 10M statements');
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
