import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { detectFormat } from './detect-format.js';
import type { Format } from './reader.js';

const SHARED = path.resolve(process.cwd(), '../shared/formats');
const FIXTURES = path.resolve(process.cwd(), 'test/fixtures');

const head = (text: string): Uint8Array => Buffer.from(text);

test('JSON is told apart by its keys: Telegram, JSON Feed, RSS-in-JSON, JSON Lines', () => {
  assert.equal(
    detectFormat(
      'result.json',
      head('{\n "name": "X",\n "type": "public_channel",\n "id": 1,\n "messages": ['),
    ),
    'telegram',
  );
  assert.equal(
    detectFormat('result.json', head('{\n "about": "Here is the data",\n "chats": {\n  "list": [')),
    'telegram',
  );
  assert.equal(
    detectFormat('feed', head('{"version": "https://jsonfeed.org/version/1.1", "items": []}')),
    'rss',
  );
  assert.equal(detectFormat('feed.json', head('{\n  "rss": {\n    "version": "2.0"')), 'rss');
  assert.equal(detectFormat('data.txt', head('{"text": "a"}\n{"text": "b"}\n')), 'jsonl');
  assert.equal(
    detectFormat('chats.jsonl', head('{"messages": [], "id": 1}\n{"messages": [], "id": 2}\n')),
    'jsonl',
  );
  assert.equal(detectFormat('x.json', head('{\n  "title": "pretty"\n}')), 'jsonl');
});

test('markup is told by its root element after the prolog, comments and doctype', () => {
  assert.equal(
    detectFormat('a.html', head('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')),
    'rss',
  );
  assert.equal(
    detectFormat('feed.rss', head('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')),
    'rss',
  );
  assert.equal(
    detectFormat('x', head('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">')),
    'rss',
  );
  assert.equal(detectFormat('page.xml', head('\r\n<!DOCTYPE html>\n<html lang="uk">')), 'html');
  assert.equal(detectFormat('page', head('<html><head>')), 'html');
  assert.equal(detectFormat('fragment.html', head('<div class="page">')), 'html');
  assert.equal(detectFormat('sitemap.xml', head('<?xml version="1.0"?><urlset>')), 'rss');
});

test('GDELT rows and zips, CSV with a header and plain text', () => {
  const row = ['123', '20240301', ...Array.from({ length: 59 }, () => '')].join('\t');
  assert.equal(detectFormat('20240301.export.CSV', head(`${row}\n`)), 'gdelt');
  assert.equal(detectFormat('x.bin', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])), 'gdelt');
  assert.equal(detectFormat('corpus.txt', head('id;text;date\n1;x;2024-03-01\n')), 'csv');
  assert.equal(detectFormat('corpus.csv', head('a,b\n1,2\n')), 'csv');
  assert.equal(detectFormat('notes.txt', head('Перемовини, мабуть, відновляться.\n')), 'text');
  assert.equal(detectFormat('https://example.org/feed.xml?x=1', head('')), 'rss');
  assert.equal(detectFormat('README', head('')), 'text');
});

test('UTF-16 heads are decoded before they are looked at', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text": "a"}\n', 'utf16le')]);
  assert.equal(detectFormat('x', utf16), 'jsonl');
});

test('the project fixtures are detected as the readers they were written for', () => {
  const expected: Record<string, Format> = {
    jsonl: 'jsonl',
    csv: 'csv',
    telegram: 'telegram',
    gdelt: 'gdelt',
  };
  for (const [folder, format] of Object.entries(expected)) {
    for (const name of readdirSync(path.join(FIXTURES, folder))) {
      const file = path.join(FIXTURES, folder, name);
      assert.equal(detectFormat(file, readFileSync(file)), format, file);
    }
  }
});

/** What every real sample should be read as. */
function expectedFormat(folder: string, name: string): Format {
  if (folder === 'rss' || folder === 'atom' || folder === 'jsonfeed') return 'rss';
  if (folder === 'telegram') return 'telegram';
  if (folder === 'html') return name.endsWith('.json') ? 'jsonl' : 'html';
  if (folder === 'gdelt') return /export\.CSV$|gdelt1-events/.test(name) ? 'gdelt' : 'csv';
  return 'text';
}

test('every real sample in the shared formats folder is detected by content', {
  skip: existsSync(SHARED) ? false : 'shared samples absent',
}, () => {
  let checked = 0;
  for (const entry of readdirSync(SHARED, { withFileTypes: true })) {
    const folder = entry.isDirectory() ? entry.name : '';
    const names = entry.isDirectory() ? readdirSync(path.join(SHARED, folder)) : [entry.name];
    for (const name of names) {
      const file = path.join(SHARED, folder, name);
      const bytes = readFileSync(file).subarray(0, 64 * 1024);
      assert.equal(detectFormat(file, bytes), expectedFormat(folder, name), file);
      checked += 1;
    }
  }
  assert.ok(checked > 50, `${checked} samples`);
  // The Atom feed saved as .rss, and the JSON Feed truncated before its "version" key.
  assert.equal(
    detectFormat('x.rss', readFileSync(path.join(SHARED, 'atom/daringfireball-2016-atom-named-rss.rss'))),
    'rss',
  );
  assert.equal(
    detectFormat('x.json', readFileSync(path.join(SHARED, 'jsonfeed/allthis-truncated-invalid.json'))),
    'rss',
  );
});
