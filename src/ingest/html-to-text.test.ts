import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { htmlToText, tidyParagraphs } from './html-to-text.js';

test('block elements become paragraphs separated by one blank line', () => {
  assert.equal(
    htmlToText(
      '<div><h2>Заголовок</h2><p>Первый  абзац\n продолжается.</p><ul><li>один</li><li>два</li></ul></div>',
    ),
    'Заголовок\n\nПервый абзац продолжается.\n\nодин\n\nдва',
  );
  assert.equal(htmlToText('рядок<br>інший рядок<br/><br/>новий абзац'), 'рядок\nінший рядок\n\nновий абзац');
});

test('entities are decoded, named and numeric', () => {
  assert.equal(
    htmlToText('&laquo;Мир&raquo; &amp; &#1076;&#x438;&#x430;&#1083;&#1086;&#1075;&nbsp;— AT&amp;T'),
    '«Мир» & диалог — AT&T',
  );
});

test('scripts, styles, embedded frames and attributes never reach the text', () => {
  const hostile =
    '<p onclick="steal()">Видно.</p><script>alert("x")</script><style>p{color:red}</style>' +
    '<img src=x onerror="alert(1)"><iframe src="javascript:alert(2)">inner</iframe><noscript>nojs</noscript>' +
    '<svg><script>evil()</script></svg><p>Тоже видно.</p>';
  assert.equal(htmlToText(hostile), 'Видно.\n\nТоже видно.');
});

test('text without any tag keeps its own line breaks', () => {
  assert.equal(
    htmlToText('First line.\nSecond line.\n\n\n\nNew paragraph.'),
    'First line.\nSecond line.\n\nNew paragraph.',
  );
});

test('tidying is idempotent and leaves no blank runs or padded lines', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('a', 'б', ' ', '\n', '\t', '\r', '\u00a0', '.') }),
      (text) => {
        const once = tidyParagraphs(text);
        assert.equal(tidyParagraphs(once), once);
        assert.doesNotMatch(once, /\n{3}|^[ \n]|[ \n]$|[ \t]\n|\n[ \t]/);
      },
    ),
    { seed: 42, numRuns: 500 },
  );
});

test('no markup survives, whatever tags the input mixes', () => {
  const piece = fc.constantFrom(
    '<p>',
    '</p>',
    '<script>x()</script>',
    '<b>',
    'слово',
    ' ',
    '<br>',
    '&amp;',
    '<a href="javascript:y">',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = htmlToText(pieces.join(''));
      assert.doesNotMatch(text, /<|x\(\)|javascript/);
    }),
    { seed: 99, numRuns: 300 },
  );
});
