import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import { withCacheDir } from '../../test/helpers/cache-dir.js';
import type { SignalModel } from '../core/coding/coder.js';
import { loadModel } from '../core/model/serialize-model.js';
import { tokenize } from '../core/text/tokenize.js';
import { defaultModelPath } from './load-coder.js';
import { loadSignalModel } from './load-signal-model.js';

const work = mkdtempSync(join(tmpdir(), 'overture-model-cache-test-'));
after(() => rmSync(work, { recursive: true, force: true }));
const path = defaultModelPath();

/** Every probability of the model on the dev sentences, in order. */
function predictions(model: SignalModel): number[] {
  const out: number[] = [];
  const lines = readFileSync('test/gold/dev.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  for (const line of lines.slice(0, 150)) {
    const { text, lang } = JSON.parse(line) as { text: string; lang: 'ru' | 'uk' | 'en' };
    const tokens = tokenize(text);
    out.push(...(model.probabilities?.(tokens.norms, lang, undefined, tokens.ids) ?? []));
  }
  return out;
}

test('a model read back from the cache has the parsed model id and predicts exactly as it', {
  skip: path === null,
}, async () => {
  const file = path as string;
  const dir = join(work, 'faithful');
  const reference = loadModel(readFileSync(file, 'utf8'), file);
  await withCacheDir(dir, async () => {
    const first = await loadSignalModel(file);
    const entries = readdirSync(dir).filter((name) => /^model-[0-9a-f]{64}\.v8$/.test(name));
    assert.equal(entries.length, 1, 'the first load stores the parse');
    const again = await loadSignalModel(file);
    assert.equal(first.id, reference.id);
    assert.equal(again.id, reference.id);
    assert.deepEqual(predictions(again), predictions(reference));
    assert.deepEqual(predictions(first), predictions(reference));
    // It is the entry that answers: an entry naming another id is believed (it is keyed by the
    // file's bytes and this program, so only this program's parse of this file can be there).
    const entryPath = join(dir, entries[0] as string);
    const entry = deserialize(readFileSync(entryPath)) as { id: string };
    writeFileSync(entryPath, serialize({ ...entry, id: 'feedfacefeedface' }));
    assert.equal((await loadSignalModel(file)).id, 'feedfacefeedface');
  });
});

test('a damaged model entry is parsed again and rewritten; an edited file is another entry', {
  skip: path === null,
}, async () => {
  const file = path as string;
  const dir = join(work, 'damaged');
  await withCacheDir(dir, async () => {
    const reference = await loadSignalModel(file);
    const [name] = readdirSync(dir).filter((n) => n.startsWith('model-'));
    assert.ok(name);
    const bytes = readFileSync(join(dir, name));
    for (const damage of [
      bytes.subarray(0, bytes.length >> 1),
      Buffer.from('not an entry'),
      Buffer.alloc(0),
    ]) {
      writeFileSync(join(dir, name), damage);
      const model = await loadSignalModel(file);
      assert.equal(model.id, reference.id);
      assert.deepEqual(readFileSync(join(dir, name)), bytes, 'the entry is rewritten whole');
    }
    // The same model re-indented is another file: another entry, the same id (the content's).
    const copy = join(work, 'copy.json');
    writeFileSync(copy, `${JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 1)}\n`);
    const copied = await loadSignalModel(copy);
    assert.equal(copied.id, reference.id);
    assert.equal(readdirSync(dir).filter((n) => n.startsWith('model-')).length, 2);
  });
});

test('with the cache off nothing is written and the model loads all the same', {
  skip: path === null,
}, async () => {
  const model = await withCacheDir('off', () => loadSignalModel(path as string));
  assert.match(model.id, /^[0-9a-f]{16}$/);
});
