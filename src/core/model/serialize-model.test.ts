import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { loadModel, serializeModel } from './serialize-model.js';
import { trainModel } from './train.js';

const { model } = trainModel(
  [
    { text: 'ready for talks', lang: 'en', signals: ['overture'] },
    { text: 'a crushing response', lang: 'en', signals: ['threat'] },
    { text: 'the weather was mild', lang: 'en', signals: [] },
  ],
  { buckets: 1 << 10, epochs: 5, codebookVersion: 'abc123' },
);
const text = serializeModel(model);

test('a model survives the round trip through its file unchanged', () => {
  const loaded = loadModel(text, 'm.json');
  assert.equal(loaded.id, model.id);
  assert.equal(serializeModel(loaded), text);
  assert.deepEqual(loaded.predict('ready for talks', 'en'), model.predict('ready for talks', 'en'));
  assert.equal(loaded.codebookVersion, 'abc123');
});

test('a native SHA-256 given by the caller gives the same id as the pure one, and is the one used', () => {
  const native = (body: string) => createHash('sha256').update(body).digest('hex');
  assert.equal(loadModel(text, 'm.json', { sha256: native }).id, model.id);
  assert.throws(
    () => loadModel(text, 'm.json', { sha256: () => '0'.repeat(64) }),
    /content hashes to "0000000000000000"/,
  );
});

test('the file names its format, id, codebook version, seed and buckets', () => {
  const json = JSON.parse(text);
  assert.equal(json.format, 'overture-linear-model');
  assert.equal(json.version, 1);
  assert.match(json.id, /^[0-9a-f]{16}$/);
  assert.equal(json.codebookVersion, 'abc123');
  assert.equal(json.buckets, 1024);
  assert.equal(typeof json.seed, 'number');
  assert.equal(json.signals.overture.values.length, json.indices.length);
});

test('an edited weight is caught: the id no longer names the content', () => {
  const json = JSON.parse(text);
  json.signals.threat.bias += 1;
  assert.throws(
    () => loadModel(JSON.stringify(json), 'm.json'),
    /invalid model in m\.json: "id" is .* but the content hashes to/,
  );
});

test('bad files say which file, what is wrong and what was expected', () => {
  assert.throws(() => loadModel('{', 'x.json'), /invalid model in x\.json: not JSON/);
  assert.throws(
    () => loadModel('{"format":"other"}', 'x.json'),
    /"format" is "other" \(expected "overture-linear-model"\)/,
  );
  const json = JSON.parse(text);
  json.signals.stall.values.pop();
  assert.throws(() => loadModel(JSON.stringify(json), 'x.json'), /"signals\.stall\.values" has \d+ entries/);
  const other = JSON.parse(text);
  other.features = 'words';
  assert.throws(() => loadModel(JSON.stringify(other), 'x.json'), /"features" is "words"/);
});

test('the id is checked from the file bytes when the file is as written, from the content otherwise', () => {
  const hashed: string[] = [];
  const counting = (body: string) => {
    hashed.push(body);
    return createHash('sha256').update(body).digest('hex');
  };
  // As written: one hash, of the file's text without its id member.
  assert.equal(loadModel(text, 'm.json', { sha256: counting }).id, model.id);
  assert.equal(hashed.length, 1);
  assert.equal(hashed[0], text.trimEnd().replace(`"id":"${model.id}",`, ''));
  // Re-indented: same content, same id, found by serialising the weights again.
  hashed.length = 0;
  const indented = JSON.stringify(JSON.parse(text), null, 2);
  assert.equal(loadModel(indented, 'm.json', { sha256: counting }).id, model.id);
  assert.deepEqual(hashed, [text.trimEnd().replace(`"id":"${model.id}",`, '')]);
  // A weight edited in the written text is still caught.
  const edited = text.replace(/"values":\[(-?\d+)/, (_, first: string) => `"values":[${Number(first) + 1}`);
  assert.notEqual(edited, text);
  assert.throws(() => loadModel(edited, 'm.json'), /but the content hashes to/);
});
