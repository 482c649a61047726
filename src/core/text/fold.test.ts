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
