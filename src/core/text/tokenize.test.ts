import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldsByUnit, foldText } from './fold.js';
import { foldWords, INTERN_LIMIT, tokenize } from './tokenize.js';

test('words carry their offsets into the original text and their folded form', () => {
  const text = 'Песков: «Мы ГОТОВЫ к пеpеговорам».';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.norms, ['песков', 'мы', 'готовы', 'к', 'переговорам']);
  assert.equal(text.slice(tokens.starts[4], tokens.ends[4]), 'пеpеговорам');
});

test('an apostrophe between letters stays inside the word; a hyphen splits it', () => {
  assert.deepEqual(foldWords("з’їдає Russia's из-за neo-Nazi"), [
    "з'їдає",
    "russia's",
    'из',
    'за',
    'neo',
    'nazi',
  ]);
});

test('stress marks and soft hyphens are kept in the span but left out of the folded word', () => {
  const text = 'перегово\u0301ры пере\u00ADговоры';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.norms, ['переговоры', 'переговоры']);
  assert.equal(tokens.ends[0], 11);
});

test('clause boundaries before a word are recorded: 1 for a comma, 2 for stronger punctuation', () => {
  const tokens = tokenize("да, нет — может: U.S. officials «жодного «перемир'я»");
  assert.deepEqual(tokens.breakBefore, [0, 1, 2, 2, 0, 0, 0, 0]);
});

test('tokenizing a range gives offsets into the whole text', () => {
  const text = 'Первое. Второе предложение.';
  const tokens = tokenize(text, 8, text.length);
  assert.deepEqual(tokens.norms, ['второе', 'предложение']);
  assert.equal(tokens.starts[0], 8);
});

test('every token span lies inside the range and spans are ordered and disjoint', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
      const t = tokenize(s);
      let last = 0;
      for (let i = 0; i < t.count; i++) {
        assert.ok((t.starts[i] as number) >= last && (t.starts[i] as number) < (t.ends[i] as number));
        last = t.ends[i] as number;
      }
      assert.ok(last <= s.length);
    }),
  );
});

test('folded words stay right across the word table starting again, long words included', () => {
  // More distinct words than the table keeps: it starts again on the way, and a word seen before
  // then (the first) is made anew, equal to what its text says.
  const count = 140_000;
  const long = 'переговорнопереговорный';
  const first = tokenize(`Первое ${long}`).norms;
  for (let k = 0; k < count; k += 1000) {
    const words = Array.from({ length: 1000 }, (_, j) => `w${(k + j).toString(36)}q`).join(' ');
    const norms = tokenize(words).norms;
    assert.equal(norms.length, 1000);
    assert.equal(norms[999], `w${(k + 999).toString(36)}q`);
  }
  assert.deepEqual(tokenize(`первое ${long.toUpperCase()}`).norms, first);
  assert.deepEqual(first, ['первое', long]);
  // A word with a stress mark is folded without it and is the same word as without.
  assert.deepEqual(tokenize('перегово́ры переговоры').norms, ['переговоры', 'переговоры']);
});

test('words folded unit by unit as they are read equal words read from the folded text', () => {
  // Everything folding does outside mixed-script words: case (Ё, İ that lowercases to two
  // units, final sigma kept out by foldsByUnit), apostrophes, ё, stress marks, soft hyphens.
  const units = [
    ...'ПереговорыЁёйІЇЄҐїєґ',
    'ʼ',
    '’',
    '`',
    "'",
    '\u0301',
    '\u00AD',
    'İ',
    ...'ΣσςΑαß0123 ,.-«»',
  ];
  const latin = [...'TalksRussiaNATOUkraine'];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...units), { maxLength: 40 }),
      fc.boolean(),
      fc.nat(40),
      (chars, withLatin, at) => {
        if (withLatin) chars.splice(at, 0, ...latin);
        const text = chars.join('');
        if (!foldsByUnit(text)) return;
        const byUnit = tokenize(text, 0, text.length, null);
        const byText = tokenize(text, 0, text.length, foldText(text));
        assert.deepEqual(byUnit.norms, byText.norms);
        assert.deepEqual(byUnit.starts, byText.starts);
      },
    ),
    { seed: 1948, numRuns: 2000 },
  );
  assert.equal(foldsByUnit('Переговоры в Стамбуле'), true);
  assert.equal(foldsByUnit('Переговоры и NATO'), false);
  assert.equal(foldsByUnit('ΟΔΥΣΣΕΥΣ'), false);
});

test('each word carries its intern id: one id per folded word, below INTERN_LIMIT', () => {
  const tokens = tokenize('Мир, МИР и мир; peace and Peace');
  const ids = tokens.ids as number[];
  assert.equal(ids.length, tokens.count);
  assert.equal(ids[0], ids[1]);
  assert.equal(ids[0], ids[3]);
  assert.equal(ids[4], ids[6]);
  assert.notEqual(ids[0], ids[2]);
  assert.notEqual(ids[2], ids[5]);
  for (const id of ids) assert.ok(Number.isInteger(id) && id >= 0 && id < INTERN_LIMIT);
  // The same word later, in another statement, has the same id (until the table starts again).
  assert.equal(tokenize('и снова мир').ids?.[2], ids[0]);
});
