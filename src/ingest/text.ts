// The reader for the `text` format: one plain-text file → one document (ref = the file's
// label). The bytes are decoded by BOM, valid UTF-8 or letter statistics (cp1251 and KOI8-R
// files are common in Russian archives). A short first line followed by more text is taken as
// the title, the way press releases and saved articles are usually laid out.
import { OvertureError } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import { decodeBytes } from './decode.js';
import { tidyParagraphs } from './html-to-text.js';
import { readInputBytes } from './read-input-bytes.js';
import type { Reader } from './reader.js';

/** A first line up to this long, ending without a sentence's full stop, reads as a title. */
const MAX_TITLE_CHARS = 200;

export const readText: Reader = async function* readText(input) {
  const { label } = input;
  const bytes = await readInputBytes(input);
  const { text: raw, encoding } = decodeBytes(bytes, {
    label,
    ...(input.contentType ? { contentType: input.contentType } : {}),
  });
  const text = tidyParagraphs(raw.replace(/\u0000/g, ''));
  if (text === '') throw new OvertureError('invalid-input', `${label}: empty file (expected text)`);
  const { title, body } = splitTitle(text);
  const document: DocumentInput = { ref: label, text: body, meta: { encoding }, ...(title ? { title } : {}) };
  yield { kind: 'document', document };
};

export function splitTitle(text: string): { title?: string; body: string } {
  const newline = text.indexOf('\n');
  if (newline === -1) return { body: text };
  const first = text.slice(0, newline).trim();
  const rest = text.slice(newline + 1).trim();
  const isTitle =
    first.length > 0 && first.length <= MAX_TITLE_CHARS && !/[.;,:]$/.test(first) && rest !== '';
  return isTitle ? { title: first, body: rest } : { body: text };
}
