// `overture indicators`: pressure indicators — import a dated series, list them, and show an
// actor's composite pressure index (core/analysis/pressure.ts documents the formula and weights).
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseDayOption, parsePeriod } from '../../core/analysis/period.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import { readSeriesCsv } from '../../ingest/read-series-csv.js';
import { listIndicators } from '../../store/queries/list-indicators.js';
import { saveIndicator } from '../../store/queries/save-indicator.js';
import { formatTable } from '../analysis/format-table.js';
import { loadPressureIndex } from '../analysis/load-pressure-index.js';
import { readTextFile } from '../analysis/read-text-file.js';
import type { RegisterCommand } from '../context.js';

interface ImportFlags {
  name: string;
  direction: string;
  actor?: string;
  cumulative?: boolean;
  column?: string;
  dateColumn: string;
  description?: string;
  json?: boolean;
}

export const registerIndicators: RegisterCommand = (program, ctx) => {
  const indicators = program
    .command('indicators')
    .description('pressure indicators: import dated series, list them, build the pressure index');

  indicators
    .command('import <file>')
    .description('import a CSV date,value as an indicator (replacing one of the same name)')
    .requiredOption('--name <name>', 'the indicator’s name')
    .requiredOption('--direction <up|down>', 'up: a rise is more pressure on the actor; down: a fall is')
    .option('--actor <id>', 'who the pressure is on (e.g. ru, ua)')
    .option('--cumulative', 'the values are running totals: they are differenced before use')
    .option('--column <name>', 'the value column (default: value, or the only column besides the date)')
    .option('--date-column <name>', 'the date column', 'date')
    .option('--description <text>', 'what the series measures and where it comes from')
    .option('--json', 'print {"name","points","skipped","first","last"}')
    .action(async (file: string, flags: ImportFlags, command: Command) => {
      if (flags.direction !== 'up' && flags.direction !== 'down')
        throw invalidOption('direction', flags.direction, 'up or down');
      const text = await readTextFile(ctx.io.cwd, file);
      const column = flags.column ?? guessValueColumn(text, file, flags.dateColumn);
      const table = readSeriesCsv(text, file, { dateColumn: flags.dateColumn, columns: [column] });
      const points = table.rows.flatMap((row) =>
        row.values[0] == null ? [] : [{ date: row.date, value: row.values[0] }],
      );
      const skipped = table.rows.length - points.length;
      if (points.length === 0) {
        throw new OvertureError(
          'invalid-input',
          `${file}: no values in column "${column}" (expected dated numbers)`,
        );
      }
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        await saveIndicator(store.db, {
          name: flags.name,
          actor: flags.actor ?? null,
          direction: flags.direction,
          cumulative: flags.cumulative === true,
          description: flags.description ?? null,
          importedFrom: `${basename(file)}${flags.column ? `#${column}` : ''}`,
          points,
        });
      } finally {
        await store.close();
      }
      const first = points[0]!.date;
      const last = points[points.length - 1]!.date;
      if (flags.json) {
        ctx.io.stdout.write(
          `${JSON.stringify({ name: flags.name, column, points: points.length, skipped, first, last })}\n`,
        );
      } else {
        ctx.io.stdout.write(
          `imported ${points.length} points of ${flags.name} (${first} … ${last})${skipped > 0 ? `; ${skipped} rows with an empty "${column}" skipped` : ''}\n`,
        );
      }
    });

  indicators
    .command('list')
    .description('list the stored indicators')
    .option('--actor <id>', 'only the indicators of this actor')
    .option('--json', 'print [{"name","actor","direction","cumulative","points","first_day","last_day",…}]')
    .action(async (flags: { actor?: string; json?: boolean }, command: Command) => {
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const rows = await listIndicators(store.db, flags.actor ? { actor: flags.actor } : {});
        if (flags.json) {
          ctx.io.stdout.write(`${JSON.stringify(rows)}\n`);
          return;
        }
        if (rows.length === 0) {
          ctx.io.stdout.write(
            'no indicators (import one with overture indicators import FILE --name NAME --direction up)\n',
          );
          return;
        }
        ctx.io.stdout.write(
          formatTable([
            ['name', 'actor', 'direction', 'cumulative', 'points', 'range'],
            ...rows.map((r) => [
              r.name,
              r.actor ?? '—',
              r.direction,
              r.cumulative ? 'yes' : 'no',
              String(r.points),
              `${r.first_day} … ${r.last_day}`,
            ]),
          ]),
        );
      } finally {
        await store.close();
      }
    });

  indicators
    .command('index')
    .description(
      'the composite pressure index of an actor: mean of its indicators’ signed z-scores, equal weights',
    )
    .requiredOption('--actor <id>', 'whose pressure')
    .option('--period <period>', 'day, week, half-month or month', 'week')
    .option('--since <day>', 'first UTC day')
    .option('--until <day>', 'last UTC day')
    .option('--json', 'print {"actor","indicators","period","index": [{"period","value","components"}]}')
    .action(
      async (
        flags: { actor: string; period: string; since?: string; until?: string; json?: boolean },
        command: Command,
      ) => {
        const period = parsePeriod(flags.period);
        const since = flags.since ? parseDayOption('since', flags.since) : undefined;
        const until = flags.until ? parseDayOption('until', flags.until) : undefined;
        const store = await ctx.openStore(command.optsWithGlobals());
        try {
          const pressure = await loadPressureIndex(store.db, [flags.actor], { period });
          if (pressure === null) {
            throw new OvertureError(
              'not-found',
              `no indicators for actor ${JSON.stringify(flags.actor)} (import one with overture indicators import FILE --name NAME --direction up --actor ${flags.actor})`,
            );
          }
          const index = pressure.index.filter(
            (p) => (since === undefined || p.period >= since) && (until === undefined || p.period <= until),
          );
          if (flags.json) {
            ctx.io.stdout.write(
              `${JSON.stringify({ actor: pressure.actor, indicators: pressure.indicators, period, index })}\n`,
            );
            return;
          }
          ctx.io.stdout.write(
            `pressure on ${pressure.actor} from ${pressure.indicators.join(', ')} (z-scores, + is more pressure)\n`,
          );
          ctx.io.stdout.write(
            formatTable([
              ['period', 'index', ...pressure.indicators],
              ...index.map((p) => [
                p.period,
                p.value === null ? '—' : p.value.toFixed(2),
                ...pressure.indicators.map((name) =>
                  p.components[name] === undefined ? '—' : p.components[name]!.toFixed(2),
                ),
              ]),
            ]),
          );
        } finally {
          await store.close();
        }
      },
    );
};

/** `value` when the header has it, else the only column besides the date. */
function guessValueColumn(text: string, file: string, dateColumn: string): string {
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '')
    .split(/[,;\t]/)
    .map((h) => h.trim().replace(/^"|"$/g, ''));
  if (header.some((h) => h.toLowerCase() === 'value')) return 'value';
  const others = header.filter((h) => h.toLowerCase() !== dateColumn.toLowerCase());
  if (others.length === 1) return others[0]!;
  throw invalidOption('column', null, `one of the columns of ${file}: ${others.join(', ')}`);
}
