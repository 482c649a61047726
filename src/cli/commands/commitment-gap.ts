// `overture commitment-gap`: one side's commitments (aid, membership paths, guarantees,
// deployments) by actor over time beside the other side's overtures — the gap series, the
// commitments around each overture episode, and which series leads.
import type { Command } from 'commander';
import { type CommitmentGap, commitmentGap, commitmentKind } from '../../core/analysis/commitment-gap.js';
import { parseDayOption, parsePeriod } from '../../core/analysis/period.js';
import { invalidOption } from '../../core/errors.js';
import { commitmentsDaily } from '../../store/queries/commitments-daily.js';
import { commitmentsEpisodes } from '../../store/queries/commitments-episodes.js';
import { commitmentsOverturesDaily } from '../../store/queries/commitments-overtures-daily.js';
import { numberOption } from '../analysis/number-option.js';
import type { RegisterCommand } from '../context.js';

interface GapFlags {
  period: string;
  since?: string;
  until?: string;
  committingSide: string;
  overtureSide: string;
  group?: string;
  maxLag: number;
  replicates: number;
  seed: number;
  top: number;
  json?: boolean;
}

const fmt = (x: number | null, digits = 2): string => (x === null ? '   n/a' : x.toFixed(digits).padStart(6));

function describe(gap: CommitmentGap, flags: GapFlags): string {
  const lines = [
    `commitments by ${flags.committingSide} beside overtures by ${flags.overtureSide}, per ${gap.period}, ${gap.from} → ${gap.to}`,
    `${'period'.padEnd(12)}${'commit'.padStart(8)}${'overt'.padStart(8)}${'gap'.padStart(8)}   (gap = z(overtures) − z(commitments))`,
    ...gap.points.map(
      (p) =>
        `${p.period.padEnd(12)}${String(p.commitments).padStart(8)}${String(p.overtures).padStart(8)}  ${fmt(p.gap)}`,
    ),
    '',
    'commitments by actor:',
    ...gap.actors.slice(0, flags.top).map(
      (a) =>
        `  ${a.actor.padEnd(20)} ${String(a.total).padStart(6)}  (${a.camp}; ${Object.entries(a.byKind)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', ')})`,
    ),
  ];
  if (gap.episodes.length > 0) {
    lines.push('', 'around overture episodes (commitment statements per day: before / during / after):');
    for (const e of gap.episodes) {
      lines.push(
        `  ${e.episode}  ${fmt(e.before)} / ${fmt(e.during)} / ${fmt(e.after)}  change ${e.change === null ? 'n/a' : `${e.change.toFixed(2)}×`}  mean gap ${fmt(e.meanGap)}`,
      );
    }
  }
  if (gap.correlation) {
    lines.push('', 'cross-correlation, commitments_t with overtures_t+lag (positive lag: commitments lead):');
    gap.correlation.xcorr.forEach((x, i) => {
      const band = gap.correlation!.band[i]!;
      lines.push(
        `  lag ${String(x.lag).padStart(3)}  r ${fmt(x.r)}   band ${fmt(band.lo)} … ${fmt(band.hi)}`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

export const registerCommitmentGap: RegisterCommand = (program, ctx) => {
  program
    .command('commitment-gap')
    .description(
      "one side's commitments by actor over time beside the other side's overtures, and their relation to episodes",
    )
    .option('--period <period>', 'day, week, half-month or month', 'week')
    .option('--since <day>', 'first UTC day (YYYY-MM-DD)')
    .option('--until <day>', 'last UTC day (YYYY-MM-DD)')
    .option('--committing-side <side>', 'whose commitments: a camp prefix (west, ua…) or a camp', 'west')
    .option('--overture-side <side>', 'whose overtures: a camp prefix (ru…) or a camp', 'ru')
    .option(
      '--group <name>',
      'the episodes of this speaker group (default: groups named after the overture side or its camps)',
    )
    .option(
      '--max-lag <n>',
      'cross-correlation lags either side',
      numberOption('max-lag', { integer: true, min: 0 }),
      4,
    )
    .option(
      '--replicates <n>',
      'bootstrap replicates for the band',
      numberOption('replicates', { integer: true, min: 1 }),
      499,
    )
    .option('--seed <n>', 'bootstrap seed', numberOption('seed', { integer: true, min: 0 }), 1969)
    .option('--top <n>', 'actors listed', numberOption('top', { integer: true, min: 1 }), 15)
    .option('--json', 'print {period, from, to, points, actors, episodes, correlation}')
    .action(async (flags: GapFlags, command: Command) => {
      const period = parsePeriod(flags.period);
      const since = flags.since !== undefined ? parseDayOption('since', flags.since) : undefined;
      const until = flags.until !== undefined ? parseDayOption('until', flags.until) : undefined;
      if (flags.committingSide === flags.overtureSide) {
        throw invalidOption(
          'overture-side',
          flags.overtureSide,
          `a side other than the committing side ${flags.committingSide}`,
        );
      }
      const window = { ...(since ? { since } : {}), ...(until ? { until } : {}) };
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const [commitRows, overtureRows, episodeRows] = await Promise.all([
          commitmentsDaily(store.db, { side: flags.committingSide, ...window }),
          commitmentsOverturesDaily(store.db, { side: flags.overtureSide, ...window }),
          commitmentsEpisodes(store.db, {
            side: flags.overtureSide,
            ...(flags.group ? { group: flags.group } : {}),
            ...window,
          }),
        ]);
        const gap = commitmentGap(
          commitRows.map((r) => ({
            day: r.day,
            actor: r.actor,
            camp: r.camp,
            kind: commitmentKind(r.rule ?? ''),
            statements: r.statements,
          })),
          overtureRows,
          episodeRows.map((e) => ({ id: e.id, start: e.start_day, end: e.end_day })),
          {
            period,
            ...(since ? { from: since } : {}),
            ...(until ? { to: until } : {}),
            maxLag: flags.maxLag,
            replicates: flags.replicates,
            seed: flags.seed,
          },
        );
        if (flags.json) {
          ctx.io.stdout.write(
            `${JSON.stringify({ committingSide: flags.committingSide, overtureSide: flags.overtureSide, ...gap })}\n`,
          );
          return;
        }
        if (gap.points.length === 0) {
          ctx.io.stdout.write(
            `no commitments by ${flags.committingSide} and no overtures by ${flags.overtureSide} in the store\n`,
          );
          return;
        }
        ctx.io.stdout.write(describe(gap, flags));
      } finally {
        await store.close();
      }
    });
};
