// The dashboard's files: served from a fixed table (no path reaches the file system), and written
// so that no string can become markup or code — checked here on the source itself.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/server/app.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.js';
import type { Store } from '../../src/store/store.js';

const WEB = join(process.cwd(), 'web');
const app = createApp({ store: {} as unknown as Store });

function webFiles(dir = WEB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? webFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('the dashboard is served at / with the strict headers, and its modules as JavaScript', async () => {
  const page = await app.request('/');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('Content-Type') ?? '', /^text\/html/);
  assert.equal(page.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY);
  assert.match(await page.text(), /<script type="module" src="\/app\.js"><\/script>/);
  const script = await app.request('/modules/dom.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('Content-Type') ?? '', /^text\/javascript/);
});

test('paths outside the dashboard folder lead nowhere', async () => {
  for (const path of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/modules/../../package.json',
    '/tsconfig.json',
    '/.env',
    '/web/index.html',
  ]) {
    const response = await app.request(path);
    assert.equal(response.status, 404, path);
  }
});

test('the page has no inline script, no inline style and no event-handler attribute', () => {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i);
  assert.doesNotMatch(html, /\sstyle=|<style/i);
  assert.doesNotMatch(html, /\son[a-z]+=/i);
  assert.doesNotMatch(html, /https?:\/\//i, 'nothing may load from the network');
});

test('the scripts never turn a string into markup or code', () => {
  const scripts = webFiles().filter((file) => file.endsWith('.js'));
  assert.ok(scripts.length >= 8);
  for (const file of scripts) {
    // Comments may name the sinks (to say they are not used); the code may not.
    const source = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const sink of [
      /\.innerHTML\b/,
      /\.outerHTML\b/,
      /insertAdjacentHTML/,
      /document\.write/,
      /\beval\(/,
      /new Function\(/,
      /setAttribute\(\s*['"]on/,
      /import\(\s*['"]https?:/,
    ]) {
      assert.ok(!sink.test(source), `${file} uses ${sink}`);
    }
    assert.ok(!/from ['"]https?:/.test(source), `${file} imports from the network`);
  }
});
