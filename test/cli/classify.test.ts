import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runOverture } from '../helpers/run-overture.js';

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

test('classify prints one line per record in input order, with evidence and positions', async () => {
  const input = [
    JSON.stringify({
      id: 'a',
      text: 'Песков заявил, что Москва открыта для переговоров. Погода хорошая.',
      lang: 'ru',
    }),
    JSON.stringify({ id: 2, text: 'The weather was fine.' }),
    JSON.stringify({
      id: 'c',
      text: 'Russia is ready for talks if Kyiv accepts the new territorial realities.',
      lang: 'en',
    }),
  ].join('\n');
  const { code, stdout, stderr } = await runOverture(['classify', '--no-model'], { stdin: input });
  assert.equal(code, 0, stderr);
  const out = lines(stdout);
  assert.deepEqual(
    out.map((o) => o.id),
    ['a', 2, 'c'],
  );
  assert.deepEqual(out[0].signals, ['overture']);
  assert.equal(out[0].statements.length, 1);
  const [signal] = out[0].statements[0].signals;
  assert.equal(signal.speaker, 'peskov');
  assert.deepEqual(Object.keys(signal), [
    'signal',
    'speaker',
    'target',
    'position',
    'stance',
    'confidence',
    'evidence',
  ]);
  const text = 'Песков заявил, что Москва открыта для переговоров. Погода хорошая.';
  assert.deepEqual(
    signal.evidence.map((e: { start: number; end: number }) => text.slice(e.start, e.end)),
    ['открыта', 'переговоров'],
  );
  assert.deepEqual(out[1], { id: 2, signals: [], positions: [], statements: [] });
  assert.deepEqual(out[2].signals, ['overture', 'position']);
  assert.deepEqual(out[2].positions, [{ key: 'annexed-territories', stance: 'assert' }]);
});

test('a bad line is reported with its line number and the run goes on, exiting 3', async () => {
  const input = [
    '{"id": "ok1", "text": "Мир."}',
    '{not json',
    '{"id": "x"}',
    '',
    '{"id": "ok2", "text": "Peace."}',
  ].join('\n');
  const { code, stdout, stderr } = await runOverture(['classify', '--no-model'], { stdin: input });
  assert.equal(code, 3);
  assert.deepEqual(
    lines(stdout).map((o) => o.id),
    ['ok1', 'ok2'],
  );
  assert.match(stderr, /invalid record in stdin line 2: not JSON/);
  assert.match(stderr, /invalid record in stdin line 3: text: .*expected \{"id"/);
});

test('classify reads --input and codes large inputs in worker threads, in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'overture-classify-'));
  const file = join(dir, 'in.jsonl');
  const texts = [
    'Мы готовы к переговорам.',
    'Погода хорошая.',
    'Ukraine is a failed state.',
    'Перемовин із Путіним не буде.',
  ];
  const records = Array.from({ length: 400 }, (_, i) => ({ id: i, text: texts[i % texts.length] }));
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const { code, stdout, stderr } = await runOverture(
    ['classify', '--input', file, '--no-model', '--jobs', '2'],
    {
      env: { OVERTURE_INLINE_BYTES: '1000' },
    },
  );
  assert.equal(code, 0, stderr);
  const out = lines(stdout);
  assert.deepEqual(
    out.map((o) => o.id),
    records.map((r) => r.id),
  );
  assert.deepEqual(out[0].signals, ['overture']);
  assert.deepEqual(out[3].signals, ['refusal']);
  assert.equal(readFileSync(file, 'utf8').split('\n').length, 401);
});

test('a missing input file and a bad --jobs are usage errors', async () => {
  const missing = await runOverture(['classify', '--input', '/nonexistent/x.jsonl']);
  assert.equal(missing.code, 4);
  assert.match(missing.stderr, /cannot read \/nonexistent\/x\.jsonl/);
  const jobs = await runOverture(['classify', '--jobs', '0'], { stdin: '' });
  assert.equal(jobs.code, 2);
  assert.match(jobs.stderr, /invalid --jobs: got "0"/);
});

test('in worker threads, a line of invalid UTF-8 and a CRLF ending are handled line by line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'overture-classify-'));
  const file = join(dir, 'in.jsonl');
  const good = (i: number) =>
    Buffer.from(`${JSON.stringify({ id: i, text: 'Мы готовы к переговорам.' })}\r\n`);
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  for (let i = 0; i < 300; i++) {
    parts.push(i === 150 ? Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]) : good(i));
  }
  writeFileSync(file, Buffer.concat(parts));
  const { code, stdout, stderr } = await runOverture(
    ['classify', '--input', file, '--no-model', '--jobs', '2'],
    { env: { OVERTURE_INLINE_BYTES: '1000' } },
  );
  assert.equal(code, 3);
  const out = lines(stdout);
  assert.equal(out.length, 299);
  assert.deepEqual(out[0].signals, ['overture']);
  assert.ok(!out.some((o) => o.id === 150));
  assert.match(
    stderr,
    /invalid record in .*in\.jsonl line 151: invalid UTF-8 at byte 3 of the line: 0xff 0xfe/,
  );
});

test('UTF-16 input, known by its byte-order mark, is decoded and coded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'overture-classify-'));
  const file = join(dir, 'in.jsonl');
  const text = `${JSON.stringify({ id: 'u', text: 'Перемовин із Путіним не буде.' })}\n`;
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const { code, stdout, stderr } = await runOverture(['classify', '--input', file, '--no-model']);
  assert.equal(code, 0, stderr);
  assert.deepEqual(lines(stdout)[0].signals, ['refusal']);
});

test('the packaged model by default, as with --model alone or --model FILE; --no-model is the rules alone', async () => {
  const input = `${JSON.stringify({
    id: 'm',
    // A wedge the rules do not code and the packaged model does (retraining may call for another).
    text: 'Европейские столицы всё больше сомневаются, стоит ли дальше оплачивать эту войну, пишет газета.',
    lang: 'ru',
  })}\n`;
  const modelCodes = (stdout: string) =>
    lines(stdout).flatMap((o) =>
      o.statements.flatMap((s: { signals: Array<{ evidence: Array<{ rule: string }> }> }) =>
        s.signals.filter((c) => c.evidence.some((e) => e.rule.startsWith('model:'))),
      ),
    );
  const plain = await runOverture(['classify'], { stdin: input });
  assert.equal(plain.code, 0, plain.stderr);
  assert.ok(modelCodes(plain.stdout).length > 0, 'the packaged model adds a code the rules miss');
  const rulesOnly = await runOverture(['classify', '--no-model'], { stdin: input });
  assert.equal(rulesOnly.code, 0, rulesOnly.stderr);
  assert.deepEqual(modelCodes(rulesOnly.stdout), []);
  const packaged = await runOverture(['classify', '--model'], { stdin: input });
  assert.equal(packaged.stdout, plain.stdout);
  const file = await runOverture(['classify', '--model', join('models', 'default-model.json')], {
    stdin: input,
  });
  assert.equal(file.stdout, plain.stdout);
});
