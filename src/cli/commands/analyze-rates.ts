// `overture analyze rates`: counts and shares of signals per period for a speaker group.
import type { Command } from 'commander';
import { dailyCounts } from '../../core/analysis/group-series.js';
import { parseSignal } from '../../core/analysis/parse-signal.js';
import { parseDayOption, parsePeriod } from '../../core/analysis/period.js';
import { computeRates, type Rate } from '../../core/analysis/rates.js';
import { SIGNALS } from '../../core/types.js';
import { formatShare, formatTable } from '../analysis/format-table.js';
import { loadGroupSeries } from '../analysis/load-group-series.js';
import { resolveSpeakerGroup } from '../analysis/resolve-speaker-group.js';
import type { RegisterCommand } from '../context.js';
import { getAnalyzeCommand } from './analyze.js';

interface RateFlags {
  group: string;
  signal?: string;
  period: string;
  since?: string;
  until?: string;
  json?: boolean;
}

export const registerAnalyzeRates: RegisterCommand = (program, ctx) => {
  getAnalyzeCommand(program)
    .command('rates')
    .description(
      "counts and shares of signals per day, week, half-month or month (UTC), shares of the group's own statements",
    )
    .requiredOption(
      '--group <name>',
      'a camp, actor, source or saved group (camp:, actor:, source:, group: to be explicit)',
    )
    .option('--signal <list>', `comma-separated signals (default: all of ${SIGNALS.join(', ')})`)
    .option('--period <period>', 'day, week, half-month or month', 'week')
    .option('--since <day>', 'first UTC day (YYYY-MM-DD)')
    .option('--until <day>', 'last UTC day (YYYY-MM-DD)')
    .option(
      '--json',
      'print {"group", "period", "members", "signals": [{"signal", "rates": [{"period","end","relevant","total","share"}]}]}',
    )
    .action(async (flags: RateFlags, command: Command) => {
      const signals = flags.signal ? flags.signal.split(',').map((s) => parseSignal(s.trim())) : [...SIGNALS];
      const period = parsePeriod(flags.period);
      const since = flags.since ? parseDayOption('since', flags.since) : undefined;
      const until = flags.until ? parseDayOption('until', flags.until) : undefined;
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const group = await resolveSpeakerGroup(store.db, flags.group);
        const series = await loadGroupSeries(store.db, group, signals, {
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
        });
        const bySignal = signals.map((signal) => ({
          signal,
          rates: computeRates(dailyCounts(series, signal), { period }),
        }));
        if (flags.json) {
          const { name, ...members } = group;
          ctx.io.stdout.write(`${JSON.stringify({ group: name, period, members, signals: bySignal })}\n`);
          return;
        }
        const first: Rate[] = bySignal[0]?.rates ?? [];
        if (first.length === 0) {
          ctx.io.stdout.write(`no statements for ${group.name}\n`);
          return;
        }
        const header = ['period', 'statements', ...signals];
        const rows = first.map((rate, i) => [
          rate.period,
          String(rate.total),
          ...bySignal.map(({ rates }) => `${rates[i]!.relevant} (${formatShare(rates[i]!.share)})`),
        ]);
        ctx.io.stdout.write(formatTable([header, ...rows]));
      } finally {
        await store.close();
      }
    });
};
