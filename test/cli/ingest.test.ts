import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cliStore, runOverture } from '../helpers/run-overture.js';
import { STORE_FACTORIES } from '../helpers/stores.js';

const FIXTURES = 'test/fixtures/corpus';

test('--help lists the commands and exits 0', async () => {
  const result = await runOverture(['--help']);
  assert.equal(result.code, 0);
  for (const command of ['ingest', 'sources', 'stats', 'code', 'watch'])
    assert.match(result.stdout, new RegExp(command));
});

test('an unknown option is a usage error', async () => {
  const result = await runOverture(['ingest', '--no-such-flag', 'x']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /unknown option/);
});

for (const factory of STORE_FACTORIES) {
  describe(`ingest on ${factory.name}`, () => {
    const cli = cliStore(factory);

    test('keeps the good records, rejects the bad ones by line, and exits 3', async () => {
      const result = await runOverture(
        [...cli.args, 'ingest', `${FIXTURES}/mixed.jsonl`, '--no-code', '--json'],
        { env: cli.env },
      );
      assert.equal(result.code, 3, result.stderr);
      const summary = JSON.parse(result.stdout);
      assert.equal(summary.accepted, 4);
      assert.equal(summary.duplicates, 0);
      const refs = summary.rejected.map((r: { ref: string }) => r.ref);
      assert.deepEqual(refs, [
        `${FIXTURES}/mixed.jsonl line 4`,
        `${FIXTURES}/mixed.jsonl line 5`,
        `${FIXTURES}/mixed.jsonl line 6`,
      ]);
      assert.match(summary.rejected[2].reason, /2024-02-31/);
    });

    test('re-running the same ingest duplicates nothing', async () => {
      const result = await runOverture(
        [...cli.args, 'ingest', `${FIXTURES}/mixed.jsonl`, '--no-code', '--json'],
        { env: cli.env },
      );
      const summary = JSON.parse(result.stdout);
      assert.equal(summary.accepted, 0);
      assert.equal(summary.duplicates, 4);
      const stats = JSON.parse(
        (await runOverture([...cli.args, 'stats', '--json'], { env: cli.env })).stdout,
      );
      assert.equal(stats.documents, 4);
      assert.equal(stats.sources, 4);
      for (const key of ['sources', 'documents', 'statements', 'signals'])
        assert.equal(typeof stats[key], 'number');
    });

    test('an empty file is unusable: exit 4, and the message names the file', async () => {
      const result = await runOverture([...cli.args, 'ingest', `${FIXTURES}/empty.jsonl`, '--no-code'], {
        env: cli.env,
      });
      assert.equal(result.code, 4);
      assert.match(result.stderr, /empty\.jsonl/);
    });

    test('a record with no source needs --source; an unknown --source needs --camp', async () => {
      const missing = await runOverture(
        [...cli.args, 'ingest', `${FIXTURES}/no-source.jsonl`, '--no-code', '--json'],
        { env: cli.env },
      );
      assert.equal(missing.code, 3);
      assert.match(JSON.parse(missing.stdout).rejected[0].reason, /no source/);
      const unknown = await runOverture(
        [...cli.args, 'ingest', `${FIXTURES}/no-source.jsonl`, '--source', 'Nowhere', '--no-code'],
        {
          env: cli.env,
        },
      );
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown source "Nowhere"/);
      const created = await runOverture(
        [
          ...cli.args,
          'ingest',
          `${FIXTURES}/no-source.jsonl`,
          '--source',
          'Nowhere',
          '--camp',
          'other',
          '--no-code',
          '--json',
        ],
        { env: cli.env },
      );
      assert.equal(created.code, 0, created.stderr);
      assert.equal(JSON.parse(created.stdout).accepted, 1);
    });

    test('a folder of text files is read file by file under --source', async () => {
      await runOverture([...cli.args, 'sources', 'add', 'Fixture texts', '--camp', 'other', '--lang', 'en'], {
        env: cli.env,
      });
      const result = await runOverture(
        [...cli.args, 'ingest', `${FIXTURES}/texts`, '--source', 'Fixture texts', '--no-code', '--json'],
        { env: cli.env },
      );
      assert.equal(result.code, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).accepted, 2);
      const list = JSON.parse(
        (await runOverture([...cli.args, 'sources', 'list', '--json'], { env: cli.env })).stdout,
      );
      assert.ok(
        list.some((s: { name: string; camp: string }) => s.name === 'Fixture texts' && s.camp === 'other'),
      );
    });

    test('records are read from standard input with -', async () => {
      const line = JSON.stringify({
        id: 's1',
        text: 'Kyiv is ready for a just peace.',
        source: 'Stdin source',
        camp: 'ua-media',
      });
      const result = await runOverture(
        [...cli.args, 'ingest', '-', '--format', 'jsonl', '--no-code', '--json'],
        {
          env: cli.env,
          stdin: `${line}\n`,
        },
      );
      assert.equal(result.code, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).accepted, 1);
    });

    test('the packaged model by default, --no-model is the rules alone, and code re-codes when the model changes', async () => {
      const line = JSON.stringify({
        id: 'm1',
        text: 'Moscow said it is ready for talks with Kyiv without preconditions, the ministry said today.',
        source: 'Model source',
        camp: 'ru-official',
      });
      const ingested = await runOverture(
        [...cli.args, 'ingest', '-', '--format', 'jsonl', '--no-model', '--jobs', '1', '--json'],
        { env: cli.env, stdin: `${line}\n` },
      );
      assert.equal(ingested.code, 0, ingested.stderr);
      assert.equal(JSON.parse(ingested.stdout).coded, 1);
      const rulesOnly = JSON.parse(
        (await runOverture([...cli.args, 'code', '--no-model', '--json'], { env: cli.env })).stdout,
      );
      // Every document is now coded by the rules-only version.
      assert.doesNotMatch(rulesOnly.codebookVersion, /\+/);
      // No flag is the packaged model, as --model alone is: a new version, which re-codes.
      const withModel = JSON.parse(
        (await runOverture([...cli.args, 'code', '--json'], { env: cli.env })).stdout,
      );
      assert.match(withModel.codebookVersion, /^[0-9a-f]+\+[0-9a-f]{16}$/);
      assert.ok(withModel.coded >= 1, 'a new version re-codes what the old one coded');
      const same = JSON.parse(
        (await runOverture([...cli.args, 'code', '--model', '--json'], { env: cli.env })).stdout,
      );
      assert.equal(same.codebookVersion, withModel.codebookVersion);
      assert.equal(same.coded, 0, '--model alone is the default: nothing to re-code');
      const again = JSON.parse(
        (await runOverture([...cli.args, 'code', '--no-model', '--json'], { env: cli.env })).stdout,
      );
      assert.equal(again.coded, withModel.coded, 'back to rules only re-codes the same documents');
    });
  });
}
