// Reads the small numeric tables the analysis commands take (`date,value`, `date,relevant,total`,
// or a wide table of dated columns such as a losses dataset): a header row naming the columns,
// then one dated row per line. Every bad row is an error naming the file, the line and what was
// expected, because a silently dropped day would shift every lag after it.
import { parse } from 'csv-parse/sync';
import { isDay } from '../core/analysis/period.js';
import { OvertureError } from '../core/errors.js';

export interface SeriesRow {
  /** 1-based line of the file. */
  line: number;
  date: string;
  /** One value per requested column; null where the cell is empty. */
  values: Array<number | null>;
}

export interface SeriesTable {
  header: string[];
  rows: SeriesRow[];
}

export interface ReadSeriesOptions {
  /** Name of the date column (default `date`). */
  dateColumn?: string;
  /** Columns to read as numbers, in this order. */
  columns: readonly string[];
  /** Dates must strictly increase from row to row (a sequence of periods). */
  ordered?: boolean;
}

export function readSeriesCsv(text: string, label: string, options: ReadSeriesOptions): SeriesTable {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: [',', ';', '\t'],
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  } catch (cause) {
    throw new OvertureError('invalid-input', `${label}: ${(cause as Error).message} (expected CSV)`, {
      cause,
    });
  }
  const [header, ...body] = records;
  const dateColumn = options.dateColumn ?? 'date';
  if (!header)
    throw new OvertureError(
      'invalid-input',
      `${label}: empty file (expected a header row ${[dateColumn, ...options.columns].join(',')})`,
    );
  const names = header.map((name) => name.trim().toLowerCase());
  const indexOf = (name: string): number => {
    const i = names.indexOf(name.toLowerCase());
    if (i < 0) {
      throw new OvertureError(
        'invalid-input',
        `${label} line 1: no column "${name}" in the header ${JSON.stringify(header.join(','))} (expected ${[dateColumn, ...options.columns].join(',')})`,
      );
    }
    return i;
  };
  const dateAt = indexOf(dateColumn);
  const valueAt = options.columns.map(indexOf);
  // Line numbers: csv-parse skipped empty lines, so count them back from the raw text.
  const lines = lineNumbers(text, records.length);
  const rows: SeriesRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((record, i) => {
    const line = lines[i + 1] ?? i + 2;
    const date = (record[dateAt] ?? '').trim();
    if (!isDay(date)) {
      throw new OvertureError(
        'invalid-input',
        `invalid date in ${label} line ${line}: ${JSON.stringify(date)} (expected YYYY-MM-DD)`,
      );
    }
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      throw new OvertureError(
        'invalid-input',
        `duplicate date in ${label} line ${line}: ${date} (already on line ${earlier})`,
      );
    }
    const previous = rows[rows.length - 1];
    if (options.ordered && previous && date <= previous.date) {
      throw new OvertureError(
        'invalid-input',
        `out-of-order date in ${label} line ${line}: ${date} after ${previous.date} (expected dates in increasing order)`,
      );
    }
    seen.set(date, line);
    const values = valueAt.map((at, j) => {
      const cell = (record[at] ?? '').trim();
      if (cell === '') return null;
      const value = Number(cell);
      if (!Number.isFinite(value)) {
        throw new OvertureError(
          'invalid-input',
          `invalid ${options.columns[j]} in ${label} line ${line}: ${JSON.stringify(cell)} (expected a number)`,
        );
      }
      return value;
    });
    rows.push({ line, date, values });
  });
  return { header, rows };
}

/** The 1-based line each non-empty line starts on (tables here hold no quoted line breaks). */
function lineNumbers(text: string, count: number): number[] {
  const numbers: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '' && numbers.length < count) numbers.push(i + 1);
  });
  return numbers;
}
