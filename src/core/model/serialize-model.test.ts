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
