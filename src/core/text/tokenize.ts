// Words of a statement with their offsets, found once per statement and shared by every rule.
// A word is a run of letters and digits; an apostrophe between two letters stays inside it
// (Ukrainian «з'їдає», English "Russia's"); a hyphen splits it («из-за» → из, за), and codebook
// patterns are split the same way, so «neo-nazi*» and "neo nazi*" mean the same. Combining marks
// (stress accents in teaching texts), soft hyphens and zero-width characters are kept in the span
// but left out of the folded form, so «перегово́ры» still matches «переговор*».
import { foldText, foldUnit } from './fold.js';

export interface TokenList {
  readonly count: number;
  /** UTF-16 offsets into the text that was tokenized. */
  readonly starts: number[];
  readonly ends: number[];
  /** Folded forms (fold.ts), what codebook terms are compared with. */
  readonly norms: string[];
  /**
   * What stands between this word and the one before: 0 nothing but space or a hyphen, 1 a comma,
   * 2 a stronger boundary (colon, semicolon, dash, bracket, quote, sentence punctuation).
   */
  readonly breakBefore: number[];
  /**
   * Per word, a small dense id of its folded form in the intern table below (tokenize sets it):
   * for per-word caches kept in arrays rather than maps. The table starts again when full, and
   * ids with it, so an id names its word only with a check: a cache keeps the word beside what it
   * caches and compares (`cachedWord[id] === norm`, one pointer comparison when it is the word).
   * Ids are below INTERN_LIMIT.
   */
  readonly ids?: number[];
}

// Class 0 is everything else (spaces, symbols, astral characters).
const LETTER = 1;
const DIGIT = 2;
const IGNORABLE = 3; // combining marks, soft hyphen, zero-width characters: inside a word, dropped
const APOSTROPHE = 4;
const BREAK = 5; // punctuation that ends a clause
const HYPHEN = 6;

// One class per UTF-16 unit, built once. Astral characters (surrogates) count as OTHER.
const CLASS = (() => {
  const table = new Uint8Array(65536);
  const letter = /\p{L}/u;
  const digit = /\p{N}/u;
  const mark = /\p{M}/u;
  for (let code = 0; code < 65536; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCharCode(code);
    if (letter.test(ch)) table[code] = LETTER;
    else if (digit.test(ch)) table[code] = DIGIT;
    else if (mark.test(ch)) table[code] = IGNORABLE;
  }
  for (const ch of '\u00AD\u200B\u200C\u200D\u2060\uFEFF') table[ch.charCodeAt(0)] = IGNORABLE;
  for (const ch of "'\u02BC\u2019\u2018\u0060\u00B4\u2032\u02B9\uFF07") table[ch.charCodeAt(0)] = APOSTROPHE;
  // Quotation marks are not clause boundaries: «жодного «перемир'я»» still reads as one phrase.
  for (const ch of ',;:()[]{}—–―…!?.\u2212/|') table[ch.charCodeAt(0)] = BREAK;
  for (const ch of '-\u2010\u2011') table[ch.charCodeAt(0)] = HYPHEN;
  return table;
})();

// Folded words are interned: the same word in every statement is one flat string, made the
// first time it is seen. A statement's words then allocate nothing, and the maps that look them
// up later (the matcher's term cache, the model's word cache) find the hash already computed. A
// copy of its own, never a slice of the document's folded text, which a slice would keep alive as
// long as a cache holds the word. Open addressing over FNV-1a hashes; bounded, it starts again
// when full (memory stays flat whatever the input).
const INTERN_SLOTS = 1 << 18;
/** How many words the intern table holds before it starts again; every TokenList id is below it. */
export const INTERN_LIMIT = INTERN_SLOTS >>> 1;
const internMask = INTERN_SLOTS - 1;
// Per slot, side by side (one cache line for both): the word's hash, and its dense id plus one
// (the order it was interned in since the table last started; 0: an empty slot). A probe reads
// the word itself only when the hash matches.
const internMeta = new Int32Array(2 * INTERN_SLOTS);
let internWords: Array<string | undefined> = new Array(INTERN_SLOTS);
let internCount = 0;
/** The id of the word internHashed last returned. */
let internedId = 0;

/** A flat copy of `text[start, end)` folded unit by unit. */
function foldedCopyOf(text: string, start: number, end: number): string {
  let out = '';
  for (let k = start; k < end; k++) out += String.fromCharCode(foldUnit(text.charCodeAt(k)));
  return copyOf(out, 0, out.length);
}

/** A flat copy of `text[start, end)`. */
function copyOf(text: string, start: number, end: number): string {
  let out = '';
  for (let k = start; k < end; k += 4096)
    out += String.fromCharCode.apply(
      null,
      Array.from({ length: Math.min(4096, end - k) }, (_, j) => text.charCodeAt(k + j)),
    );
  return out;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The interned string equal to `text[start, end)` — folded unit by unit first when `byUnit`
 * (foldUnit) — whose FNV-1a hash the caller computed (`h`).
 */
function internHashed(text: string, start: number, end: number, h: number, byUnit: boolean): string {
  const length = end - start;
  let slot = h & internMask;
  for (;;) {
    const tag = internMeta[2 * slot + 1] as number;
    if (tag === 0) break;
    if (internMeta[2 * slot] === h) {
      const word = internWords[slot] as string;
      let same = word.length === length;
      if (byUnit)
        for (let k = 0; k < length && same; k++)
          same = word.charCodeAt(k) === foldUnit(text.charCodeAt(start + k));
      else for (let k = 0; k < length && same; k++) same = word.charCodeAt(k) === text.charCodeAt(start + k);
      if (same) {
        internedId = tag - 1;
        return word;
      }
    }
    slot = (slot + 1) & internMask;
  }
  if (internCount >= INTERN_LIMIT) {
    internWords = new Array(INTERN_SLOTS);
    internMeta.fill(0);
    internCount = 0;
    slot = h & internMask;
  }
  const word = byUnit ? foldedCopyOf(text, start, end) : copyOf(text, start, end);
  internWords[slot] = word;
  internMeta[2 * slot] = h;
  internMeta[2 * slot + 1] = internCount + 1;
  internedId = internCount;
  internCount++;
  return word;
}

function isWordPart(cls: number): boolean {
  return cls === LETTER || cls === DIGIT || cls === IGNORABLE;
}

/** A full stop followed by a word in lower case ("U.S. officials", «т. е. лидеры») ends no clause. */
function abbreviationDot(text: string, at: number, to: number): boolean {
  let k = at + 1;
  while (k < to && text.charCodeAt(k) === 32) k++;
  if (k === at + 1 || k >= to) return false;
  const next = text[k] as string;
  return next !== next.toUpperCase() && CLASS[text.charCodeAt(k)] === LETTER;
}

// tokenize's lists as it reads (their first `count` items are the statement's).
const scratchStarts: number[] = [];
const scratchEnds: number[] = [];
const scratchNorms: string[] = [];
const scratchIds: number[] = [];
const scratchBreaks: number[] = [];

/**
 * Tokenizes `text[from, to)`. `folded` is foldText(text) when the caller already has it (fold a
 * document once, tokenize each of its statements), or null when foldsByUnit(text) says the words
 * may be folded unit by unit as they are read (no folded copy of the text at all); offsets are
 * always into `text`.
 */
export function tokenize(text: string, from = 0, to = text.length, folded?: string | null): TokenList {
  const byUnit = folded === null;
  // Read unit by unit, the text itself is where the folded units come from.
  const fold = folded === null ? text : (folded ?? foldText(text));
  /** The folded unit at k. */
  const unit = (k: number) => (byUnit ? foldUnit(text.charCodeAt(k)) : fold.charCodeAt(k));
  // Into scratch lists, copied out at their exact length at the end: one allocation per list
  // instead of the two or three a list grown by push takes (half the tokenizer's garbage).
  let count = 0;
  let sawBreak = 0;
  let i = from;
  while (i < to) {
    const cls = CLASS[text.charCodeAt(i)] as number;
    if (!(cls === LETTER || cls === DIGIT)) {
      if (cls === BREAK) {
        // Punctuation between two letters or digits ("U.S.", «т.е.», "1,5") is part of the word run.
        const inside =
          i > from &&
          i + 1 < to &&
          isWordPart(CLASS[text.charCodeAt(i - 1)] as number) &&
          isWordPart(CLASS[text.charCodeAt(i + 1)] as number);
        if (!inside && !(text.charCodeAt(i) === 46 && abbreviationDot(text, i, to))) {
          sawBreak = Math.max(sawBreak, text.charCodeAt(i) === 44 ? 1 : 2);
        }
      } else if (cls === HYPHEN) {
        // A hyphen with a space on either side is a dash: a clause boundary.
        const before = i > from ? text.charCodeAt(i - 1) : 32;
        const after = i + 1 < to ? text.charCodeAt(i + 1) : 32;
        if (!isWordPart(CLASS[before] as number) || !isWordPart(CLASS[after] as number)) sawBreak = 2;
      }
      i++;
      continue;
    }
    const start = i;
    let hasIgnorable = false;
    // The folded word's hash (internHashed) as the word is read, its ignorable marks left out.
    let h = Math.imul(FNV_OFFSET ^ unit(i), FNV_PRIME);
    i++;
    while (i < to) {
      const c = CLASS[text.charCodeAt(i)] as number;
      if (c === LETTER || c === DIGIT) {
        h = Math.imul(h ^ unit(i), FNV_PRIME);
        i++;
      } else if (c === IGNORABLE) {
        hasIgnorable = true;
        i++;
      } else if (c === APOSTROPHE && i + 1 < to && CLASS[text.charCodeAt(i + 1)] === LETTER) {
        h = Math.imul(h ^ unit(i), FNV_PRIME);
        h = Math.imul(h ^ unit(i + 1), FNV_PRIME);
        i += 2;
      } else break;
    }
    let norm: string;
    if (hasIgnorable) {
      let kept = '';
      for (let k = start; k < i; k++)
        if (CLASS[text.charCodeAt(k)] !== IGNORABLE) kept += String.fromCharCode(unit(k));
      norm = internHashed(kept, 0, kept.length, h, false);
    } else norm = internHashed(fold, start, i, h, byUnit);
    scratchStarts[count] = start;
    scratchEnds[count] = i;
    scratchNorms[count] = norm;
    scratchIds[count] = internedId;
    scratchBreaks[count] = sawBreak;
    count++;
    sawBreak = 0;
  }
  return {
    count,
    starts: scratchStarts.slice(0, count),
    ends: scratchEnds.slice(0, count),
    norms: scratchNorms.slice(0, count),
    breakBefore: scratchBreaks.slice(0, count),
    ids: scratchIds.slice(0, count),
  };
}

/** The folded words of a short text (a codebook term, an alias), as the matcher sees them. */
export function foldWords(text: string): string[] {
  return tokenize(text).norms;
}
