import { strict as assert } from 'node:assert';
import { isUtf8 } from 'node:buffer';
import { test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { OvertureError } from '../core/errors.js';
import { decodeBytes, decodeUtf8Strict, firstInvalidUtf8 } from './decode.js';
import { guessLegacyCharset } from './guess-charset.js';
import { charsetFromContentType, normalizeCharset, sniffDeclaredCharset } from './sniff-charset.js';

const RU =
  'Министр иностранных дел заявил, что Россия готова к переговорам, но только с учётом новых реалий. ' +
  'Эксперты считают, что позиция Москвы по существу не изменилась.';
const UK =
  'Міністр закордонних справ України заявив, що перемовини можливі лише на основі формули миру. ' +
  'Партнери підтвердили, що їхня підтримка не ослабне.';
const PT = 'Ministro das Relações Exteriores disse que não há negociações em curso, segundo a declaração.';

test('a byte-order mark decides the charset and is dropped', () => {
  const text = 'Мир ☮';
  assert.deepEqual(
    decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), { label: 'x' }),
    {
      text,
      encoding: 'utf-8',
    },
  );
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.deepEqual(decodeBytes(le, { label: 'x', declared: 'windows-1251' }), { text, encoding: 'utf-16le' });
  const be = Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).swap16();
  assert.deepEqual(decodeBytes(be, { label: 'x' }), { text, encoding: 'utf-16be' });
});

test('valid UTF-8 is read as UTF-8 even when a legacy charset is declared', () => {
  const bytes = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><t>Euro € Café</t>');
  assert.equal(
    decodeBytes(bytes, { label: 'x' }).text,
    '<?xml version="1.0" encoding="windows-1252"?><t>Euro € Café</t>',
  );
  assert.equal(decodeBytes(bytes, { label: 'x', contentType: 'text/xml; charset=koi8-r' }).encoding, 'utf-8');
});

test('the declared charset decodes bytes that are not UTF-8: header, XML prolog, HTML meta', () => {
  const cases: Array<[string, Buffer, { contentType?: string; declared?: string }]> = [
    ['koi8-r', iconv.encode(RU, 'koi8-r'), { contentType: 'text/plain; charset="KOI8-R"' }],
    ['windows-1251', iconv.encode(`<?xml version="1.0" encoding="cp1251"?>${RU}`, 'cp1251'), {}],
    [
      'windows-1251',
      iconv.encode(
        `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">${UK}`,
        'cp1251',
      ),
      {},
    ],
    ['koi8-r', iconv.encode(`<meta charset="koi8-r">${RU}`, 'koi8-r'), {}],
    ['windows-1251', iconv.encode(RU, 'cp1251'), { declared: 'CP1251' }],
  ];
  for (const [encoding, bytes, hints] of cases) {
    const decoded = decodeBytes(bytes, { label: 'x', ...hints });
    assert.equal(decoded.encoding, encoding);
    assert.ok(decoded.text.endsWith(decoded.text.includes('Міністр') ? UK : RU));
  }
});

test('undeclared legacy bytes are told apart by letter statistics', () => {
  assert.equal(guessLegacyCharset(iconv.encode(RU, 'windows-1251')), 'windows-1251');
  assert.equal(guessLegacyCharset(iconv.encode(RU, 'koi8-r')), 'koi8-r');
  assert.equal(guessLegacyCharset(iconv.encode(UK, 'windows-1251')), 'windows-1251');
  assert.equal(guessLegacyCharset(iconv.encode(PT, 'latin1')), 'windows-1252');
  assert.equal(guessLegacyCharset(iconv.encode('Grüße aus München, schöne Tage.', 'latin1')), 'windows-1252');
  assert.equal(decodeBytes(iconv.encode(RU, 'koi8-r'), { label: 'x' }).text, RU);
  assert.equal(decodeBytes(iconv.encode(UK, 'cp1251'), { label: 'x' }).text, UK);
  assert.equal(decodeBytes(iconv.encode(PT, 'latin1'), { label: 'x' }).text, PT);
});

test('a short Russian phrase in either Cyrillic charset is guessed right', () => {
  for (const phrase of ['Переговоры отложены', 'Мир', 'готовность к диалогу', 'ПЕРЕГОВОРЫ и мир']) {
    for (const charset of ['windows-1251', 'koi8-r'] as const) {
      assert.equal(guessLegacyCharset(iconv.encode(phrase, charset)), charset, `${phrase} in ${charset}`);
    }
  }
});

test('an unknown or lying declared charset falls back to detection instead of failing', () => {
  const bytes = iconv.encode(RU, 'cp1251');
  assert.equal(decodeBytes(bytes, { label: 'x', declared: 'x-no-such-charset' }).text, RU);
  assert.equal(decodeBytes(bytes, { label: 'x', contentType: 'text/html; charset=utf-8' }).text, RU);
  assert.deepEqual(decodeBytes(new Uint8Array(0), { label: 'x' }), { text: '', encoding: 'utf-8' });
});

test('any text written as UTF-8 decodes back to itself', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('windows-1251', 'koi8-r', 'iso-8859-1'),
      (text, declared) => {
        fc.pre(!text.startsWith('\ufeff'));
        assert.equal(decodeBytes(Buffer.from(text, 'utf8'), { label: 'x', declared }).text, text);
      },
    ),
    { seed: 20240601, numRuns: 300 },
  );
});

test('firstInvalidUtf8 agrees with the platform validator on arbitrary bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      const offset = firstInvalidUtf8(bytes);
      assert.equal(offset === bytes.length, isUtf8(bytes));
      assert.ok(isUtf8(bytes.subarray(0, offset)));
    }),
    { seed: 7, numRuns: 2000 },
  );
});

test('decodeUtf8Strict names the input, the record and the offset of the first bad byte', () => {
  assert.equal(decodeUtf8Strict(Buffer.from('ок'), 'data.jsonl', 'line 3'), 'ок');
  const bad = Buffer.concat([Buffer.from('{"text":"мир'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]);
  assert.throws(
    () => decodeUtf8Strict(bad, 'data.jsonl', 'line 3', 100),
    (error: unknown) =>
      error instanceof OvertureError &&
      error.code === 'invalid-input' &&
      error.message ===
        'invalid UTF-8 in data.jsonl line 3 at byte 115: 0xc0 0xaf 0x22 0x7d (expected UTF-8 text)',
  );
});

test('declared charsets are sniffed from headers, prologs and meta tags, and normalised', () => {
  assert.equal(charsetFromContentType('application/rss+xml; Charset="Windows-1251"'), 'windows-1251');
  assert.equal(charsetFromContentType('text/html'), null);
  assert.equal(
    sniffDeclaredCharset(Buffer.from("\n\n<?xml version='1.0' encoding='KOI8-R'?><rss/>")),
    'koi8-r',
  );
  assert.equal(sniffDeclaredCharset(Buffer.from('<html><head><meta charset=utf-8 /></head>')), 'utf-8');
  assert.equal(sniffDeclaredCharset(Buffer.from('<rss version="2.0"/>')), null);
  assert.equal(normalizeCharset(' ISO-8859-1 '), 'windows-1252');
  assert.equal(normalizeCharset('x-cp1251'), 'windows-1251');
  assert.equal(normalizeCharset('UTF8'), 'utf-8');
});
