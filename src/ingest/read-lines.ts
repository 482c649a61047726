// Line by line over an input of any size, with memory bounded by the longest line: the JSONL
// and GDELT readers never hold the whole file. UTF-8 lines are split on the byte 0x0A BEFORE
// decoding, so one line with invalid bytes is rejected alone and every other line is kept
// (a decoder over the whole stream would smear the damage or stop). A UTF-16 input (which needs
// its byte-order mark to be recognised) is decoded as a stream and split after decoding.

import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { firstInvalidUtf8 } from './decode.js';
import type { ReadInput } from './reader.js';

export type Line = { number: number; text: string } | { number: number; text: null; problem: string };

/** A line longer than this is refused (its bytes are skipped) rather than exhausting memory. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export async function* readLines(input: ReadInput): AsyncGenerator<Line> {
  const chunks = input.open()[Symbol.asyncIterator]();
  let first = Buffer.alloc(0);
  // Gather enough bytes to see a byte-order mark even if the stream starts with tiny chunks.
  while (first.length < 3) {
    const next = await chunks.next();
    if (next.done) break;
    first = Buffer.concat([first, toBuffer(next.value)]);
  }
  const rest = (async function* () {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield toBuffer(next.value);
  })();
  if (first[0] === 0xff && first[1] === 0xfe) yield* utf16Lines(first.subarray(2), rest, 'utf-16le');
  else if (first[0] === 0xfe && first[1] === 0xff) yield* utf16Lines(first.subarray(2), rest, 'utf-16be');
  else {
    const hasBom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
    yield* utf8Lines(hasBom ? first.subarray(3) : first, rest);
  }
}

async function* utf8Lines(first: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let isOversize = false;
  let number = 0;

  function finish(tail: Buffer): Line {
    number += 1;
    if (isOversize) {
      isOversize = false;
      pending = [];
      pendingBytes = 0;
      return {
        number,
        text: null,
        problem: `line longer than ${MAX_LINE_BYTES} bytes (expected one record per line)`,
      };
    }
    let bytes = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    pendingBytes = 0;
    if (bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
    return decodeLine(number, bytes);
  }

  function* split(chunk: Buffer): Generator<Line> {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      yield finish(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start >= chunk.length || isOversize) return;
    const tail = chunk.subarray(start);
    pendingBytes += tail.length;
    if (pendingBytes > MAX_LINE_BYTES) {
      isOversize = true;
      pending = [];
    } else pending.push(tail);
  }

  yield* split(first);
  for await (const chunk of rest) yield* split(chunk);
  if (pendingBytes > 0) yield finish(Buffer.alloc(0));
}

function decodeLine(number: number, bytes: Buffer): Line {
  // The native check first (it runs at memory speed); the byte-by-byte scan only to say where.
  if (isUtf8(bytes)) return { number, text: bytes.toString('utf8') };
  const offset = firstInvalidUtf8(bytes);
  const shown = Array.from(
    bytes.subarray(offset, offset + 4),
    (byte) => `0x${byte.toString(16).padStart(2, '0')}`,
  );
  return {
    number,
    text: null,
    problem: `invalid UTF-8 at byte ${offset + 1} of the line: ${shown.join(' ')} (expected UTF-8 text)`,
  };
}

async function* utf16Lines(
  first: Buffer,
  rest: AsyncIterable<Buffer>,
  encoding: 'utf-16le' | 'utf-16be',
): AsyncGenerator<Line> {
  const decoder = new TextDecoder(encoding);
  let pending = decoder.decode(first, { stream: true });
  let number = 0;
  const drain = function* (isFinal: boolean): Generator<Line> {
    const parts = pending.split('\n');
    pending = isFinal ? '' : (parts.pop() ?? '');
    if (isFinal && parts.at(-1) === '') parts.pop();
    for (const part of parts) {
      number += 1;
      yield { number, text: part.endsWith('\r') ? part.slice(0, -1) : part };
    }
  };
  yield* drain(false);
  for await (const chunk of rest) {
    pending += decoder.decode(chunk, { stream: true });
    yield* drain(false);
  }
  pending += decoder.decode();
  yield* drain(true);
}

function toBuffer(chunk: unknown): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.from(chunk as Uint8Array);
}
