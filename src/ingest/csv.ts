// The reader for CSV corpora (RFC 4180, as spreadsheets and pandas write them): a header row
// naming the columns, then one record per row; quoted fields may hold delimiters and line
// breaks. Parsed as a stream by csv-parse, so memory stays flat. The delimiter is told from the
// header line: whichever of comma, semicolon (European spreadsheets) and tab occurs most
// outside quotes. A row that cannot be read is rejected with its line number; the rest is kept.
import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { OvertureError } from '../core/errors.js';
import { inputFieldName, toCorpusDocument } from './corpus-record.js';
import { decodeTextStream, REPLACEMENT_CHARACTER } from './decode-text-stream.js';
import { detectDelimiter } from './detect-delimiter.js';
import type { Reader, ReadItem } from './reader.js';

const HEADER_SCAN_CHARS = 1024 * 1024;

export const readCsv: Reader = async function* readCsv(input, options) {
  const { label } = input;
  const chunks = decodeTextStream(input)[Symbol.asyncIterator]();
  let head = '';
  while (!head.includes('\n') && head.length < HEADER_SCAN_CHARS) {
    const next = await chunks.next();
    if (next.done) break;
    head += next.value;
  }
  if (head.trim() === '') {
    throw new OvertureError(
      'invalid-input',
      `${label}: empty file (expected a header row, then one record per row)`,
    );
  }
  const newline = head.indexOf('\n');
  const delimiter = detectDelimiter(newline === -1 ? head : head.slice(0, newline), label);
  const text = (async function* () {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();

  // Rows csv-parse could not read, with how many records came before each: they are reported
  // in file order, once the records before them have been yielded.
  const skipped: Array<{ error: CsvError; recordsBefore: number }> = [];
  let previousEnd = 0;
  let previousEmpty = 0;
  function* skippedBefore(records: number): Generator<ReadItem> {
    while (skipped.length > 0 && (skipped[0]?.recordsBefore ?? 0) < records) {
      const { error } = skipped.shift()!;
      const line = previousEnd + 1;
      const reason =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? `a quoted field opened on or after line ${line} is never closed, so the rest of the file could not be read (expected a closing ")`
          : `${error.message} (expected CSV)`;
      yield { kind: 'rejected', ref: `${label} row ${line}`, reason };
      previousEnd = Math.max(previousEnd, (error as CsvError & { lines?: number }).lines ?? line);
    }
  }
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    // A quote inside an unquoted field (`He said "no"`) is kept as text, as spreadsheets do.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  parser.on('skip', (error: CsvError & { records?: number }) => {
    skipped.push({ error, recordsBefore: error.records ?? Number.POSITIVE_INFINITY });
  });
  Readable.from(text).pipe(parser);

  let header: string[] | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: CsvInfo }>) {
    yield* skippedBefore(info.records);
    // The line the record starts on: after the previous record and any empty lines since.
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    if (header === null) {
      header = record.map((name, i) => name.trim() || `column ${i + 1}`);
      requireTextColumn(header, inputFieldName('text', options), label);
      continue;
    }
    const ref = `${label} row ${line}`;
    if (record.length !== header.length) {
      const reason = `${record.length} columns (expected ${header.length}, as in the header)`;
      yield { kind: 'rejected', ref, reason };
      continue;
    }
    if (record.some((field) => field.includes(REPLACEMENT_CHARACTER))) {
      yield { kind: 'rejected', ref, reason: 'invalid UTF-8 bytes in the row (expected UTF-8 text)' };
      continue;
    }
    const row = Object.fromEntries(header.map((name, i) => [name, record[i] ?? '']));
    const result = toCorpusDocument(row, ref, options);
    yield result.ok
      ? { kind: 'document', document: result.document }
      : { kind: 'rejected', ref, reason: result.reason };
  }
  yield* skippedBefore(Number.POSITIVE_INFINITY);
};

interface CsvInfo {
  records: number;
  lines: number;
  empty_lines: number;
}

function requireTextColumn(header: readonly string[], textColumn: string, label: string): void {
  if (header.includes(textColumn)) return;
  const found = header.slice(0, 12).join(', ') + (header.length > 12 ? ', …' : '');
  throw new OvertureError(
    'invalid-input',
    `${label}: no "${textColumn}" column in the header row (found: ${found}) ` +
      `(expected a header row naming the text column, or --map text=COLUMN)`,
  );
}
