// Sentence splitting. A statement of DESIGN.md is one sentence with its offsets, so every signal,
// its evidence and its speaker hang on this split. Rule-based, in the manner of Punkt-style
// splitters without the training (Kiss & Strunk 2006): a full stop, ! ? or … ends a sentence
// when whitespace and a capital, digit or opening quote follow, unless the word before it is a
// known abbreviation («т. е.», «г.», "Mr.", "U.S.") or an initial («В. Путин»). Text inside
// quotes «» “” „“ is kept whole, so a quoted statement stays with its "— заявил Песков".
// Segments never hold leading or trailing whitespace, and only whitespace lies between them:
// joining segments and gaps gives the input back.
import type { Span } from '../types.js';

/** Folded words (with their dots) that do not end a sentence when followed by a capital. */
const ABBREVIATIONS = new Set([
  // ru / uk
  'г.',
  'гг.',
  'им.',
  'ст.',
  'см.',
  'св.',
  'стр.',
  'тыс.',
  'млн.',
  'млрд.',
  'руб.',
  'грн.',
  'долл.',
  'ул.',
  'пр.',
  'пл.',
  'обл.',
  'р-н.',
  'ген.',
  'акад.',
  'проф.',
  'зам.',
  'нач.',
  'тов.',
  'гос.',
  'т.',
  'т.е.',
  'т.д.',
  'т.п.',
  'т.к.',
  'т.н.',
  'т.зв.',
  'др.',
  'пп.',
  'п.',
  'ч.',
  'рис.',
  'прим.',
  'напр.',
  'див.',
  'вул.',
  'м.',
  'с.',
  'пан.',
  // en
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'prof.',
  'st.',
  'jr.',
  'sr.',
  'vs.',
  'etc.',
  'e.g.',
  'i.e.',
  'u.s.',
  'u.k.',
  'u.n.',
  'e.u.',
  'no.',
  'gen.',
  'lt.',
  'col.',
  'capt.',
  'sgt.',
  'sen.',
  'rep.',
  'gov.',
  'pres.',
  'amb.',
  'dept.',
  'est.',
  'approx.',
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'aug.',
  'sep.',
  'sept.',
  'oct.',
  'nov.',
  'dec.',
]);
/** Second halves of two-word abbreviations written with a space: «т. е.», «т. д.», «и т. п.». */
const SECOND_HALVES = new Set(['е.', 'д.', 'п.', 'к.', 'н.', 'зв.', 'с.']);

const CLOSERS = '»“”"’)]';
/** A quote that has not closed within this many characters is taken to be unbalanced. */
const MAX_QUOTE_CHARS = 1500;
/** Longer runs without a boundary are cut at a space, so one rule's work stays bounded. */
const MAX_SEGMENT_CHARS = 4000;

const SPACE = /\s/;
const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const LOWER = /\p{Ll}/u;

// Quote characters as UTF-16 codes: « » „ “ ” and the straight quote.
const LAQUO = 0xab;
const RAQUO = 0xbb;
const LOW9 = 0x201e;
const LDQUO = 0x201c;
const RDQUO = 0x201d;
const STRAIGHT = 0x22;
const HAS_QUOTE = /[«„“"]/;
const QUOTE_OR_NEWLINE = /[«»„“”"\n]/g;

/** The closing quotes that may end a quote opened by `code`, or null when `code` opens none. */
function closersOf(code: number): readonly number[] | null {
  switch (code) {
    case LAQUO:
      return [RAQUO];
    case LOW9:
      return [LDQUO, RDQUO];
    case LDQUO:
      return [RDQUO];
    case STRAIGHT:
      return [STRAIGHT];
    default:
      return null;
  }
}

/** depth[i] > 0 when position i lies inside a balanced quote; null when the text has no quotes. */
function quoteDepths(text: string): Int16Array | null {
  if (!HAS_QUOTE.test(text)) return null;
  const delta = new Int16Array(text.length + 1);
  const stack: Array<{ at: number; closers: readonly number[] }> = [];
  QUOTE_OR_NEWLINE.lastIndex = 0;
  for (let found = QUOTE_OR_NEWLINE.exec(text); found; found = QUOTE_OR_NEWLINE.exec(text)) {
    const i = found.index;
    const code = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (top && i - top.at > MAX_QUOTE_CHARS) stack.length = 0;
    if (code === 10 && text.charCodeAt(i + 1) === 10) stack.length = 0;
    const current = stack[stack.length - 1];
    if (current?.closers.includes(code)) {
      stack.pop();
      delta[current.at + 1] = (delta[current.at + 1] as number) + 1;
      delta[i] = (delta[i] as number) - 1;
      continue;
    }
    const closers = closersOf(code);
    if (closers === null) continue;
    // A straight quote opens only at the start of a word.
    if (
      code === STRAIGHT &&
      i > 0 &&
      !isSpaceCode(text.charCodeAt(i - 1)) &&
      !'(«„“—–-'.includes(text[i - 1] as string)
    ) {
      continue;
    }
    stack.push({ at: i, closers });
  }
  const depth = new Int16Array(text.length + 1);
  let running = 0;
  for (let i = 0; i <= text.length; i++) {
    running += delta[i] as number;
    depth[i] = running;
  }
  return depth;
}

function isSpaceCode(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code >= 0x80 && SPACE.test(String.fromCharCode(code));
}

/** Where the non-space run ending at `end` (exclusive) starts, without opening punctuation. */
function wordStart(text: string, end: number): number {
  let start = end;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (isSpaceCode(code) || OPENERS.includes(code)) break;
    start--;
  }
  return start;
}

// Opening punctuation a word before a full stop is read without: ( « „ “ and the straight quote.
const OPENERS = [0x28, LAQUO, LOW9, LDQUO, STRAIGHT];
/** The longest entry of ABBREVIATIONS and SECOND_HALVES. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS, ...SECOND_HALVES].map((a) => a.length));
const INITIALS = /^(\p{L}\.)+$/u;

/** Whether text[start, end) is a run of initials ("В.", «В.В.», "U.S.A."): a letter, a dot, again. */
function isInitials(text: string, start: number, end: number): boolean {
  if ((end - start) % 2 !== 0 || end === start) return false;
  for (let k = start + 1; k < end; k += 2) if (text.charCodeAt(k) !== FULL_STOP) return false;
  return INITIALS.test(text.slice(start, end).toLowerCase()) && /^\p{Lu}/u.test(text.slice(start, start + 1));
}

function isAbbreviation(text: string, dotAt: number): boolean {
  const start = wordStart(text, dotAt + 1);
  const length = dotAt + 1 - start;
  // Initials and dotted acronyms: «В.», «В.В.», "J.", "U.S.A."
  if (isInitials(text, start, dotAt + 1)) return true;
  if (length > LONGEST_ABBREVIATION) return false;
  const word = text.slice(start, dotAt + 1).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  if (SECOND_HALVES.has(word)) {
    let k = start - 1;
    while (k >= 0 && isSpaceCode(text.charCodeAt(k))) k--;
    if (k < 0) return false;
    const before = wordStart(text, k + 1);
    return text.slice(before, k + 1).toLowerCase() === 'т.';
  }
  return false;
}

function nextNonSpace(text: string, from: number): number {
  let k = from;
  while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
  return k;
}

const FULL_STOP = 0x2e;
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;
const ELLIPSIS = 0x2026;

const BOUNDARY_CANDIDATE = /[\n.!?\u2026]/g;

function isTerminal(code: number): boolean {
  return code === FULL_STOP || code === EXCLAMATION || code === QUESTION || code === ELLIPSIS;
}

/** Ends (exclusive offsets) of the sentences, in order; the last one is text.length. */
function boundaries(text: string): number[] {
  const depth = quoteDepths(text);
  const depthAt = (i: number) => (depth === null ? 0 : (depth[i] as number));
  const ends: number[] = [];
  // Only a newline or a terminal can end a sentence: the search jumps from one to the next.
  BOUNDARY_CANDIDATE.lastIndex = 0;
  while (BOUNDARY_CANDIDATE.test(text)) {
    const i = BOUNDARY_CANDIDATE.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === 10) {
      const k = nextNonSpace(text, i + 1);
      const blank = text.slice(i + 1, k).includes('\n');
      if (blank || (depthAt(i) === 0 && !LOWER.test(text[k] ?? ''))) ends.push(i);
      continue;
    }
    if (!isTerminal(code)) continue;
    let j = i + 1;
    while (j < text.length && (isTerminal(text.charCodeAt(j)) || CLOSERS.includes(text[j] as string))) j++;
    if (depthAt(j) !== 0) continue;
    if (j < text.length && !isSpaceCode(text.charCodeAt(j))) continue;
    const k = nextNonSpace(text, j);
    if (k < text.length) {
      const next = text[k] as string;
      const opensSomething = '«„“"([—–-•'.includes(next);
      if (!UPPER_OR_DIGIT.test(next) && !opensSomething) continue;
    }
    if (code === FULL_STOP && j === i + 1 && isAbbreviation(text, i)) continue;
    ends.push(j);
    BOUNDARY_CANDIDATE.lastIndex = j;
  }
  ends.push(text.length);
  return ends;
}

function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

function cutLong(text: string, span: Span, out: Span[]): void {
  let start = span.start;
  while (span.end - start > MAX_SEGMENT_CHARS) {
    let cut = start + MAX_SEGMENT_CHARS;
    while (cut > start + MAX_SEGMENT_CHARS / 2 && !SPACE.test(text[cut] as string)) cut--;
    const piece = trimmed(text, start, cut);
    if (piece) out.push(piece);
    start = cut;
  }
  const rest = trimmed(text, start, span.end);
  if (rest) out.push(rest);
}

/** The sentences of a text as spans (UTF-16 offsets), in order, trimmed, covering every non-space character. */
export function segment(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const end of boundaries(text)) {
    const span = trimmed(text, start, end);
    if (span) cutLong(text, span, out);
    start = end;
  }
  return out;
}
