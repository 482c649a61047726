import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { expandPattern, PatternError, phraseKey } from './pattern.js';

const keys = (pattern: string, lexicon = {}) => expandPattern(pattern, lexicon).map(phraseKey);

test('words are folded, globs keep their star, alternatives share one slot', () => {
  assert.deepEqual(keys('Готов* к|ДО Переговор*'), ['готов* к|до переговор*']);
});

test('a gap, an optional word and a group parse into their slots', () => {
  assert.deepEqual(keys('ready ~2 [to] talk|(sit down)'), ['ready ~2 [to] talk', 'ready ~2 [to] sit down']);
});

test('a leading optional word gives one phrase with it and one without', () => {
  assert.deepEqual(keys('[мирн*] переговор*'), ['мирн* переговор*', 'переговор*']);
});

test('hyphenated words split like statement words do', () => {
  assert.deepEqual(keys('neo-nazi*'), ['neo nazi*']);
});

test('a lexicon list expands: single words merge into one slot, phrases stay variants', () => {
  const lexicon = { talks: ['переговор*', 'диалог*', 'мирн* процесс*'] };
  assert.deepEqual(keys('готов* к $talks', lexicon), [
    'готов* к переговор*|диалог*',
    'готов* к мирн* процесс*',
  ]);
  assert.deepEqual(keys('не $talks|перемири*', lexicon), [
    'не переговор*|диалог*|перемири*',
    'не мирн* процесс*',
  ]);
});

test('malformed patterns are refused with a message naming the pattern', () => {
  const bad: Array<[string, RegExp]> = [
    ['пере*говоры', /star may only end a word/],
    ['~2 переговоры', /cannot start or end with a gap/],
    ['переговоры ~20 мир', /gap is ~1 to ~10/],
    // A gap as an alternative or an optional word once became the word "2", silently.
    ['готов* ~2|к переговор*', /"~2" in pattern .*a gap ~N is an item of its own/],
    ['готов* [~2] переговор*', /a gap ~N is an item of its own/],
    ['готов к $нет', /unknown lexicon list/],
    ['a||b', /empty alternative/],
    ['(a b', /unbalanced/],
    ['«»', /holds no letters or digits/],
  ];
  // Grouped with words, a gap is fine: "(~2 к)" is one alternative of several words.
  assert.deepEqual(keys('готов* (~2 к)|до переговор*', {}), [
    'готов* до переговор*',
    'готов* ~2 к переговор*',
  ]);
  for (const [pattern, message] of bad) {
    assert.throws(
      () => expandPattern(pattern, {}),
      (e: unknown) => e instanceof PatternError && message.test(e.message),
      pattern,
    );
  }
});
