// Rows in PostgreSQL's COPY text format: one line per row, columns separated by tabs, NULL as
// \N, and backslash, newline, carriage return and tab escaped with a backslash (PostgreSQL
// manual, "COPY", section "Text Format"). Building this string and letting COPY parse it is
// cheaper on the embedded store than serialising one array literal per column for
// INSERT … SELECT FROM unnest(…): the arrays are built, quoted, then parsed twice.

/** A column's values, one per row, in row order: strings, numbers, booleans, Dates or null. */
export type CopyColumn = readonly unknown[];

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string')
    return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`copyValue: unsupported value of type ${typeof value}`);
}

/** The COPY text of `rows` rows given column by column (every column has `rows` values). */
export function copyText(columns: readonly CopyColumn[], rows: number): string {
  const lines: string[] = new Array(rows);
  const last = columns.length - 1;
  for (let row = 0; row < rows; row++) {
    let line = '';
    for (let col = 0; col < last; col++) line += `${copyValue(columns[col]![row])}\t`;
    lines[row] = line + copyValue(columns[last]![row]);
  }
  return rows === 0 ? '' : `${lines.join('\n')}\n`;
}
