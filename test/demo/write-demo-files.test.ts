import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { demoRoundsFile } from '../../src/demo/demo-rounds.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { writeDemoFiles } from '../../src/demo/write-demo-files.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'overture-demo-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the demo folder holds the corpus, its intended coding, sources, indicators, rounds and timeline', async () => {
  const written = await writeDemoFiles(dir, { days: 180 });
  const demo = generateDemo({ days: 180 });
  assert.equal(written.documents, demo.documents.length);
  const lines = (await readFile(join(dir, 'corpus.jsonl'), 'utf8')).trimEnd().split('\n');
  assert.equal(lines.length, demo.documents.length);
  const { meta, ...fields } = demo.documents[0]!;
  assert.deepEqual(JSON.parse(lines[0]!), { ...fields, ...meta });
  const intended = (await readFile(join(dir, 'intended.jsonl'), 'utf8')).trimEnd().split('\n');
  assert.equal(intended.length, demo.documents.length);
  assert.deepEqual(JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8')), demo.sources);
  assert.deepEqual(JSON.parse(await readFile(join(dir, 'rounds.json'), 'utf8')), demoRoundsFile(demo.rounds));
  const indicators = JSON.parse(await readFile(join(dir, 'indicators.json'), 'utf8')) as Array<{
    file: string;
  }>;
  assert.equal(indicators.length, demo.indicators.length);
  for (const indicator of indicators) {
    const rows = (await readFile(join(dir, indicator.file), 'utf8')).trimEnd().split('\n');
    assert.equal(rows[0], 'date,value');
    assert.equal(rows.length, 181);
    assert.match(rows[1]!, /^2024-01-01,-?\d+(\.\d+)?$/);
  }
  assert.ok(!(await readdir(dir)).some((name) => name.endsWith('.partial')));
});

test('without the corpus only the small files are written', async () => {
  const small = join(dir, 'small');
  const written = await writeDemoFiles(small, { corpus: false, days: 180 });
  assert.equal(written.documents, 0);
  assert.ok(!written.files.includes('corpus.jsonl'));
  assert.ok(written.bytes < 200_000);
});

const committed = resolve(process.cwd(), 'data/demo');
test('the small files committed in data/demo are what the generator writes today', {
  skip: existsSync(join(committed, 'sources.json')) ? false : 'data/demo not generated',
}, async () => {
  const fresh = join(dir, 'fresh');
  const written = await writeDemoFiles(fresh, { corpus: false });
  for (const file of written.files) {
    const same =
      (await readFile(join(committed, file), 'utf8')) === (await readFile(join(fresh, file), 'utf8'));
    assert.ok(
      same,
      `data/demo/${file} is stale: regenerate it with node --import tsx src/demo/write-demo-files.ts data/demo --no-corpus`,
    );
  }
});
