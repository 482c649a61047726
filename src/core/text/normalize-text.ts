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

/**
 * NFC; one apostrophe inside Cyrillic words; no invisible or control characters (but \n and
 * \t); \n line endings; runs of spaces collapsed to one; lines trimmed; at most one blank line
 * between paragraphs; the whole trimmed. Idempotent: normalizeText(normalizeText(s)) equals
 * normalizeText(s).
 */
export function normalizeText(s: string): string {
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
 */
export function fingerprintText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
