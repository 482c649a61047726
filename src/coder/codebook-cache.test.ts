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
import { deserialize, serialize } from 'node:v8';
import { withCacheDir } from '../../test/helpers/cache-dir.js';
import { parseCodebook } from '../core/codebook/parse-codebook.js';
import { createCoder } from '../core/coding/coder.js';
import { cacheDir, cacheKey, cacheKeyIn, readCachedCodebook, writeCachedCodebook } from './codebook-cache.js';
import { loadCodebook, loadCompiledCodebook, readCodebookFiles } from './load-coder.js';

const work = mkdtempSync(join(tmpdir(), 'overture-cache-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

function devSentences(): Array<{ text: string; lang: 'ru' | 'uk' | 'en' }> {
  return readFileSync('test/gold/dev.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; lang: 'ru' | 'uk' | 'en' });
}

test('a cached codebook codes exactly as the parsed one, with the same version', async () => {
  const dir = join(work, 'faithful');
  const files = await readCodebookFiles();
  const parsed = parseCodebook(files);
  const key = await cacheKeyIn(dir, files);
  assert.ok(key);
  assert.equal(await readCachedCodebook(dir, key), null);
  await writeCachedCodebook(dir, key, parsed);
  const entry = await readCachedCodebook(dir, key);
  assert.ok(entry);
  assert.equal(entry.compiled, null);
  const cached = entry.codebook;
  assert.equal(cached.version, parsed.version);
  const fresh = createCoder(parsed);
  const again = createCoder(cached);
  assert.equal(again.version, fresh.version);
  for (const { text, lang } of devSentences()) {
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
  await withCacheDir(dir, async () => {
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
  });
  assert.ok(existsSync(dir));
});

test('a coder restored from its cached compiled snapshot codes and explains exactly as a compiled one', async () => {
  const dir = join(work, 'compiled');
  await withCacheDir(dir, async () => {
    const first = await loadCompiledCodebook();
    const key = await cacheKeyIn(dir, await readCodebookFiles());
    const entry = await readCachedCodebook(dir, key);
    assert.ok(entry?.compiled, 'the first load stores the compiled snapshot');
    const restored = await loadCompiledCodebook();
    assert.notEqual(restored.matcher, first.matcher);
    assert.equal(restored.matcher.phraseCount, first.matcher.phraseCount);
    const fresh = createCoder(first.codebook, { compiled: first });
    const again = createCoder(restored.codebook, { compiled: restored });
    assert.equal(again.version, fresh.version);
    for (const { text, lang } of devSentences()) {
      const input = { text, lang, defaultSpeaker: 'kremlin' };
      assert.deepEqual(again.code(input), fresh.code(input), text);
      const explained = again.explain(input).map((e) => [e.analysis.occurrences, e.analysis.hits, e.coding]);
      assert.deepEqual(
        explained,
        fresh.explain(input).map((e) => [e.analysis.occurrences, e.analysis.hits, e.coding]),
      );
    }
    assert.throws(() =>
      createCoder(first.codebook, {
        compiled: { ...restored, codebook: { ...restored.codebook, version: 'x' } },
      }),
    );
  });
});

test('a damaged or foreign cache entry is recompiled and rewritten, never trusted', async () => {
  const dir = join(work, 'damaged');
  await withCacheDir(dir, async () => {
    const reference = await loadCompiledCodebook();
    const [name] = readdirSync(dir).filter((n) => n.endsWith('.v8'));
    assert.ok(name);
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const samples = devSentences().slice(0, 40);
    const codes = (compiled: typeof reference) => {
      const coder = createCoder(compiled.codebook, { compiled });
      return samples.map(({ text, lang }) => coder.code({ text, lang, defaultSpeaker: null }));
    };
    const expected = codes(reference);
    const entry = deserialize(bytes) as { key: string; compiled: Uint8Array };
    const snapshot = deserialize(entry.compiled) as { codebookVersion: string };
    const foreign = serialize({ ...entry, key: '0'.repeat(64) });
    const mismatched = serialize({
      ...entry,
      compiled: serialize({ ...snapshot, codebookVersion: 'another' }),
    });
    const garbled = serialize({ ...entry, compiled: entry.compiled.subarray(0, 1000) });
    const damages = [bytes.subarray(0, bytes.length >> 1), Buffer.from('not a cache entry'), Buffer.alloc(0)];
    for (const damage of [...damages, foreign, mismatched, garbled]) {
      writeFileSync(path, damage);
      assert.deepEqual(codes(await loadCompiledCodebook()), expected);
      assert.ok((await readCachedCodebook(dir, name.slice('codebook-'.length, -'.v8'.length)))?.compiled);
    }
  });
});
