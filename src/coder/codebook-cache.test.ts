import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseCodebook } from '../core/codebook/parse-codebook.js';
import { createCoder } from '../core/coding/coder.js';
import { cacheDir, cacheKey, cacheKeyIn, readCachedCodebook, writeCachedCodebook } from './codebook-cache.js';
import { loadCodebook, readCodebookFiles } from './load-coder.js';

const work = mkdtempSync(join(tmpdir(), 'overture-cache-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('a cached codebook codes exactly as the parsed one, with the same version', async () => {
  const dir = join(work, 'faithful');
  const files = await readCodebookFiles();
  const parsed = parseCodebook(files);
  const key = await cacheKeyIn(dir, files);
  assert.ok(key);
  assert.equal(await readCachedCodebook(dir, key), null);
  await writeCachedCodebook(dir, key, parsed);
  const cached = await readCachedCodebook(dir, key);
  assert.ok(cached);
  assert.equal(cached.version, parsed.version);
  const fresh = createCoder(parsed);
  const again = createCoder(cached);
  assert.equal(again.version, fresh.version);
  const gold = readFileSync('test/gold/dev.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; lang: 'ru' | 'uk' | 'en' });
  for (const { text, lang } of gold) {
    const input = { text, lang, defaultSpeaker: null };
    assert.deepEqual(again.code(input), fresh.code(input), text);
  }
});

test('an edited file or a renamed one is a different key', async () => {
  const files = [
    { path: 'languages.yaml', text: 'a' },
    { path: 'signals/x.yaml', text: 'b' },
  ];
  const key = await cacheKey(files);
  assert.notEqual(await cacheKey([files[0] as never, { path: 'signals/x.yaml', text: 'c' }]), key);
  assert.notEqual(await cacheKey([files[0] as never, { path: 'signals/y.yaml', text: 'b' }]), key);
  assert.equal(await cacheKey(files.map((f) => ({ ...f }))), key);
});

test('the cache lives where the environment says, and can be turned off', () => {
  assert.equal(cacheDir({ OVERTURE_CACHE_DIR: 'off' }), null);
  assert.equal(cacheDir({ OVERTURE_CACHE_DIR: '/x/y' }), '/x/y');
  assert.equal(cacheDir({ XDG_CACHE_HOME: '/c' }), join('/c', 'overture'));
  assert.equal(cacheDir({ OVERTURE_CACHE_DIR: 'off', XDG_CACHE_HOME: '/c' }), null);
});

test('a bad codebook is reported every time and never cached; a good one is', async () => {
  const dir = join(work, 'load');
  const codebook = join(work, 'codebook');
  const previous = process.env.OVERTURE_CACHE_DIR;
  process.env.OVERTURE_CACHE_DIR = dir;
  try {
    rmSync(codebook, { recursive: true, force: true });
    mkdirSync(codebook);
    cpSync('codebook', codebook, { recursive: true });
    const good = await loadCodebook(codebook);
    assert.equal(readdirSync(dir).length, 1);
    const again = await loadCodebook(codebook);
    assert.equal(again.version, good.version);
    writeFileSync(join(codebook, 'signals', 'overture.yaml'), 'signal: overture\nrules: [oops\n');
    await assert.rejects(loadCodebook(codebook), /overture\.yaml/);
    await assert.rejects(loadCodebook(codebook), /overture\.yaml/);
    assert.equal(readdirSync(dir).length, 1);
    assert.ok(!readdirSync(dir).some((name) => name.endsWith('.tmp')));
  } finally {
    if (previous === undefined) delete process.env.OVERTURE_CACHE_DIR;
    else process.env.OVERTURE_CACHE_DIR = previous;
  }
  assert.ok(existsSync(dir));
});
