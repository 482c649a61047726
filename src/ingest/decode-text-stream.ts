// An input's bytes as a stream of text, for readers that hand text to a streaming parser (CSV).
// The byte-order mark decides UTF-8 or UTF-16 (LE/BE) and is dropped; without one the bytes are
// UTF-8. Invalid sequences become U+FFFD, which the caller treats as a damaged record: the
// decoder keeps going, so one bad record does not lose the rest of the file.
import { TextDecoder } from 'node:util';
import type { ReadInput } from './reader.js';

export const REPLACEMENT_CHARACTER = '\uFFFD';

export async function* decodeTextStream(input: ReadInput): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head = Buffer.alloc(0);
  for await (const raw of input.open()) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw as Uint8Array);
    if (decoder === null) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 3) continue;
      decoder = new TextDecoder(bomEncoding(head)); // ignoreBOM false: the decoder drops the mark
      const text = decoder.decode(head, { stream: true });
      if (text) yield text;
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  if (decoder === null) {
    if (head.length === 0) return;
    decoder = new TextDecoder(bomEncoding(head));
    const text = decoder.decode(head);
    if (text) yield text;
    return;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

function bomEncoding(head: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
