// Bytes → text for every reader. The order follows what browsers and the feed readers that cope
// with the real web do (WHATWG Encoding "decode", miniflux's charset reader): a byte-order mark
// wins; then bytes that are valid UTF-8 are UTF-8 even when a legacy charset is declared (a
// lying prolog is far more common than legacy bytes that happen to be valid UTF-8); then the
// declared charset; then a statistical guess among windows-1251, KOI8-R and windows-1252.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { OvertureError } from '../core/errors.js';
import { guessLegacyCharset } from './guess-charset.js';
import { charsetFromContentType, normalizeCharset, sniffDeclaredCharset } from './sniff-charset.js';

export interface DecodeHints {
  /** The file path or URL, for messages. */
  label: string;
  /** The HTTP Content-Type header, when the bytes were fetched. */
  contentType?: string;
  /** A charset the caller was told by other means (a CLI option, a source's settings). */
  declared?: string;
}

export interface Decoded {
  text: string;
  /** The charset the bytes were read in, lower case (`utf-8`, `windows-1251`, `koi8-r`…). */
  encoding: string;
}

export function decodeBytes(bytes: Uint8Array, hints: DecodeHints): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const bom = byteOrderMark(buffer);
  if (bom) return { text: iconv.decode(buffer, bom), encoding: bom };

  const declared =
    (hints.declared ? normalizeCharset(hints.declared) : null) ??
    charsetFromContentType(hints.contentType) ??
    sniffDeclaredCharset(buffer);
  const isKnown = declared !== null && iconv.encodingExists(declared);
  // UTF-16 without a BOM is never valid-looking ASCII; trust the declaration when NULs show it.
  if (isKnown && declared.startsWith('utf-16') && buffer.subarray(0, 64).includes(0)) {
    return { text: iconv.decode(buffer, declared), encoding: declared };
  }
  if (isUtf8(buffer)) return { text: iconv.decode(buffer, 'utf-8'), encoding: 'utf-8' };
  if (isKnown && declared !== 'utf-8' && !declared.startsWith('utf-')) {
    return { text: iconv.decode(buffer, declared), encoding: declared };
  }
  const guess = guessLegacyCharset(buffer);
  return { text: iconv.decode(buffer, guess), encoding: guess };
}

/**
 * Decodes bytes that must be UTF-8 (a JSONL line, a CSV record), or throws invalid-input naming
 * the input, the record and the byte offset of the first bad sequence. `startByte` is where the
 * record begins in the file, so the offset reported is the file's.
 */
export function decodeUtf8Strict(bytes: Uint8Array, label: string, ref: string, startByte = 0): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (isUtf8(buffer)) return iconv.decode(buffer, 'utf-8');
  const offset = firstInvalidUtf8(buffer);
  const shown = Array.from(buffer.subarray(offset, offset + 4), (byte) => byte.toString(16).padStart(2, '0'));
  throw new OvertureError(
    'invalid-input',
    `invalid UTF-8 in ${label} ${ref} at byte ${startByte + offset}: 0x${shown.join(' 0x')} (expected UTF-8 text)`,
  );
}

function byteOrderMark(buffer: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode 15 §3.9,
 * table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF); the length when none.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return bytes.length;
}
