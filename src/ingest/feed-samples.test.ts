// The feed reader against real feeds other projects keep as fixtures (../shared/formats, read
// in place, never copied): each one parses with its known item count and correctly decoded
// text, or is refused with a clear error. Skipped when the samples are absent.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { decodeBytes } from './decode.js';
import { readFeed, readXmlFeed } from './feed.js';
import type { ReadItem } from './reader.js';

const SAMPLES = path.resolve(process.cwd(), '../shared/formats');
const skip = existsSync(SAMPLES) ? false : 'shared corpus absent';

async function read(name: string): Promise<ReadItem[]> {
  const bytes = readFileSync(path.join(SAMPLES, name));
  const items: ReadItem[] = [];
  for await (const item of readFeed({ label: name, open: () => Readable.from([bytes]) }, {}))
    items.push(item);
  return items;
}

/** Item counts the source projects' own tests (or a count of the file's items) give. */
const COUNTS: Record<string, number> = {
  'rss/aif-ru-yandex-turbo.xml': 1,
  'rss/aktuality-sk.rss': 30,
  'rss/androidauthority-blank-lines-before-xml-decl.xml': 1,
  'rss/bbc-urdu-rtl.xml': 26,
  'rss/cnn-hp-hero-no-prolog.rss': 69,
  'rss/golem-de-iso-8859-1.xml': 40,
  'rss/guardian-us.rss': 55,
  'rss/heise-rss090-rdf-mixed-eol.xml': 60,
  'rss/ibash-org-ru-windows-1251.xml': 50,
  'rss/ilgiornale-a10-namespace.xml': 1,
  'rss/jn-pt-iso-8859-1-crlf.rss': 40,
  'rss/korea-times-bad-dates.rss': 195,
  'rss/livemint-news.xml': 25,
  'rss/macworld-leading-blank-lines.rss': 30,
  'rss/oren-ru-windows-1251.xml': 10,
  'rss/pcmag-illegally-nested-items.xml': 10,
  'rss/synthetic-koi8-r.xml': 2,
  'rss/tjrs-court-rss091-iso-8859-1.xml': 1,
  'rss/uol-noticias-no-prolog-latin1.rss': 15,
  'rss/wapo-wellness.xml': 29,
  'atom/daringfireball-2016-atom-named-rss.rss': 47,
  'atom/daringfireball.atom': 48,
  'atom/heise-developer.atom': 15,
  'atom/synthetic-utf8-declared-iso-8859-1.xml': 1,
  'atom/tpm-news.atom': 20,
  'jsonfeed/3960-de-v1.1.json': 20,
  'jsonfeed/daringfireball-v1.json': 48,
  'jsonfeed/pxlnv-http-version-uri.json': 20,
  'jsonfeed/scriptingnews-rss-in-json-not-jsonfeed.json': 50,
};

/** Cyrillic that was decoded right is mostly lower case and free of UTF-8/latin-1 mojibake. */
function assertGoodCyrillic(text: string, where: string): void {
  const letters = text.match(/[А-яЁёІіЇїЄєҐґ]/g) ?? [];
  const lower = letters.filter((letter) => letter === letter.toLowerCase());
  assert.ok(letters.length > 0, `${where}: no Cyrillic in ${JSON.stringify(text.slice(0, 80))}`);
  assert.ok(lower.length / letters.length > 0.6, `${where}: mostly upper case, wrong charset?`);
  assert.doesNotMatch(text, /[ÐÑÃ\u0085]|вЂ|Р[ЎВ]/, `${where}: mojibake (or 0x85 read as a line break)`);
}

test('every real feed sample parses with its known item count and no rejection', { skip }, async () => {
  for (const [name, count] of Object.entries(COUNTS)) {
    const items = await read(name);
    const rejected = items.filter((item) => item.kind === 'rejected');
    assert.deepEqual(rejected, [], name);
    assert.equal(items.length, count, name);
  }
});

test('Cyrillic feeds in windows-1251, KOI8-R and UTF-8 decode to real Russian words', { skip }, async () => {
  const expected: Record<string, string> = {
    'rss/oren-ru-windows-1251.xml': 'В Бузулуке главные стройплощадки – детсад и Ледовый дворец',
    'rss/ibash-org-ru-windows-1251.xml': 'Цитата #17703',
    'rss/synthetic-koi8-r.xml': 'Первая новость',
    'rss/aif-ru-yandex-turbo.xml': 'СМИ: собака в Таиланде спасла заживо похороненного младенца',
  };
  for (const [name, title] of Object.entries(expected)) {
    const docs = (await read(name)).flatMap((item) => (item.kind === 'document' ? [item.document] : []));
    assert.equal(docs[0]?.title, title, name);
    for (const doc of docs) assertGoodCyrillic(`${doc.title} ${doc.text}`, `${name} ${doc.ref}`);
  }
});

test('quirky dates of real feeds are read: GMT+9 without spaces, EST, Portuguese names', {
  skip,
}, async () => {
  const firstDate = async (name: string) => {
    const [item] = await read(name);
    return item?.kind === 'document' ? item.document.publishedAt?.toISOString() : undefined;
  };
  assert.equal(await firstDate('rss/korea-times-bad-dates.rss'), '2022-07-27T19:35:05.000Z');
  assert.equal(await firstDate('rss/uol-noticias-no-prolog-latin1.rss'), '2018-09-24T22:42:40.000Z');
  assert.equal(await firstDate('rss/wapo-wellness.xml'), '2012-08-21T15:33:00.000Z');
  assert.equal(await firstDate('rss/ilgiornale-a10-namespace.xml'), '2022-11-15T20:15:04.000Z');
});

test('latin-1 feeds, declared or not, decode their accents', { skip }, async () => {
  for (const [name, word] of [
    ['rss/uol-noticias-no-prolog-latin1.rss', 'simulações'],
    ['rss/jn-pt-iso-8859-1-crlf.rss', 'Mãe'],
    ['rss/golem-de-iso-8859-1.xml', 'wünschen'],
  ] as const) {
    const text = (await read(name))
      .map((item) => (item.kind === 'document' ? `${item.document.title} ${item.document.text}` : ''))
      .join(' ');
    assert.ok(text.includes(word), `${name} has ${word}`);
  }
});

test('valid UTF-8 wins over a prolog that declares a legacy charset', { skip }, () => {
  const euro = readFileSync(path.join(SAMPLES, 'rss/synthetic-utf8-declared-windows-1252.xml'));
  const { text, encoding } = decodeBytes(euro, { label: 'euro' });
  assert.equal(encoding, 'utf-8');
  assert.equal(readXmlFeed(text, 'euro').channel.title, 'Euro €');
});

test('the truncated Reuters feed is refused, naming the line where it breaks off', { skip }, async () => {
  await assert.rejects(read('rss/reuters-truncated-invalid.xml'), {
    code: 'invalid-input',
    message:
      /^rss\/reuters-truncated-invalid\.xml breaks off at line 19 inside <channel> opened on line 5 \(expected <\/channel>\).*no complete item/,
  });
});

test('the truncated JSON Feed is refused, naming the position', { skip }, async () => {
  await assert.rejects(read('jsonfeed/allthis-truncated-invalid.json'), {
    code: 'invalid-input',
    message:
      /^jsonfeed\/allthis-truncated-invalid\.json: invalid JSON at line \d+, column \d+ \(offset \d+\)/,
  });
});
