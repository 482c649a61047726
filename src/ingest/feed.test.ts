import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { OvertureError } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import { readFeed } from './feed.js';
import type { ReadItem } from './reader.js';

const fixture = (name: string) => readFileSync(path.resolve(process.cwd(), 'test/fixtures/feeds', name));

async function read(label: string, bytes: Uint8Array, contentType?: string): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  const input = {
    label,
    open: () => Readable.from([Buffer.from(bytes)]),
    ...(contentType ? { contentType } : {}),
  };
  for await (const item of readFeed(input, {})) items.push(item);
  return items;
}

const documents = (items: ReadItem[]): DocumentInput[] =>
  items.flatMap((item) => (item.kind === 'document' ? [item.document] : []));
const rejections = (items: ReadItem[]) => items.flatMap((item) => (item.kind === 'rejected' ? [item] : []));

describe('readFeed on RSS 2.0', () => {
  test('reads every item with its title, link, guid, date, language, author and categories', async () => {
    const docs = documents(await read('feeds/ru.xml', fixture('ru-rss2.xml')));
    assert.equal(docs.length, 3);
    const [first, second, third] = docs as [DocumentInput, DocumentInput, DocumentInput];
    assert.equal(first.ref, 'feeds/ru.xml item 1 (vestnik-1)');
    assert.equal(first.externalId, 'vestnik-1');
    assert.equal(first.title, 'МИД заявил о готовности к переговорам');
    assert.equal(first.url, 'https://example.org/ru/news/1');
    assert.equal(first.lang, 'ru');
    assert.equal(first.publishedAt?.toISOString(), '2024-01-15T07:30:00.000Z');
    assert.deepEqual(first.meta, {
      feed: 'rss',
      feedTitle: 'Вестник переговоров',
      author: 'Иван Петров',
      categories: ['Дипломатия', 'Переговоры'],
    });
    assert.equal(
      second.url,
      'https://example.org/ru/news/2',
      'a relative link is resolved against the channel',
    );
    assert.equal(
      second.publishedAt?.toISOString(),
      '2024-01-16T08:00:00.000Z',
      'a lower-case <pubdate> counts',
    );
    assert.equal(third.publishedAt, undefined, 'a missing date is allowed');
    assert.equal(third.url, 'https://example.org/ru/news/3', 'a permalink guid stands in for the link');
  });

  test('takes the full text over the teaser, with paragraphs as blank lines and entities decoded', async () => {
    const [first, second] = documents(await read('feeds/ru.xml', fixture('ru-rss2.xml')));
    assert.equal(
      first?.text,
      'Официальный представитель министерства сообщил, что Москва «открыта для диалога».\n\n' +
        'При этом, по его словам, позиция по ключевым вопросам не изменилась.',
    );
    assert.equal(
      second?.text,
      'Участники круглого стола разошлись во мнениях.\n\nИтоговое заявление не принято.',
    );
  });

  test('reads windows-1251 and KOI8-R feeds, declared or not, into Cyrillic text', async () => {
    const utf8 = fixture('ru-rss2.xml').toString('utf8');
    for (const charset of ['windows-1251', 'koi8-r']) {
      const declared = iconv.encode(utf8.replace('encoding="UTF-8"', `encoding="${charset}"`), charset);
      const undeclared = iconv.encode(utf8.replace(' encoding="UTF-8"', ''), charset);
      for (const bytes of [declared, undeclared]) {
        const docs = documents(await read(`feeds/${charset}.xml`, bytes));
        assert.equal(docs[0]?.title, 'МИД заявил о готовности к переговорам', charset);
        assert.match(docs[1]?.text ?? '', /^Участники круглого стола/);
      }
    }
  });

  test('uses the charset of the Content-Type header for undeclared bytes', async () => {
    const bytes = iconv.encode(
      fixture('en-rss091.xml').toString('latin1').replace('"ISO-8859-1"', '"x"'),
      'latin1',
    );
    const docs = documents(
      await read('https://example.org/wire.xml', bytes, 'text/xml; charset=windows-1251'),
    );
    assert.equal(docs[0]?.title, 'Minister rejects talks & blames partners');
  });
});

describe('readFeed on other feed kinds', () => {
  test('reads RSS 0.91 with its channel language', async () => {
    const docs = documents(await read('feeds/wire.xml', fixture('en-rss091.xml')));
    assert.equal(docs.length, 1);
    assert.equal(docs[0]?.lang, 'en');
    assert.equal(docs[0]?.text, 'The minister said there was "nothing to discuss".');
  });

  test('reads RSS 1.0 RDF, whose items are siblings of the channel', async () => {
    const docs = documents(await read('feeds/rdf.xml', fixture('en-rdf.xml')));
    assert.deepEqual(
      docs.map((doc) => [doc.title, doc.publishedAt?.toISOString(), doc.lang]),
      [
        ['Envoy calls for ceasefire talks', '2024-03-05T14:00:00.000Z', 'en'],
        ['Summit postponed', undefined, 'en'],
      ],
    );
  });

  test('reads Atom by its root element, with xml:lang, the alternate link and XHTML content', async () => {
    const docs = documents(await read('feeds/uk.rss', fixture('uk-atom.xml')));
    assert.equal(docs.length, 2);
    const [first, second] = docs as [DocumentInput, DocumentInput];
    assert.equal(first.title, 'Україна наполягає на формулі миру');
    assert.equal(first.lang, 'uk');
    assert.equal(first.externalId, 'urn:example:uk:1');
    assert.equal(first.url, 'https://example.org/uk/articles/1');
    assert.equal(first.publishedAt?.toISOString(), '2024-02-01T07:15:00.000Z');
    assert.deepEqual(first.meta?.categories, ['Дипломатія']);
    assert.equal(second.lang, 'en', 'the entry xml:lang overrides the feed');
    assert.equal(
      second.text,
      'The allies said their commitment would not waver.\n\nA new aid package was announced.',
    );
    assert.equal(
      second.publishedAt?.toISOString(),
      '2024-02-02T08:00:00.000Z',
      'updated stands in for published',
    );
  });

  test('reads JSON Feed 1.1, rejecting an item whose fields have the wrong type', async () => {
    const items = await read('feeds/ru.json', fixture('ru-feed.json'));
    const docs = documents(items);
    assert.equal(docs.length, 2);
    assert.equal(docs[0]?.title, 'Песков: Кремль открыт для контактов');
    assert.equal(
      docs[0]?.text,
      'Пресс-секретарь повторил, что Москва готова к переговорам.\n\nУсловия остались прежними.',
    );
    assert.equal(docs[0]?.lang, 'ru');
    assert.equal(docs[0]?.publishedAt?.toISOString(), '2024-04-01T06:00:00.000Z');
    assert.equal(docs[1]?.externalId, '2', 'a numeric id becomes a string');
    assert.equal(docs[1]?.text, 'First paragraph.\n\nSecond paragraph.');
    assert.equal(docs[1]?.lang, 'en');
    const [rejected] = rejections(items);
    assert.equal(rejected?.ref, 'feeds/ru.json item 3');
    assert.match(rejected?.reason ?? '', /^feeds\/ru\.json item 3 field title: .*expected/);
  });

  test('accepts the http:// version URL of JSON Feed 1.0 and its singular author', async () => {
    const docs = documents(await read('feeds/v1.json', fixture('v1-http.json')));
    assert.equal(docs[0]?.text, 'Hello from a version 1 feed.');
    assert.equal(docs[0]?.meta?.author, 'Anna');
  });

  test('reads RSS-in-JSON as the RSS channel it is', async () => {
    const docs = documents(await read('feeds/rj.json', fixture('rss-in-json.json')));
    assert.deepEqual(
      docs.map((doc) => [doc.externalId, doc.title, doc.text, doc.meta?.feed]),
      [
        ['rj-1', 'One', 'First item.', 'rss-in-json'],
        ['rj-2', undefined, 'Second item without a title.', 'rss-in-json'],
      ],
    );
  });
});

describe('readFeed on bad input', () => {
  test('rejects an item with an impossible date and keeps the others', async () => {
    const items = await read('feeds/x.xml', fixture('bad-date.xml'));
    assert.deepEqual(
      documents(items).map((doc) => [doc.externalId, doc.publishedAt?.toISOString()]),
      [
        ['d-1', '2024-02-01T10:00:00.000Z'],
        ['d-3', '2022-07-27T19:35:05.000Z'],
      ],
    );
    assert.deepEqual(rejections(items), [
      {
        kind: 'rejected',
        ref: 'feeds/x.xml item 2 (d-2)',
        reason: 'invalid date in feeds/x.xml item 2: "31.02.2024" (expected RFC 822 or ISO 8601)',
      },
    ]);
  });

  test('keeps the complete items of a truncated feed and names the line where it broke', async () => {
    const items = await read('feeds/broken.xml', fixture('truncated.xml'));
    assert.deepEqual(
      documents(items).map((doc) => doc.title),
      ['First complete item', 'Second complete item'],
    );
    const [rejected] = rejections(items);
    assert.equal(rejected?.ref, 'feeds/broken.xml item 3');
    assert.match(
      rejected?.reason ?? '',
      /^feeds\/broken\.xml item 3 \(from line 17\) breaks off at line 20 inside <description>/,
    );
    assert.match(rejected?.reason ?? '', /expected <\/description>/);
  });

  test('throws when a feed breaks off before any item is complete', async () => {
    const cut = fixture('truncated.xml').toString('utf8').split('<item>')[0] ?? '';
    await assert.rejects(read('feeds/cut.xml', Buffer.from(`${cut}<item><title>half`)), (error: unknown) => {
      assert.ok(error instanceof OvertureError);
      assert.equal(error.code, 'invalid-input');
      assert.match(
        error.message,
        /^feeds\/cut\.xml item 1 \(from line 6\) breaks off at line 6 inside <title>.*no complete item before it$/,
      );
      return true;
    });
  });

  test('throws on a truncated JSON Feed, naming the position', async () => {
    await assert.rejects(
      read('feeds/cut.json', fixture('truncated.json')),
      /^OvertureError: feeds\/cut\.json: invalid JSON at line 1, column \d+ .*truncated/,
    );
  });

  test('throws "empty file" on an empty input and on whitespace only', async () => {
    for (const bytes of [fixture('empty.xml'), Buffer.from('\n \r\n')]) {
      await assert.rejects(read('feeds/empty.xml', bytes), {
        code: 'invalid-input',
        message: /^feeds\/empty\.xml: empty file/,
      });
    }
  });

  test('throws on XML that is not a feed, naming its root element', async () => {
    await assert.rejects(read('feeds/page.xml', fixture('not-a-feed.xml')), {
      message: /not a feed: root element <html>/,
    });
  });

  test('keeps scripts, styles and attributes out of titles and text', async () => {
    const items = await read('feeds/hostile.xml', fixture('hostile.xml'));
    const [doc] = documents(items);
    assert.equal(doc?.title, 'Ordinary title');
    assert.equal(doc?.text, 'Visible text.\n\nMore visible text.');
    assert.match(rejections(items)[0]?.reason ?? '', /item 2 has neither a title nor any text/);
  });
});
