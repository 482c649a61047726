// `overture analyze bursts`: Kleinberg burst detection on a CSV of counts or on stored data.
import type { Command } from 'commander';
import { type BurstRun, detectBursts } from '../../core/analysis/detect-bursts.js';
import { dailyCounts } from '../../core/analysis/group-series.js';
import { parseSignal } from '../../core/analysis/parse-signal.js';
import { type Period, parseDayOption, parsePeriod } from '../../core/analysis/period.js';
import { computeRates } from '../../core/analysis/rates.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import { SIGNALS, type SignalCategory } from '../../core/types.js';
import { readSeriesCsv } from '../../ingest/read-series-csv.js';
import { formatTable } from '../analysis/format-table.js';
import { loadGroupSeries } from '../analysis/load-group-series.js';
import { numberOption } from '../analysis/number-option.js';
import { readTextFile } from '../analysis/read-text-file.js';
import { resolveSpeakerGroup } from '../analysis/resolve-speaker-group.js';
import type { CliContext, RegisterCommand } from '../context.js';
import { getAnalyzeCommand } from './analyze.js';

interface BurstFlags {
  counts?: string;
  signal?: string;
  group?: string;
  period: string;
  since?: string;
  until?: string;
  s: number;
  gamma: number;
  states: number;
  json?: boolean;
}

export const registerAnalyzeBursts: RegisterCommand = (program, ctx) => {
  getAnalyzeCommand(program)
    .command('bursts')
    .description(
      'find bursts of a signal (Kleinberg 2002, batched model) in a CSV of counts or in stored data',
    )
    .option('--counts <file>', 'CSV with a header date,relevant,total (one period per row, dates increasing)')
    .option('--signal <category>', `signal to count in stored data (${SIGNALS.join(', ')})`)
    .option(
      '--group <name>',
      'speaker group in stored data: a camp, actor, source or saved group (camp:, actor:, source:, group: to be explicit)',
    )
    .option('--period <period>', 'bucket stored data by day, week, half-month or month (UTC)', 'day')
    .option('--since <day>', 'first UTC day of stored data (YYYY-MM-DD)')
    .option('--until <day>', 'last UTC day of stored data (YYYY-MM-DD)')
    .option('--s <ratio>', 'rate ratio between successive states (> 1)', numberOption('s', { above: 1 }), 2)
    .option(
      '--gamma <cost>',
      'cost of moving up a state, in units of ln(n)',
      numberOption('gamma', { min: 0 }),
      1,
    )
    .option('--states <n>', 'number of states (≥ 2)', numberOption('states', { integer: true, min: 2 }), 2)
    .option('--json', 'print {"states": [...], "bursts": [{"level","start","end"}]}')
    .action(async (flags: BurstFlags, command: Command) => {
      if (flags.counts && (flags.signal || flags.group)) {
        throw invalidOption('counts', flags.counts, 'either --counts FILE or --signal and --group, not both');
      }
      const input = flags.counts
        ? await countsFromCsv(ctx, flags.counts)
        : await countsFromStore(ctx, flags, command);
      const detection = detectBursts(input.batches, { s: flags.s, gamma: flags.gamma, states: flags.states });
      const bursts = detection.bursts.map((run: BurstRun) => ({
        level: run.level,
        start: input.labels[run.start]!,
        end: input.labels[run.end]!,
      }));
      if (flags.json) {
        const extra = input.stored
          ? { group: input.stored.group, signal: input.stored.signal, periods: input.labels }
          : {};
        ctx.io.stdout.write(`${JSON.stringify({ states: detection.states, bursts, ...extra })}\n`);
        return;
      }
      const out = ctx.io.stdout;
      out.write(
        `${input.labels.length} periods, base rate ${(detection.baseRate * 100).toFixed(2)}%, state rates ${detection.rates.map((p) => `${(p * 100).toFixed(2)}%`).join(' / ')}\n`,
      );
      if (bursts.length === 0) {
        out.write('no bursts\n');
        return;
      }
      out.write(
        formatTable([['level', 'start', 'end'], ...bursts.map((b) => [String(b.level), b.start, b.end])]),
      );
    });
};

interface BurstInput {
  batches: Array<{ relevant: number; total: number }>;
  labels: string[];
  stored?: { group: string; signal: SignalCategory };
}

async function countsFromCsv(ctx: CliContext, file: string): Promise<BurstInput> {
  const table = readSeriesCsv(await readTextFile(ctx.io.cwd, file), file, {
    columns: ['relevant', 'total'],
    ordered: true,
  });
  const batches = table.rows.map((row) => {
    const [relevant, total] = row.values;
    if (relevant === null || total === null || relevant === undefined || total === undefined) {
      throw new OvertureError(
        'invalid-input',
        `missing count in ${file} line ${row.line} (expected relevant and total)`,
      );
    }
    if (!(Number.isInteger(relevant) && Number.isInteger(total) && relevant >= 0 && relevant <= total)) {
      throw new OvertureError(
        'invalid-input',
        `invalid counts in ${file} line ${row.line}: relevant=${relevant}, total=${total} (expected integers with 0 ≤ relevant ≤ total)`,
      );
    }
    return { relevant, total };
  });
  if (batches.length === 0)
    throw new OvertureError('invalid-input', `${file}: no rows (expected date,relevant,total)`);
  return { batches, labels: table.rows.map((row) => row.date) };
}

async function countsFromStore(ctx: CliContext, flags: BurstFlags, command: Command): Promise<BurstInput> {
  if (!flags.signal || !flags.group) {
    throw invalidOption(
      'group',
      flags.group ?? null,
      '--counts FILE, or --signal CATEGORY with --group NAME',
    );
  }
  const signal = parseSignal(flags.signal);
  const period: Period = parsePeriod(flags.period);
  const since = flags.since ? parseDayOption('since', flags.since) : undefined;
  const until = flags.until ? parseDayOption('until', flags.until) : undefined;
  const store = await ctx.openStore(command.optsWithGlobals());
  try {
    const group = await resolveSpeakerGroup(store.db, flags.group);
    const series = await loadGroupSeries(store.db, group, [signal], {
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    });
    const rates = computeRates(dailyCounts(series, signal), { period });
    return {
      batches: rates.map((rate) => ({ relevant: rate.relevant, total: rate.total })),
      labels: rates.map((rate) => rate.period),
      stored: { group: group.name, signal },
    };
  } finally {
    await store.close();
  }
}
