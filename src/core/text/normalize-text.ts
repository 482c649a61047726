// Text normalisation applied to every document before it is stored, segmented and coded, and the
// fingerprint used for near-duplicate flags. Pure: string in, string out.
//
// The canonical Ukrainian apostrophe is U+0027 ('). Sources mix U+0027, U+02BC (ʼ, the Unicode
// recommendation) and U+2019 (’, what word processors autocorrect to): the addresses corpus of
// 2022 holds all three (354 / 286 / 170 occurrences between Cyrillic letters). We pick U+0027
// because it is what an analyst types on any keyboard when writing a codebook rule or a search
// (`пам'ять`, `об'єднання`), and a rule must match whatever variant the source used. Only
// apostrophe-like marks standing between two Cyrillic letters are rewritten, so English
// quotation marks and contractions are left as the source wrote them.

/** The one apostrophe Ukrainian words carry after normalisation. */
export const CANONICAL_APOSTROPHE = "'";

// ʼ U+02BC, ’ U+2019, ‘ U+2018, ` U+0060, ´ U+00B4, ′ U+2032, ʹ U+02B9, ＇ U+FF07, ' U+0027.
const APOSTROPHE_BETWEEN_CYRILLIC =
  /(?<=\p{Script=Cyrillic})[\u02BC\u2019\u2018\u0060\u00B4\u2032\u02B9\uFF07\u0027](?=\p{Script=Cyrillic})/gu;

// Line breaks of other conventions: CRLF, CR, NEL (U+0085), line separator (U+2028), vertical tab
// and form feed. A paragraph separator (U+2029) is a paragraph break.
const LINE_BREAK = /\r\n|[\r\u0085\u2028\u000B\u000C]/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;

// Invisible characters: C0/C1 controls other than \t and \n, and every format character
// (general category Cf: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls,
// which can also hide or reorder text — the "Trojan Source" problem).
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\p{Cf}]/gu;

// Space characters other than \t and \n: the ASCII space, no-break spaces, the typographic spaces
// U+2000–U+200A, narrow no-break, medium mathematical and ideographic spaces.
const SPACE_RUN = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const SPACE_AROUND_LINE_BREAK = /[ \t]*\n[ \t]*/g;
const BLANK_LINES = /\n{3,}/g;
// Anything one of the rewrites would change: their characters, or spaces that would collapse.
const NEEDS_REWRITE =
  /[\u2029\r\u0085\u2028\u000B\u000C\u0000-\u0008\u000E-\u001F\u007F-\u009F\p{Cf}\u02BC\u2019\u2018\u0060\u00B4\u2032\u02B9\uFF07\u0027\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]| {2}|[ \t]\n|\n[ \t]|\n{3}/u;

/**
 * NFC; one apostrophe inside Cyrillic words; no invisible or control characters (but \n and
 * \t); \n line endings; runs of spaces collapsed to one; lines trimmed; at most one blank line
 * between paragraphs; the whole trimmed. Idempotent: normalizeText(normalizeText(s)) equals
 * normalizeText(s).
 */
export function normalizeText(s: string): string {
  // Most texts need none of the rewrites below: one scan says so, and then NFC and the trim are
  // all that is left to do (normalize returns its input when it is already NFC).
  if (!NEEDS_REWRITE.test(s)) return s.normalize('NFC').trim();
  return normalizeTextReference(s);
}

/** normalizeText without its shortcut: every rewrite, in order (the reference it must equal). */
export function normalizeTextReference(s: string): string {
  return s
    .replace(PARAGRAPH_SEPARATOR, '\n\n')
    .replace(LINE_BREAK, '\n')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(APOSTROPHE_BETWEEN_CYRILLIC, CANONICAL_APOSTROPHE)
    .replace(SPACE_RUN, ' ')
    .replace(SPACE_AROUND_LINE_BREAK, '\n')
    .replace(BLANK_LINES, '\n\n')
    .trim();
}

/**
 * The letters and digits of a text, lowercased, with ё read as е (Russian writes it either way)
 * and compatibility forms folded (NFKC): two texts that differ only in spacing, punctuation,
 * case, quotes or apostrophes get the same fingerprint. The store hashes it to flag near
 * duplicates (a wire story republished with a different headline style or spacing).
 *
 * One pass over the lowercased text with a table of letters and digits, not a Unicode-property
 * regular expression: it runs on every document ingested, on the thread that drives the store.
 * fingerprintTextReference is the same function written plainly; a test checks they agree.
 */
export function fingerprintText(s: string): string {
  const text = s.normalize('NFKC').toLowerCase();
  let out = '';
  let from = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let keep: boolean;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: one code point, judged by the regular expression (rare).
      width = 2;
      keep = LETTER_OR_DIGIT.test(text.slice(i, i + 2));
    } else keep = WORD_CHAR[code] === 1;
    if (keep && code !== 0x451) {
      if (from < 0) from = i;
    } else {
      if (from >= 0) out += text.slice(from, i);
      from = -1;
      if (code === 0x451) out += 'е';
    }
    i += width - 1;
  }
  if (from >= 0) out += text.slice(from);
  return out;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]+$/u;
/** 1 for the UTF-16 units that are letters or digits by themselves (not surrogates). */
const WORD_CHAR = (() => {
  const table = new Uint8Array(65536);
  const test = /[\p{L}\p{N}]/u;
  for (let code = 0; code < 65536; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (test.test(String.fromCharCode(code))) table[code] = 1;
  }
  return table;
})();

/** fingerprintText written plainly: the reference the fast version must equal. */
export function fingerprintTextReference(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
