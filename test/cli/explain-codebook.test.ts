import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { runOverture } from '../helpers/run-overture.js';

test('explain shows the words matched, the rule, the negation and the speaker', async () => {
  const { code, stdout } = await runOverture([
    'explain',
    'Киев не готов к переговорам, заявил Песков.',
    '--lang',
    'ru',
  ]);
  assert.equal(code, 0);
  assert.match(stdout, /rule overture\.ru\.ready-to-talk matched «готов» \d+–\d+ \+ «переговорам»/);
  assert.match(stdout, /negated by «не»: coded refusal instead of overture/);
  assert.match(stdout, /why this rule: /);
  assert.match(stdout, /speaker peskov: the nearest verb frame after the evidence/);
  assert.match(stdout, /code: refusal speaker=peskov/);
});

test('explain --json gives the same explanation as data', async () => {
  const { code, stdout } = await runOverture(['explain', 'The Kyiv regime refuses to talk.', '--json']);
  assert.equal(code, 0);
  const e = JSON.parse(stdout);
  assert.equal(e.lang, 'en');
  assert.equal(e.statements[0].codes[0].signal, 'delegitimize');
  assert.equal(e.statements[0].fired[0].rationale.length > 0, true);
});

test('codebook validate accepts the default codebook and names file and line in a broken one', async () => {
  const ok = await runOverture(['codebook', 'validate', '--json']);
  assert.equal(ok.code, 0);
  const summary = JSON.parse(ok.stdout);
  assert.deepEqual(summary.languages, ['ru', 'uk', 'en']);
  assert.equal(summary.signals.length, 10);
  assert.ok(summary.examples.checked > 1000);
  assert.deepEqual(summary.examples.missed, []);
  const bad = await runOverture(['codebook', 'validate', resolve('test/fixtures/codebook/bad-line')]);
  assert.equal(bad.code, 4);
  assert.match(bad.stderr, /signals\/overture\.yaml line 6: rules\.en\[0\]\.near\.within: .*expected number/);
});

test('codebook export writes a quanteda dictionary; import turns one into a signal file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'overture-codebook-'));
  const out = join(dir, 'dict.yml');
  const exported = await runOverture(['codebook', 'export', '--quanteda', out]);
  assert.equal(exported.code, 0);
  const dict = parse(readFileSync(out, 'utf8'));
  assert.ok(Array.isArray(dict.refusal.en['nothing-to-discuss']));

  const copy = join(dir, 'codebook');
  cpSync(resolve('codebook'), copy, { recursive: true });
  const imported = await runOverture([
    'codebook',
    'import',
    '--quanteda',
    resolve('test/fixtures/codebook/peace-dictionary.yml'),
    '--signal',
    'overture',
    '--lang',
    'en',
    '--into',
    copy,
  ]);
  assert.equal(imported.code, 3, imported.stderr);
  assert.match(imported.stderr, /skipped pattern "\*war" .* key odd/);
  const file = readFileSync(join(copy, 'signals', 'overture.peace-dictionary.yaml'), 'utf8');
  assert.match(file, /id: peace-calls/);
  const classify = await runOverture(['classify', '--codebook', copy, '--no-model'], {
    stdin: JSON.stringify({ id: 1, text: 'Peace talks again.', lang: 'en' }),
  });
  assert.equal(
    JSON.parse(classify.stdout).statements[0].signals[0].evidence[0].rule,
    'overture.en.peace-calls',
  );
  // The imported rule's placeholder example is reported by validate, which still accepts the folder.
  const checked = await runOverture(['codebook', 'validate', copy]);
  assert.equal(checked.code, 0, checked.stderr);
  assert.match(
    checked.stderr,
    /warning: signals\/overture\.peace-dictionary\.yaml: rule overture\.en\.peace-calls does not match its own example/,
  );
  writeFileSync(join(dir, 'x'), '');
});
