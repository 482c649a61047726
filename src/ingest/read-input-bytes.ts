// Readers that need the whole input at once (a feed, a page, a text file) collect it here.
import type { ReadInput } from './reader.js';

export async function readInputBytes(input: ReadInput): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of input.open()) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
