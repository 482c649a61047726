// The work of `overture classify` on one chunk of input bytes (whole lines, see
// ingest/line-chunks.ts): split, check UTF-8, parse, code, and serialise each record, and name
// the line of every record that cannot be read. Runs in the worker threads and, for small
// inputs, in the main thread, so both give the same output byte for byte.
import { isUtf8 } from 'node:buffer';
import type { Coder } from '../core/coding/coder.js';
import { OvertureError } from '../core/errors.js';
import { firstInvalidUtf8 } from '../ingest/decode.js';
import { classifyRecord, parseClassifyLine } from './classify-record.js';

export interface ChunkOutput {
  /** Output lines, each ending in \n. */
  out: string;
  /** One message per rejected line, in line order. */
  errors: string[];
  records: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** The problem with a line's bytes, or null when they are UTF-8. */
function utf8Problem(bytes: Uint8Array): string | null {
  if (isUtf8(bytes)) return null;
  const offset = firstInvalidUtf8(bytes);
  const shown = Array.from(
    bytes.subarray(offset, offset + 4),
    (byte) => `0x${byte.toString(16).padStart(2, '0')}`,
  );
  return `invalid UTF-8 at byte ${offset + 1} of the line: ${shown.join(' ')} (expected UTF-8 text)`;
}

export function classifyChunk(
  coder: Coder,
  bytes: Uint8Array,
  firstLine: number,
  label: string,
  options: { allStatements: boolean },
): ChunkOutput {
  const out: string[] = [];
  const errors: string[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let start = 0;
  // A UTF-8 byte-order mark before the first line is not part of it.
  if (firstLine === 1 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3;
  // Nearly always the whole chunk is UTF-8: checked and decoded at once, then split by line.
  // Otherwise line by line, so that each bad line is named and the others are read.
  if (isUtf8(buffer.subarray(start))) {
    const text = buffer.toString('utf8', start);
    let at = 0;
    for (let number = firstLine; at < text.length; number++) {
      let end = text.indexOf('\n', at);
      const next = end === -1 ? text.length : end + 1;
      if (end === -1) end = text.length;
      if (end > at && text.charCodeAt(end - 1) === 13) end--;
      const line = text.slice(at, end);
      at = next;
      codeLine(line, number);
    }
    return { out: out.length > 0 ? `${out.join('\n')}\n` : '', errors, records: out.length };
  }
  function codeLine(text: string, number: number): void {
    if (text.trim() === '') return;
    try {
      const record = parseClassifyLine(text, label, number);
      out.push(JSON.stringify(classifyRecord(coder, record, options)));
    } catch (error) {
      if (!(error instanceof OvertureError)) throw error;
      errors.push(error.message);
    }
  }
  for (let number = firstLine; start < buffer.length; number++) {
    let end = buffer.indexOf(NEWLINE, start);
    const next = end === -1 ? buffer.length : end + 1;
    if (end === -1) end = buffer.length;
    if (end > start && buffer[end - 1] === CARRIAGE_RETURN) end--;
    const line = buffer.subarray(start, end);
    start = next;
    const problem = utf8Problem(line);
    if (problem !== null) {
      errors.push(`invalid record in ${label} line ${number}: ${problem}`);
      continue;
    }
    codeLine(line.toString('utf8'), number);
  }
  return { out: out.length > 0 ? `${out.join('\n')}\n` : '', errors, records: out.length };
}
