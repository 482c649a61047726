// Folding for matching: the form in which a codebook term and a word of a statement are compared.
// Folding never changes the length of a string (one UTF-16 unit in, one out), so an offset into
// the folded text is an offset into the original text: evidence spans point at what the source
// wrote, not at a rewritten copy.
//
// What folds: case; ё → е (Russian prints it either way); every apostrophe-like mark → U+0027
// (Ukrainian sources mix ʼ ’ ' ` — see normalize-text.ts); and look-alike letters of the other
// script inside a word (a Latin "p" typed in «пеpеговоры», a Cyrillic "е" in "Zеlensky"), which
// hides words from a naive matcher — by accident (keyboard layouts) or on purpose (evasion).

// Latin letters that look like Cyrillic ones, both cases, and the inverse map.
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  k: 'к',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);

/** Apostrophe-like marks: ʼ U+02BC, ’ U+2019, ‘ U+2018, ` U+0060, ´ U+00B4, ′ U+2032, ʹ U+02B9, ＇ U+FF07. */
const APOSTROPHES = /[\u02BC\u2019\u2018\u0060\u00B4\u2032\u02B9\uFF07]/g;
const HAS_LATIN = /[A-Za-z]/;
const HAS_CYRILLIC = /[\u0400-\u04FF]/;

/** Whether a UTF-16 code is part of a word for look-alike repair: a letter of either script or an apostrophe. */
function isCandidatePart(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 0x400 && code <= 0x4ff) ||
    code === 39
  );
}

/**
 * Every word of letters of either script (apostrophes inside) through repairLookalikes, the rest
 * as it is. Only a word holding both scripts can change, so the others are not looked at twice.
 */
function repairWords(s: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < s.length) {
    if (!isCandidatePart(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let latin = false;
    let cyrillic = false;
    for (; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (!isCandidatePart(code)) break;
      if (code >= 0x400) cyrillic = true;
      else if (code !== 39) latin = true;
    }
    if (!(latin && cyrillic)) continue;
    const word = s.slice(start, i);
    const repaired = repairLookalikes(word);
    if (repaired === word) continue;
    out += s.slice(copied, start) + repaired;
    copied = i;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

function isLatinLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
function isCyrillicLetter(code: number): boolean {
  return code >= 0x400 && code <= 0x4ff;
}

/**
 * Rewrites the letters of one script inside a word of the other: a word with a letter that
 * only Cyrillic has (г, ы, ї…) is Cyrillic, one with a letter only Latin has (g, s, z…) is
 * Latin, and otherwise the majority decides (a tie goes to Cyrillic, where the trick is mostly
 * played). A word that needs both, or a letter without a look-alike, is left alone ("iPhoneом").
 */
export function repairLookalikes(word: string): string {
  let latin = 0;
  let cyrillic = 0;
  let latinFixed = true; // every Latin letter has a Cyrillic look-alike
  let cyrillicFixed = true; // every Cyrillic letter has a Latin look-alike
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    if (isLatinLetter(code)) {
      latin++;
      if (LATIN_TO_CYRILLIC[ch] === undefined) latinFixed = false;
    } else if (isCyrillicLetter(code)) {
      cyrillic++;
      if (CYRILLIC_TO_LATIN[ch] === undefined) cyrillicFixed = false;
    }
  }
  if (latin === 0 || cyrillic === 0) return word;
  let toCyrillic: boolean;
  if (latinFixed && !cyrillicFixed) toCyrillic = true;
  else if (cyrillicFixed && !latinFixed) toCyrillic = false;
  else if (latinFixed && cyrillicFixed) toCyrillic = cyrillic >= latin;
  else return word;
  const map = toCyrillic ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = '';
  for (const ch of word) out += map[ch] ?? ch;
  return out;
}

function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  // A few characters lowercase to two units (İ → i̇); keep those as they are.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const low = ch.toLowerCase();
    out += low.length === 1 ? low : ch;
  }
  return out;
}

/**
 * The folded form of a text, the same length as the text: look-alikes repaired inside mixed
 * words, apostrophes unified, lowercased, ё → е.
 */
export function foldText(text: string): string {
  let s = text.replace(APOSTROPHES, "'");
  if (HAS_LATIN.test(s) && HAS_CYRILLIC.test(s)) s = repairWords(s);
  s = lowerSameLength(s);
  return s.indexOf('ё') === -1 ? s : s.replace(/ё/g, 'е');
}

// Folding one UTF-16 unit at a time, for a text in which that gives what foldText gives: one
// without letters of both scripts (so no look-alike to repair) and without a capital sigma (whose
// lowercase depends on its place in a word). Each unit's fold is computed once, when first met.
const FOLDED_UNIT = new Uint16Array(65536);
const APOSTROPHE_UNITS = new Set([0x02bc, 0x2019, 0x2018, 0x60, 0xb4, 0x2032, 0x02b9, 0xff07]);
const HAS_CAPITAL_SIGMA = /\u03A3/;

/** The folded form of one UTF-16 unit, as foldText folds it outside a mixed-script word. */
export function foldUnit(code: number): number {
  const known = FOLDED_UNIT[code] as number;
  if (known !== 0) return known;
  let folded = code;
  if (APOSTROPHE_UNITS.has(code)) folded = 0x27;
  else if (code < 0xd800 || code > 0xdfff) {
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  if (folded === 0x451) folded = 0x435; // ё → е
  FOLDED_UNIT[code] = folded;
  return folded;
}

/** Whether folding `text` unit by unit (foldUnit) gives foldText(text). */
export function foldsByUnit(text: string): boolean {
  return !(HAS_LATIN.test(text) && HAS_CYRILLIC.test(text)) && !HAS_CAPITAL_SIGMA.test(text);
}
