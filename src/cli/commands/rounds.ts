// `overture rounds import FILE` and `overture rounds list`: negotiation rounds (date, venue,
// parties, status held/postponed/cancelled/walk-out, and per party the stated position as text
// and/or position keys with stances), from JSON or CSV into the store.
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import {
  type CsvRoundRecord,
  parseRounds,
  parseRoundsCsv,
  type RoundsFile,
} from '../../core/analysis/negotiation-rounds.js';
import { invalidOption, OvertureError } from '../../core/errors.js';
import { roundsListTalks } from '../../store/queries/rounds-list-talks.js';
import { roundsSave } from '../../store/queries/rounds-save.js';
import { readTextFile } from '../analysis/read-text-file.js';
import type { RegisterCommand } from '../context.js';

/** Reads a rounds file: CSV by extension (or `format`), JSON otherwise. CSV needs a talks name (default: the file's name). */
export async function readRoundsFile(
  cwd: string,
  path: string,
  options: { talks?: string; format?: string } = {},
): Promise<RoundsFile> {
  const format = options.format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : 'json');
  if (format !== 'csv' && format !== 'json') throw invalidOption('format', format, 'json or csv');
  const text = (await readTextFile(cwd, path)).replace(/^\uFEFF/, '');
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new OvertureError(
        'invalid-input',
        `invalid rounds file ${path}: not JSON (${(cause as Error).message})`,
        { cause },
      );
    }
    return parseRounds(value, path, options.talks);
  }
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parse(text, {
      columns: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as typeof rows;
  } catch (cause) {
    throw new OvertureError(
      'invalid-input',
      `invalid rounds file ${path}: ${(cause as Error).message} (expected CSV with a header row)`,
      {
        cause,
      },
    );
  }
  const records: CsvRoundRecord[] = rows.map(({ record, info }) => ({ line: info.lines, cells: record }));
  const talks =
    options.talks ??
    basename(path, extname(path))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-');
  return parseRoundsCsv(records, path, talks);
}

export const registerRounds: RegisterCommand = (program, ctx) => {
  const rounds = program
    .command('rounds')
    .description('negotiation rounds: import them, list the talks stored');
  rounds
    .command('import')
    .description('import a rounds file (JSON or CSV) into the store, replacing the rounds of its talks')
    .argument(
      '<file>',
      'a rounds file (see docs: JSON {talks, rounds: [...]} or CSV date,venue,status,parties,by,note,sources,party,position_text,position_keys)',
    )
    .option(
      '--talks <name>',
      'the talks the rounds belong to (required for a bare JSON array; default for CSV: the file name)',
    )
    .option('--format <format>', 'json or csv (default from the extension)')
    .option('--json', 'print {talks, rounds, replaced} as JSON')
    .action(
      async (file: string, flags: { talks?: string; format?: string; json?: boolean }, command: Command) => {
        const rounds = await readRoundsFile(ctx.io.cwd, file, {
          ...(flags.talks ? { talks: flags.talks } : {}),
          ...(flags.format ? { format: flags.format } : {}),
        });
        const store = await ctx.openStore(command.optsWithGlobals());
        try {
          const saved = await roundsSave(store.db, rounds, file);
          if (flags.json) {
            ctx.io.stdout.write(
              `${JSON.stringify({ talks: rounds.talks, rounds: saved.rounds, replaced: saved.replaced })}\n`,
            );
            return;
          }
          ctx.io.stdout.write(
            `imported ${saved.rounds} rounds of ${rounds.talks}${saved.replaced > 0 ? ` (replacing ${saved.replaced})` : ''}\n`,
          );
        } finally {
          await store.close();
        }
      },
    );
  rounds
    .command('list')
    .description('list the talks stored, with their rounds and dates')
    .option('--json', 'print {"talks": [...]}')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const store = await ctx.openStore(command.optsWithGlobals());
      try {
        const talks = await roundsListTalks(store.db);
        if (flags.json) {
          ctx.io.stdout.write(`${JSON.stringify({ talks })}\n`);
          return;
        }
        if (talks.length === 0)
          ctx.io.stdout.write('no rounds stored (import some with overture rounds import FILE)\n');
        for (const t of talks) {
          ctx.io.stdout.write(
            `${t.talks}  ${t.rounds} rounds (${t.held} held)  ${t.first_day} → ${t.last_day}${t.title ? `  ${t.title}` : ''}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
};
