import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  fingerprintText,
  fingerprintTextReference,
  normalizeText,
  normalizeTextReference,
} from './normalize-text.js';

test('every apostrophe variant between Cyrillic letters becomes U+0027', () => {
  for (const mark of ['\u02BC', '\u2019', '\u2018', '`', '\u00B4', '\u2032', "'"]) {
    assert.equal(normalizeText(`пам${mark}ять об${mark}єднання`), "пам'ять об'єднання");
  }
});

test('quotation marks and English contractions are left as written', () => {
  assert.equal(normalizeText('‘мир’ and don’t'), '‘мир’ and don’t');
});

test('decomposed letters are composed (NFC), so й and ї compare equal to their typed forms', () => {
  assert.equal(normalizeText('и\u0306 і\u0308'), 'й ї');
});

test('zero-width, bidi and control characters are removed but tabs and line breaks kept', () => {
  assert.equal(
    normalizeText('пере\u00ADговоры\u200B с\u202Eтороны\u0007\tи\u2060 всё'),
    'переговоры стороны\tи всё',
  );
});

test('line endings of every convention become \\n', () => {
  assert.equal(normalizeText('a\r\nb\rc\u2028d\u0085e'), 'a\nb\nc\nd\ne');
});

test('runs of spaces collapse, lines are trimmed, paragraph breaks survive', () => {
  const input = '  Перший  абзац,\u00A0\u00A0рядок  \n   другий рядок\n\n\n\n  Другий\u2003абзац.  ';
  assert.equal(normalizeText(input), 'Перший абзац, рядок\nдругий рядок\n\nДругий абзац.');
});

test('a paragraph separator becomes a blank line', () => {
  assert.equal(normalizeText('one\u2029two'), 'one\n\ntwo');
});

test('normalising twice gives the same text as normalising once', () => {
  const alphabet = fc.constantFrom(
    ..."аб їє ы\u02BC\u2019\u2018`\u00B4\u2032'\r\n\t\u00A0\u200B\u00AD\u0085\u2028\u2029и\u0306e\u0301 x.".split(
      '',
    ),
  );
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
      const once = normalizeText(chars.join(''));
      assert.equal(normalizeText(once), once);
    }),
    { seed: 20240301, numRuns: 1000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      const once = normalizeText(s);
      assert.equal(normalizeText(once), once);
    }),
    { seed: 7, numRuns: 1000 },
  );
});

test('the fingerprint ignores case, spacing, punctuation, apostrophes and ё', () => {
  const a = fingerprintText('«Мы готовы к переговорам», — заявил Пёсков.');
  const b = fingerprintText('мы  готовы к ПЕРЕГОВОРАМ — заявил Песков');
  assert.equal(a, b);
  assert.equal(a, 'мыготовыкпереговорамзаявилпесков');
  assert.equal(fingerprintText("пам'ять"), fingerprintText('пам’ять'));
});

test('the fingerprint keeps digits, so different figures stay different', () => {
  assert.notEqual(fingerprintText('пакет на 50 млрд'), fingerprintText('пакет на 60 млрд'));
});

test('the fingerprint is the same as its plain reference, whatever the text', () => {
  const samples = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .array(
        fc.constantFrom(
          'Мы',
          'ГОТОВЫ',
          'ёлка',
          'Пёсков',
          "пам'ять",
          'ﬁ',
          '²',
          '𝐀𝐁',
          '😀',
          ' ',
          '—',
          '«',
          '1,5',
          '\u0301',
        ),
        {
          maxLength: 20,
        },
      )
      .map((parts) => parts.join('')),
  );
  fc.assert(
    fc.property(samples, (text) => {
      assert.equal(fingerprintText(text), fingerprintTextReference(text));
    }),
    { seed: 1948, numRuns: 500 },
  );
});

test('normalisation with its shortcut equals every rewrite applied in order', () => {
  const samples = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc
      .array(
        fc.constantFrom(
          'Мы',
          'пам',
          'ять',
          "'",
          'ʼ',
          '’',
          ' ',
          '  ',
          '\u00A0',
          '\n',
          '\n\n\n',
          '\t',
          '\r\n',
          '\u2029',
          '\u200B',
          'e\u0301',
          'Russia',
          's',
        ),
        { maxLength: 25 },
      )
      .map((parts) => parts.join('')),
  );
  fc.assert(
    fc.property(samples, (text) => {
      assert.equal(normalizeText(text), normalizeTextReference(text));
    }),
    { seed: 1948, numRuns: 500 },
  );
});
