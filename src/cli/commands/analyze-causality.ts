// `overture analyze causality`: Granger F tests and cross-correlation of two dated series — two
// CSV files, or on stored data the pressure index of an actor against a group's signal share.
import type { Command } from 'commander';
import { crossCorrelation } from '../../core/analysis/cross-correlation.js';
import { dailyCounts } from '../../core/analysis/group-series.js';
import { parseSignal } from '../../core/analysis/parse-signal.js';
import { parseDayOption, parsePeriod } from '../../core/analysis/period.js';
import { computeRates } from '../../core/analysis/rates.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import type { IndicatorPoint } from '../../core/types.js';
import { readSeriesCsv } from '../../ingest/read-series-csv.js';
import { formatTable } from '../analysis/format-table.js';
import { loadGroupSeries } from '../analysis/load-group-series.js';
import { loadPressureIndex } from '../analysis/load-pressure-index.js';
import { numberOption } from '../analysis/number-option.js';
import { readTextFile } from '../analysis/read-text-file.js';
import { resolveSpeakerGroup } from '../analysis/resolve-speaker-group.js';
import type { CliContext, RegisterCommand } from '../context.js';
import { getAnalyzeCommand } from './analyze.js';

interface CausalityFlags {
  cause?: string;
  effect?: string;
  group?: string;
  actor?: string;
  signal: string;
  period: string;
  since?: string;
  until?: string;
  maxLag: number;
  seed: number;
  replicates: number;
  blockLength?: number;
  json?: boolean;
}

export const registerAnalyzeCausality: RegisterCommand = (program, ctx) => {
  getAnalyzeCommand(program)
    .command('causality')
    .description(
      'Granger causality (ssr F test, as statsmodels) and cross-correlation with a block-bootstrap band',
    )
    .option('--cause <file>', 'CSV date,value: the series that may lead')
    .option('--effect <file>', 'CSV date,value: the series that may follow')
    .option('--group <name>', 'stored data: the group whose signal share is the effect')
    .option('--actor <name>', 'stored data: the actor whose pressure index is the cause')
    .option('--signal <category>', 'stored data: the signal whose share is the effect', 'overture')
    .option('--period <period>', 'stored data: day, week, half-month or month', 'week')
    .option('--since <day>', 'stored data: first UTC day')
    .option('--until <day>', 'stored data: last UTC day')
    .requiredOption(
      '--max-lag <n>',
      'largest lag tested (Granger 1…N, cross-correlation −N…N)',
      numberOption('max-lag', { integer: true, min: 1 }),
    )
    .option('--seed <n>', 'seed of the bootstrap', numberOption('seed', { integer: true, min: 0 }), 1969)
    .option(
      '--replicates <n>',
      'bootstrap replicates',
      numberOption('replicates', { integer: true, min: 1 }),
      999,
    )
    .option(
      '--block-length <n>',
      'bootstrap block length (default ⌈n^(1/3)⌉)',
      numberOption('block-length', { integer: true, min: 1 }),
    )
    .option(
      '--json',
      'print {"granger": [{"lag","f","p","df_num","df_den"}], "xcorr": [{"lag","r"}], "band": [{"lag","lo","hi"}], …}',
    )
    .action(async (flags: CausalityFlags, command: Command) => {
      const stored = flags.group !== undefined || flags.actor !== undefined;
      if (stored && (flags.cause || flags.effect)) {
        throw invalidOption(
          'cause',
          flags.cause ?? null,
          'either --cause and --effect files, or --group and --actor',
        );
      }
      const { cause, effect, label } = stored
        ? await seriesFromStore(ctx, flags, command)
        : await seriesFromFiles(ctx, flags);
      // Loaded here: its F distribution pulls in many modules that other commands do not need.
      const { grangerCausality, joinSeries } = await import('../../core/analysis/causality.js');
      const joined = joinSeries(cause, effect);
      const granger = grangerCausality(joined.cause, joined.effect, flags.maxLag);
      const correlation = crossCorrelation(joined.cause, joined.effect, flags.maxLag, {
        seed: flags.seed,
        replicates: flags.replicates,
        ...(flags.blockLength ? { blockLength: flags.blockLength } : {}),
      });
      if (flags.json) {
        ctx.io.stdout.write(
          `${JSON.stringify({
            granger,
            xcorr: correlation.xcorr,
            band: correlation.band,
            bootstrap: correlation.bootstrap,
            observations: joined.dates.length,
            first: joined.dates[0] ?? null,
            last: joined.dates[joined.dates.length - 1] ?? null,
            ...label,
          })}\n`,
        );
        return;
      }
      const out = ctx.io.stdout;
      out.write(
        `${joined.dates.length} joined observations, ${joined.dates[0]} … ${joined.dates[joined.dates.length - 1]}\n\n`,
      );
      out.write('Granger causality (H0: the cause does not help predict the effect)\n');
      out.write(
        formatTable([
          ['lag', 'F', 'p', 'df'],
          ...granger.map((g) => [
            String(g.lag),
            g.f === null ? '—' : g.f.toFixed(4),
            g.p === null ? '—' : g.p.toPrecision(4),
            `${g.df_num}, ${g.df_den}`,
          ]),
        ]),
      );
      out.write(
        `\nCross-correlation r(cause_t, effect_t+lag), ${Math.round(correlation.bootstrap.level * 100)}% band under no association (block bootstrap, block ${correlation.bootstrap.blockLength}, ${correlation.bootstrap.replicates} replicates, seed ${correlation.bootstrap.seed})\n`,
      );
      out.write(
        formatTable([
          ['lag', 'r', 'band', ''],
          ...correlation.xcorr.map((c, i) => {
            const band = correlation.band[i]!;
            const outside =
              c.r !== null && band.lo !== null && band.hi !== null && (c.r < band.lo || c.r > band.hi);
            return [
              String(c.lag),
              c.r === null ? '—' : c.r.toFixed(3),
              band.lo === null ? '—' : `${band.lo.toFixed(3)} … ${band.hi!.toFixed(3)}`,
              outside ? 'outside' : '',
            ];
          }),
        ]),
      );
    });
};

async function seriesFromFiles(
  ctx: CliContext,
  flags: CausalityFlags,
): Promise<{ cause: IndicatorPoint[]; effect: IndicatorPoint[]; label: Record<string, string> }> {
  if (!flags.cause || !flags.effect) {
    throw invalidOption(
      flags.cause ? 'effect' : 'cause',
      null,
      '--cause FILE and --effect FILE (or --group and --actor for stored data)',
    );
  }
  const read = async (file: string): Promise<IndicatorPoint[]> => {
    const table = readSeriesCsv(await readTextFile(ctx.io.cwd, file), file, { columns: ['value'] });
    return table.rows.map((row) => {
      const value = row.values[0];
      if (value === null || value === undefined) {
        throw new OvertureError(
          'invalid-input',
          `missing value in ${file} line ${row.line} (expected a number; the series are not filled)`,
        );
      }
      return { date: row.date, value };
    });
  };
  return {
    cause: await read(flags.cause),
    effect: await read(flags.effect),
    label: { cause: flags.cause, effect: flags.effect },
  };
}

async function seriesFromStore(
  ctx: CliContext,
  flags: CausalityFlags,
  command: Command,
): Promise<{ cause: IndicatorPoint[]; effect: IndicatorPoint[]; label: Record<string, string> }> {
  if (!flags.group || !flags.actor) {
    throw invalidOption(
      flags.group ? 'actor' : 'group',
      null,
      '--group NAME and --actor NAME together for stored data',
    );
  }
  const signal = parseSignal(flags.signal);
  const period = parsePeriod(flags.period);
  const since = flags.since ? parseDayOption('since', flags.since) : undefined;
  const until = flags.until ? parseDayOption('until', flags.until) : undefined;
  const store = await ctx.openStore(command.optsWithGlobals());
  try {
    const group = await resolveSpeakerGroup(store.db, flags.group);
    const series = await loadGroupSeries(store.db, group, [signal], {
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    });
    const pressure = await loadPressureIndex(store.db, [flags.actor], { period });
    if (pressure === null) {
      throw new OvertureError(
        'not-found',
        `no indicators for actor ${JSON.stringify(flags.actor)} (import one with overture indicators import FILE --name NAME --direction up --actor ${flags.actor})`,
      );
    }
    // Periods without statements have no share: they drop out of the join rather than count as 0.
    const effect = computeRates(dailyCounts(series, signal), { period }).flatMap((rate) =>
      rate.share === null ? [] : [{ date: rate.period, value: rate.share }],
    );
    const cause = pressure.index.flatMap((point) =>
      point.value === null ? [] : [{ date: point.period, value: point.value }],
    );
    return {
      cause,
      effect,
      label: {
        cause: `pressure index of ${pressure.actor} (${pressure.indicators.join(', ')})`,
        effect: `${signal} share of ${group.name}`,
        period,
      },
    };
  } finally {
    await store.close();
  }
}
