import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldText, repairLookalikes } from './fold.js';

test('folding lowercases, reads ё as е and unifies Ukrainian apostrophes', () => {
  assert.equal(foldText('Ёлка ПЕРЕГОВОРЫ'), 'елка переговоры');
  for (const mark of ['\u02BC', '\u2019', '\u2018', '`', "'"])
    assert.equal(foldText(`ПАМ${mark}ЯТЬ`), "пам'ять");
});

test('Latin look-alikes inside a Cyrillic word are read as Cyrillic', () => {
  assert.equal(foldText('пеpеговоры'), 'переговоры'); // Latin p
  assert.equal(foldText('Пepeгoвopы'), 'переговоры'); // Latin e, o, p
  assert.equal(foldText('KИEB'), 'киев'); // Latin K, E, B
});

test('Cyrillic look-alikes inside a Latin word are read as Latin', () => {
  assert.equal(foldText('Zеlеnsky'), 'zelensky'); // Cyrillic е twice
});

test('a mixed word with a letter that has no look-alike is left as written', () => {
  assert.equal(repairLookalikes('iPhoneом'), 'iPhoneом');
  assert.equal(foldText('NATO и ЕС'), 'nato и ес');
});

test('folding never changes the length of a text, so offsets stay valid', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
      assert.equal(foldText(s).length, s.length);
    }),
  );
  assert.equal(foldText('İstanbul').length, 'İstanbul'.length);
});

test('look-alikes are repaired word by word, as a regular expression over the words would', () => {
  // The reference: every run of letters of either script (apostrophes inside) through repairLookalikes.
  // Apostrophes are unified first, as foldText does; repairing twice changes nothing.
  const reference = (text: string) =>
    foldText(
      text
        .replace(/[\u02BC\u2019\u2018\u0060\u00B4\u2032\u02B9\uFF07]/g, "'")
        .replace(/[A-Za-z\u0400-\u04FF']+/g, (word) => repairLookalikes(word)),
    );
  const alphabet = [...('aceopxyikACEHKMOPTXYgsz' + 'асеорхуікАСЕНКМОРТХУгыї' + "' ,.-1ʼ")];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      assert.equal(foldText(text), reference(text));
    }),
    { seed: 1948, numRuns: 500 },
  );
});
