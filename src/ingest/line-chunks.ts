// A byte stream of lines cut into chunks of whole lines, for work that is spread over threads:
// the thread that reads only finds newlines (memchr speed) and hands each chunk over as bytes,
// so decoding, checking and parsing happen where the work is done, not in the reader. Each
// chunk says the number of its first line, so a worker can name the line of any problem. A line
// longer than MAX_LINE_BYTES is refused (its bytes are skipped) rather than exhausting memory,
// as read-lines.ts does. The chunk's bytes are a fresh ArrayBuffer, safe to transfer.
import { MAX_LINE_BYTES } from './read-lines.js';

export type LineChunk =
  | { kind: 'lines'; bytes: Uint8Array<ArrayBuffer>; firstLine: number }
  | { kind: 'oversize'; line: number };

const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

function joined(parts: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Chunks of at least `target` bytes (but the last), each ending at a newline (but the last, when
 * the input does not end with one).
 */
export async function* lineChunks(
  stream: AsyncIterable<Uint8Array | string>,
  target: number,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<LineChunk> {
  let complete: Uint8Array[] = [];
  let completeBytes = 0;
  let tail: Uint8Array[] = [];
  let tailBytes = 0;
  let nextLine = 1;
  let skipping = false;

  const emit = (): LineChunk => {
    const bytes = joined(complete, completeBytes);
    const chunk: LineChunk = { kind: 'lines', bytes, firstLine: nextLine };
    nextLine += countNewlines(bytes);
    complete = [];
    completeBytes = 0;
    return chunk;
  };

  for await (const raw of stream) {
    let buffer = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    if (skipping) {
      const end = buffer.indexOf(NEWLINE);
      if (end === -1) continue;
      buffer = buffer.subarray(end + 1);
      skipping = false;
    }
    const last = buffer.lastIndexOf(NEWLINE);
    if (last === -1) {
      tail.push(buffer);
      tailBytes += buffer.length;
      if (tailBytes > maxLineBytes) {
        if (completeBytes > 0) yield emit();
        yield { kind: 'oversize', line: nextLine };
        nextLine++;
        tail = [];
        tailBytes = 0;
        skipping = true;
      }
      continue;
    }
    // The tail so far, and this buffer up to its last newline, are whole lines now.
    const first = buffer.indexOf(NEWLINE);
    if (tailBytes + first > maxLineBytes) {
      // The line that was growing ends here, too long: refuse it and keep what follows.
      if (completeBytes > 0) yield emit();
      yield { kind: 'oversize', line: nextLine };
      nextLine++;
      const rest = buffer.subarray(first + 1, last + 1);
      if (rest.length > 0) {
        complete.push(rest);
        completeBytes += rest.length;
      }
    } else {
      complete.push(...tail, buffer.subarray(0, last + 1));
      completeBytes += tailBytes + last + 1;
    }
    // Copied: the rest of the buffer must not keep the stream's buffer (or a chunk) alive.
    const rest = buffer.subarray(last + 1);
    tail = rest.length > 0 ? [Uint8Array.from(rest)] : [];
    tailBytes = rest.length;
    if (completeBytes >= target) yield emit();
  }
  if (tailBytes > 0) {
    complete.push(...tail);
    completeBytes += tailBytes;
  }
  if (completeBytes > 0) yield emit();
}
