// The reader for GDELT 2.0 event exports (`*.export.CSV`, or the `.zip` GDELT publishes them
// in): each row becomes an event coded by GDELT, kept beside our own signals. Plain files are
// read line by line. A zip needs random access to its central directory, so its compressed
// bytes are held in memory (a 15-minute export is well under a megabyte zipped, a daily 1.0 file
// tens of megabytes) while each CSV inside is inflated and read as a stream.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { OvertureError } from '../core/errors.js';
import { parseGdeltEventRow } from './gdelt-event-row.js';
import { readInputBytes } from './read-input-bytes.js';
import { readLines } from './read-lines.js';
import type { Reader, ReadInput, ReadItem } from './reader.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const readGdelt: Reader = async function* readGdelt(input) {
  if (await startsWithZipMagic(input)) {
    yield* readZipped(input);
    return;
  }
  const rows = yield* readRows(input);
  if (rows === 0)
    throw new OvertureError('invalid-input', `${input.label}: empty file (expected GDELT 2.0 event rows)`);
};

/** Yields the rows of one CSV and returns how many non-blank lines it had. */
async function* readRows(input: ReadInput): AsyncGenerator<ReadItem, number> {
  let rows = 0;
  for await (const line of readLines(input)) {
    const ref = `${input.label} line ${line.number}`;
    if (line.text === null) {
      rows += 1;
      yield { kind: 'rejected', ref, reason: line.problem };
      continue;
    }
    if (line.text.trim() === '') continue;
    rows += 1;
    const result = parseGdeltEventRow(line.text.split('\t'), ref);
    yield result.ok
      ? { kind: 'event', event: result.event }
      : { kind: 'rejected', ref, reason: result.reason };
  }
  return rows;
}

async function* readZipped(input: ReadInput): AsyncGenerator<ReadItem> {
  const { label } = input;
  const bytes = Buffer.from(await readInputBytes(input));
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  } catch (error) {
    throw new OvertureError(
      'invalid-input',
      `${label}: unreadable zip archive: ${message(error)} (expected a zip file)`,
      {
        cause: error,
      },
    );
  }
  let csvFiles = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (!/\.csv$/i.test(entry.fileName)) continue;
      csvFiles += 1;
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (error) {
        yield {
          kind: 'rejected',
          ref: `${label}:${entry.fileName}`,
          reason: `unreadable zip entry: ${message(error)}`,
        };
        continue;
      }
      yield* readRows({ label: `${label}:${entry.fileName}`, open: () => stream });
    }
  } catch (error) {
    if (error instanceof OvertureError) throw error;
    throw new OvertureError(
      'invalid-input',
      `${label}: broken zip archive: ${message(error)} (expected a zip file)`,
      {
        cause: error,
      },
    );
  } finally {
    zip.close();
  }
  if (csvFiles === 0) {
    throw new OvertureError(
      'invalid-input',
      `${label}: no .CSV file in the zip archive (expected a GDELT export inside)`,
    );
  }
}

async function startsWithZipMagic(input: ReadInput): Promise<boolean> {
  const stream = input.open();
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      head = Buffer.concat([
        head,
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array),
      ]);
      if (head.length >= ZIP_MAGIC.length) break;
    }
  } finally {
    stream.destroy();
  }
  return ZIP_MAGIC.every((byte, i) => head[i] === byte);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
