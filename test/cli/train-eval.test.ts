import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runOverture } from '../helpers/run-overture.js';

const TINY = 'test/fixtures/gold/tiny.jsonl';
const dir = mkdtempSync(join(tmpdir(), 'overture-train-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('train writes a model and the same seed writes the same bytes', async () => {
  const a = await runOverture([
    'train',
    '--gold',
    TINY,
    '--seed',
    '5',
    '--epochs',
    '5',
    '--out',
    join(dir, 'a.json'),
  ]);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stdout, /model [0-9a-f]{16} trained on 9 statements \(en 3, ru 3, uk 3\), 5 epochs, seed 5/);
  assert.match(a.stdout, /overture +2 /);
  const b = await runOverture([
    'train',
    '--gold',
    TINY,
    '--seed',
    '5',
    '--epochs',
    '5',
    '--out',
    join(dir, 'b.json'),
    '--json',
  ]);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), readFileSync(join(dir, 'b.json'), 'utf8'));
  const summary = JSON.parse(b.stdout);
  assert.equal(summary.examples, 9);
  assert.equal(summary.positives.overture, 2);
  assert.equal(summary.id, JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).id);
});

test('train with another seed writes another model', async () => {
  await runOverture(['train', '--gold', TINY, '--seed', '5', '--epochs', '5', '--out', join(dir, 'c.json')]);
  await runOverture(['train', '--gold', TINY, '--seed', '6', '--epochs', '5', '--out', join(dir, 'd.json')]);
  assert.notEqual(readFileSync(join(dir, 'c.json'), 'utf8'), readFileSync(join(dir, 'd.json'), 'utf8'));
});

test('eval --json reports macro-F1, languages, signals, positions and confusions', async () => {
  const result = await runOverture(['eval', '--gold', TINY, '--no-model', '--json', '--confusions', '3']);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.model, null);
  assert.equal(typeof report.macroF1, 'number');
  assert.deepEqual(Object.keys(report.perLanguage).sort(), ['en', 'ru', 'uk']);
  assert.equal(typeof report.perLanguage.ru.macroF1, 'number');
  for (const field of ['precision', 'recall', 'f1', 'support'])
    assert.equal(typeof report.signals.overture[field], 'number');
  assert.equal(report.signals.overture.support, 2);
  assert.equal(report.positions.keyStance.support, 1);
  assert.ok(Array.isArray(report.confusions) && report.confusions.length <= 3);
});

test('eval with a model file names the model and prints a readable table', async () => {
  const out = join(dir, 'm.json');
  await runOverture(['train', '--gold', TINY, '--epochs', '5', '--out', out]);
  const id = JSON.parse(readFileSync(out, 'utf8')).id;
  const result = await runOverture(['eval', '--gold', TINY, '--model', out, '--threshold', '0.4']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`model ${id} from 0\\.4`));
  assert.match(result.stdout, /signal +P +R +F1 +n/);
  assert.match(result.stdout, /macro-F1/);
});

test('eval --cross-validate compares rules with rules+model', async () => {
  const result = await runOverture([
    'eval',
    '--gold',
    TINY,
    '--cross-validate',
    '3',
    '--thresholds',
    '0.5',
    '--json',
  ]);
  assert.equal(result.code, 0, result.stderr);
  const cv = JSON.parse(result.stdout);
  assert.equal(cv.folds, 3);
  assert.equal(typeof cv.rules.macroF1, 'number');
  assert.equal(cv.thresholds[0].threshold, 0.5);
  assert.equal(typeof cv.thresholds[0].combined.macroF1, 'number');
});

test('a bad gold line is an unusable input that names the line and what was expected', async () => {
  const result = await runOverture(['eval', '--gold', 'test/fixtures/gold/bad-line.jsonl', '--no-model']);
  assert.equal(result.code, 4);
  assert.match(result.stderr, /bad-line\.jsonl line 2: "signals" has "talks" \(expected one of overture/);
  const train = await runOverture([
    'train',
    '--gold',
    'test/fixtures/gold/bad-line.jsonl',
    '--out',
    join(dir, 'x.json'),
  ]);
  assert.equal(train.code, 4);
});

test('options out of range and a missing gold set are usage errors', async () => {
  const a = await runOverture(['eval', '--no-model']);
  assert.equal(a.code, 2);
  assert.match(a.stderr, /missing --gold/);
  const b = await runOverture(['train', '--gold', TINY, '--epochs', 'many']);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /invalid --epochs: got "many"/);
  const c = await runOverture(['eval', '--gold', TINY, '--threshold', '2']);
  assert.equal(c.code, 2);
  const d = await runOverture(['train', '--gold', TINY, '--buckets', '1000']);
  assert.equal(d.code, 2);
  assert.match(d.stderr, /invalid --buckets: got "1000" \(expected a power of two/);
});
