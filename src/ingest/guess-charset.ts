// Guesses the charset of bytes that are not UTF-8 and declare nothing. Russian and Ukrainian
// sites still serve windows-1251 and KOI8-R, Western ones windows-1252 (latin-1), so those are
// the three candidates. The guess works on letter statistics, the way Cyrillic charset
// detectors have since the 1990s (e.g. Mozilla's universalchardet, Li & Momoi 2001): Cyrillic
// words are made only of high bytes, Western words carry an accented letter here and there; and
// text read in the wrong Cyrillic charset turns into oddly cased words full of rare letters.
import iconv from 'iconv-lite';

export type LegacyCharset = 'windows-1251' | 'koi8-r' | 'windows-1252';

/**
 * Approximate letter frequencies of Russian text (the commonly published table), with rough
 * values added for the Ukrainian letters і ї є ґ.
 */
const LETTER_FREQUENCY: Record<string, number> = {
  о: 0.1097,
  е: 0.0845,
  а: 0.0801,
  и: 0.0735,
  н: 0.067,
  т: 0.0626,
  с: 0.0547,
  р: 0.0473,
  в: 0.0454,
  л: 0.044,
  к: 0.0349,
  м: 0.0321,
  д: 0.0298,
  п: 0.0281,
  у: 0.0262,
  я: 0.0201,
  ы: 0.019,
  ь: 0.0174,
  г: 0.017,
  з: 0.0165,
  б: 0.0159,
  ч: 0.0144,
  й: 0.0121,
  х: 0.0097,
  ж: 0.0094,
  ш: 0.0073,
  ю: 0.0064,
  ц: 0.0048,
  щ: 0.0036,
  э: 0.0032,
  ф: 0.0026,
  ъ: 0.0004,
  ё: 0.0004,
  і: 0.05,
  ї: 0.006,
  є: 0.004,
  ґ: 0.0002,
};

/** Share of words with high bytes that are mostly high bytes, above which the text is Cyrillic. */
const CYRILLIC_WORD_SHARE = 0.5;

export function guessLegacyCharset(bytes: Uint8Array): LegacyCharset {
  if (!looksCyrillic(bytes)) return 'windows-1252';
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const cp1251 = cyrillicScore(iconv.decode(buffer, 'windows-1251'));
  const koi8 = cyrillicScore(iconv.decode(buffer, 'koi8-r'));
  return koi8 > cp1251 ? 'koi8-r' : 'windows-1251';
}

/**
 * Splits the bytes into words at ASCII non-letters and asks whether the words that hold high
 * bytes are mostly made of them (Cyrillic) or only sprinkled with them (accented Latin).
 */
function looksCyrillic(bytes: Uint8Array): boolean {
  let wordsWithHigh = 0;
  let mostlyHigh = 0;
  let high = 0;
  let letters = 0;
  const endWord = () => {
    if (high > 0) {
      wordsWithHigh += 1;
      if (high >= 2 && high / letters >= 0.75) mostlyHigh += 1;
    }
    high = 0;
    letters = 0;
  };
  for (const byte of bytes) {
    if (byte >= 0x80) {
      high += 1;
      letters += 1;
    } else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) {
      letters += 1;
    } else {
      endWord();
    }
  }
  endWord();
  return wordsWithHigh > 0 && mostlyHigh / wordsWithHigh >= CYRILLIC_WORD_SHARE;
}

/**
 * Text in the right charset is rich in frequent letters, and its words are cased the way words
 * are (lower, Capitalised or ALL CAPS). Read in the other Cyrillic charset, which swaps the case
 * of every letter and scrambles their order, `Переговоры` turns into `пЕРЕГОВОРЫ` of rare letters.
 */
function cyrillicScore(text: string): number {
  let score = 0;
  for (const word of text.match(/[\u0400-\u04ff]+/g) ?? []) {
    let letters = 0;
    for (const char of word.toLowerCase()) letters += LETTER_FREQUENCY[char] ?? 0;
    const lower = word.toLowerCase();
    const isCased = word === lower || word === word.toUpperCase() || word === word[0] + lower.slice(1);
    score += isCased ? letters : letters * 0.2;
  }
  return score;
}
