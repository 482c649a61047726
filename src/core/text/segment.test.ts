import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { segment } from './segment.js';

const split = (text: string) => segment(text).map((s) => text.slice(s.start, s.end));

test('sentences end at . ! ? … before a capital', () => {
  assert.deepEqual(split('Переговоров не будет. Почему? Так решили!'), [
    'Переговоров не будет.',
    'Почему?',
    'Так решили!',
  ]);
});

test('abbreviations and initials do not end a sentence', () => {
  assert.deepEqual(
    split('В 2022 г. Путин и В. В. Зеленский, т. е. лидеры, встречались в т.ч. по ст. 5. Потом нет.'),
    ['В 2022 г. Путин и В. В. Зеленский, т. е. лидеры, встречались в т.ч. по ст. 5.', 'Потом нет.'],
  );
  assert.deepEqual(split('Mr. Blinken met Dr. Kuleba in the U.S. Capitol. Talks followed.'), [
    'Mr. Blinken met Dr. Kuleba in the U.S. Capitol.',
    'Talks followed.',
  ]);
  assert.deepEqual(split('Ракеты им. Калибр, 1990-е гг. Сейчас иначе.'), [
    'Ракеты им. Калибр, 1990-е гг. Сейчас иначе.',
  ]);
});

test('a quote is kept whole, together with its reporting clause', () => {
  assert.deepEqual(split('«Мы готовы. Но не сейчас», — заявил Песков. Дальше.'), [
    '«Мы готовы. Но не сейчас», — заявил Песков.',
    'Дальше.',
  ]);
  assert.deepEqual(split('He said: “We are ready. Truly.” Then he left.'), [
    'He said: “We are ready. Truly.”',
    'Then he left.',
  ]);
  assert.deepEqual(split('Він сказав: „Ми готові. Справді“ і пішов.'), [
    'Він сказав: „Ми готові. Справді“ і пішов.',
  ]);
});

test('an unbalanced quote does not swallow the rest of the text', () => {
  const text = `«Открытая кавычка. ${'Слово. '.repeat(300)}Конец.`;
  assert.ok(segment(text).length > 100);
});

test('a line break ends a sentence unless the next line starts in lower case', () => {
  assert.deepEqual(split('Заголовок без точки\nТекст новости.\nпродолжение строки.'), [
    'Заголовок без точки',
    'Текст новости.\nпродолжение строки.',
  ]);
});

test('segments cover the input: joined with the gaps between them they give it back', () => {
  const pieces = fc.constantFrom(
    'Мир.',
    ' ',
    'Готовы',
    '«',
    '»',
    '“',
    '”',
    '"',
    'т. е.',
    'г.',
    'A.',
    '\n',
    '\n\n',
    '!',
    '? ',
    'U.S.',
    'word',
    '…',
    ' x ',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const spans = segment(text);
      let rebuilt = '';
      let at = 0;
      for (const s of spans) {
        assert.ok(s.start >= at && s.end > s.start);
        const gap = text.slice(at, s.start);
        assert.match(gap, /^\s*$/);
        const piece = text.slice(s.start, s.end);
        assert.equal(piece, piece.trim());
        rebuilt += gap + piece;
        at = s.end;
      }
      assert.match(text.slice(at), /^\s*$/);
      assert.equal(rebuilt + text.slice(at), text);
    }),
    { numRuns: 300 },
  );
});

test('a very long run without punctuation is cut at a space', () => {
  const spans = segment('слово '.repeat(2000));
  assert.ok(spans.length >= 3);
  for (const s of spans) assert.ok(s.end - s.start <= 4000);
});
