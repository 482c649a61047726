import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { DocumentInput } from '../core/types.js';
import { readHtml } from './html.js';

const fixture = (name: string) => readFileSync(path.resolve(process.cwd(), 'test/fixtures/html', name));
const SAMPLES = path.resolve(process.cwd(), '../shared/formats/html');
const skip = existsSync(SAMPLES) ? false : 'shared corpus absent';

async function page(label: string, bytes: Uint8Array, contentType?: string): Promise<DocumentInput> {
  const input = {
    label,
    open: () => Readable.from([Buffer.from(bytes)]),
    ...(contentType ? { contentType } : {}),
  };
  const items = [];
  for await (const item of readHtml(input, {})) items.push(item);
  assert.equal(items.length, 1, 'one page is one document');
  const [item] = items;
  assert.ok(item?.kind === 'document');
  return item.document;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('readHtml on pages written for the tests', () => {
  test('reads a windows-1251 page by its meta charset: title, paragraphs, date, language, canonical URL', async () => {
    const bytes = iconv.encode(fixture('ru-article.html').toString('utf8'), 'windows-1251');
    const doc = await page('pages/lavrov.html', bytes);
    assert.equal(doc.ref, 'pages/lavrov.html');
    assert.equal(doc.title, 'Лавров: переговоры возможны');
    assert.equal(doc.lang, 'ru');
    assert.equal(doc.url, 'https://example.org/ru/2024/03/12/lavrov');
    assert.equal(doc.publishedAt?.toISOString(), '2024-03-12T11:05:00.000Z');
    assert.equal(doc.meta?.encoding, 'windows-1251');
    const paragraphs = doc.text.split('\n\n');
    assert.equal(paragraphs.length, 4);
    assert.match(paragraphs[0] ?? '', /^Министр иностранных дел России заявил во вторник/);
    assert.doesNotMatch(doc.text, /Реклама|Главная|права защищены|tracker/);
  });

  test('reads the same page in KOI8-R with no declaration at all by letter statistics', async () => {
    const html = fixture('ru-article.html').toString('utf8').replace('<meta charset="windows-1251">', '');
    const doc = await page('pages/koi8.html', iconv.encode(html, 'koi8-r'));
    assert.equal(doc.title, 'Лавров: переговоры возможны');
    assert.equal(doc.meta?.encoding, 'koi8-r');
  });

  test('reads JSON-LD datePublished inside @graph, a relative canonical link, and uk-UA as uk', async () => {
    const doc = await page('https://example.org/uk/statti/page', fixture('uk-article.html'));
    assert.equal(doc.title, 'Формула миру залишається основою');
    assert.equal(doc.lang, 'uk');
    assert.equal(doc.url, 'https://example.org/uk/statti/formula-myru');
    assert.equal(doc.publishedAt?.toISOString(), '2024-02-20T09:30:00.000Z');
    assert.equal(doc.text.split('\n\n').length, 4);
  });

  test('keeps scripts, event handlers and javascript: links out of the text', async () => {
    const doc = await page('pages/uk.html', fixture('uk-article.html'));
    assert.doesNotMatch(doc.text, /alert|steal|xss|document\.write|Вставлений скриптом|javascript|<|Увійти/);
    assert.match(doc.text, /гарантій безпеки з усіма союзниками, але не погодиться/);
  });

  test('falls back to the <time datetime> of the page for the date', async () => {
    const doc = await page('pages/en.html', fixture('en-time.html'));
    assert.equal(doc.publishedAt?.toISOString(), '2024-05-02T09:00:00.000Z');
    assert.equal(doc.title, 'Envoys meet in Geneva');
    assert.equal(doc.lang, undefined, 'no language declared, none made up');
  });

  test('refuses an empty file and a page without readable text', async () => {
    await assert.rejects(page('pages/empty.html', fixture('empty.html')), {
      code: 'invalid-input',
      message: 'pages/empty.html: empty file (expected an HTML page)',
    });
    await assert.rejects(page('pages/scripts.html', fixture('scripts-only.html')), {
      code: 'invalid-input',
      message: /^pages\/scripts\.html: the page holds no readable text/,
    });
  });
});

describe('readHtml on real article pages', () => {
  for (const name of existsSync(SAMPLES)
    ? readdirSync(SAMPLES).filter((file) => file.endsWith('.expected.json'))
    : []) {
    test(`${name}: the title matches and at least 90% of the expected paragraphs are in the text`, {
      skip,
    }, async () => {
      const expected = JSON.parse(readFileSync(path.join(SAMPLES, name), 'utf8')).V1 as {
        title: string;
        body: { sections: Array<{ paragraphs: string[] }> };
      };
      const source = readdirSync(SAMPLES).find((file) =>
        file.startsWith(name.replace('.expected.json', '-')),
      );
      assert.ok(source, `page for ${name}`);
      const doc = await page(source, readFileSync(path.join(SAMPLES, source)));
      assert.equal(doc.title, expected.title);
      const text = squash(doc.text);
      const paragraphs = expected.body.sections.flatMap((section) => section.paragraphs);
      const found = paragraphs.filter((paragraph) => text.includes(squash(paragraph)));
      assert.ok(
        found.length / paragraphs.length >= 0.9,
        `${found.length} of ${paragraphs.length} paragraphs`,
      );
      assert.match(doc.lang ?? '', /^(ru|uk)$/);
      assert.ok(doc.publishedAt, 'a publication date');
    });
  }

  test('titles, languages and dates of the Readability test pages match its expected metadata', {
    skip,
  }, async () => {
    const names = readdirSync(SAMPLES).filter((file) => file.endsWith('.expected-metadata.json'));
    assert.ok(names.length >= 8);
    for (const name of names) {
      const expected = JSON.parse(readFileSync(path.join(SAMPLES, name), 'utf8')) as {
        title: string;
        lang?: string;
        publishedTime?: string | null;
      };
      const source = name.replace('.expected-metadata.json', '.source.html');
      const doc = await page(source, readFileSync(path.join(SAMPLES, source)));
      assert.equal(doc.title, expected.title, source);
      if (expected.lang) assert.equal(doc.lang, expected.lang.slice(0, 2), source);
      if (expected.publishedTime)
        assert.equal(doc.publishedAt?.getTime(), Date.parse(expected.publishedTime), source);
      assert.ok(doc.text.length > 500, `${source} has article text`);
    }
  });
});
