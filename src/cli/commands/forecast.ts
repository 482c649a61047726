// `overture forecast`: the probability that a new episode starts within N days, with a
// rolling-origin backtest against climatology reported as it is (core/analysis/forecast.ts).
import type { Command } from 'commander';
import { FORECAST_DEFAULTS, type Forecast, forecastEpisodes } from '../../core/analysis/forecast.js';
import { parseSignal } from '../../core/analysis/parse-signal.js';
import { parseDayOption } from '../../core/analysis/period.js';
import { groupCamps } from '../../store/queries/group-camps.js';
import { loadGroupSeries } from '../analysis/load-group-series.js';
import { loadPressureIndex, pressureActorsOf } from '../analysis/load-pressure-index.js';
import { numberOption } from '../analysis/number-option.js';
import { resolveSpeakerGroups } from '../analysis/resolve-speaker-group.js';
import type { RegisterCommand } from '../context.js';

interface ForecastFlags {
  group?: string[];
  signal: string;
  horizon: number;
  window: number;
  pressureLag: number;
  step: number;
  minTrain: number;
  pressureActor?: string;
  since?: string;
  until?: string;
  json?: boolean;
  backtest?: boolean;
}

export const registerForecast: RegisterCommand = (program, ctx) => {
  program
    .command('forecast')
    .description('early warning: P(a new episode starts within N days), with a backtest against climatology')
    .option(
      '--group <name>',
      'speaker group (repeatable); default every camp with sources',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--signal <category>', 'the signal whose episodes are forecast', 'overture')
    .option(
      '--horizon <days>',
      'N: the window ahead',
      numberOption('horizon', { integer: true, min: 1 }),
      FORECAST_DEFAULTS.horizonDays,
    )
    .option(
      '--window <days>',
      'days of recent shares and pressure in each feature',
      numberOption('window', { integer: true, min: 1 }),
      FORECAST_DEFAULTS.windowDays,
    )
    .option(
      '--pressure-lag <days>',
      'how far back the pressure feature ends',
      numberOption('pressure-lag', { integer: true, min: 0 }),
      FORECAST_DEFAULTS.pressureLagDays,
    )
    .option(
      '--step <days>',
      'days between backtest origins',
      numberOption('step', { integer: true, min: 1 }),
      FORECAST_DEFAULTS.stepDays,
    )
    .option(
      '--min-train <days>',
      'days of history before the first backtest origin',
      numberOption('min-train', { integer: true, min: 1 }),
      FORECAST_DEFAULTS.minTrainDays,
    )
    .option('--pressure-actor <name>', 'whose pressure indicators to use (default guessed from the group)')
    .option('--since <day>', 'first UTC day of data')
    .option('--until <day>', 'last UTC day of data (the forecast is made as of this day)')
    .option('--backtest', 'list every backtest forecast in the text output')
    .option(
      '--json',
      'print {"forecasts": [{group, probability, climatology, features, backtest: {forecasts, brier, brierClimatology, skill, beatsClimatology}, verdict}]}',
    )
    .action(async (flags: ForecastFlags, command: Command) => {
      const signal = parseSignal(flags.signal);
      const since = flags.since ? parseDayOption('since', flags.since) : undefined;
      const until = flags.until ? parseDayOption('until', flags.until) : undefined;
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const groups = await resolveSpeakerGroups(store.db, flags.group);
        const forecasts: Array<Forecast & { group: string; pressureActor: string | null }> = [];
        for (const group of groups) {
          const series = await loadGroupSeries(store.db, group, [signal, 'overture', 'threat'], {
            ...(since ? { since } : {}),
            ...(until ? { until } : {}),
          });
          const camps = (await groupCamps(store.db, { group })).map((row) => row.camp);
          const first = series.days[0];
          const last = series.days[series.days.length - 1];
          const pressure =
            first && last
              ? await loadPressureIndex(
                  store.db,
                  flags.pressureActor ? [flags.pressureActor] : pressureActorsOf(group, camps),
                  { period: 'day', from: first, to: last, standardise: 'expanding' },
                )
              : null;
          const forecast = forecastEpisodes(series, pressure ? pressure.index.map((p) => p.value) : null, {
            category: signal,
            horizonDays: flags.horizon,
            windowDays: flags.window,
            pressureLagDays: flags.pressureLag,
            stepDays: flags.step,
            minTrainDays: flags.minTrain,
          });
          forecasts.push({ group: group.name, pressureActor: pressure?.actor ?? null, ...forecast });
        }
        if (flags.json) {
          ctx.io.stdout.write(`${JSON.stringify({ forecasts })}\n`);
          return;
        }
        for (const f of forecasts) {
          const p = f.probability === null ? 'n/a' : `${(f.probability * 100).toFixed(1)}%`;
          const c = f.climatology === null ? 'n/a' : `${(f.climatology * 100).toFixed(1)}%`;
          ctx.io.stdout.write(
            `${f.group}: P(new ${f.category} episode within ${f.horizonDays} days of ${f.asOf || 'no data'}) = ${p} (climatology ${c})\n`,
          );
          ctx.io.stdout.write(
            `  features: ${f.features.map((x) => `${x.name} ${x.value.toFixed(3)}${x.coefficient === null ? '' : ` (coef ${x.coefficient.toFixed(2)})`}`).join('; ')}${f.pressureActor ? `; pressure of ${f.pressureActor}` : '; no pressure indicators'}\n`,
          );
          const b = f.backtest;
          ctx.io.stdout.write(
            `  backtest: ${b.forecasts.length} forecasts, Brier ${b.brier?.toFixed(4) ?? 'n/a'} vs climatology ${b.brierClimatology?.toFixed(4) ?? 'n/a'}, skill ${b.skill?.toFixed(3) ?? 'n/a'}\n  ${f.verdict}\n`,
          );
          if (flags.backtest) {
            for (const x of b.forecasts) {
              ctx.io.stdout.write(
                `    ${x.origin}  p=${x.probability.toFixed(3)}  climatology=${x.climatology.toFixed(3)}  outcome=${x.outcome}\n`,
              );
            }
          }
        }
      } finally {
        await store.close();
      }
    });
};
