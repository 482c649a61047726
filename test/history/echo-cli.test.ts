// `overture analyze echo` end to end on the constructed corpus of seed-history.ts: the chains,
// lags and sources are known by construction.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { STORE_FACTORIES } from '../helpers/stores.js';
import { runHistoryCli } from './run-history-cli.js';
import { seedEpisode, seedHistory } from './seed-history.js';

for (const factory of STORE_FACTORIES) {
  describe(`analyze echo (${factory.name})`, () => {
    let opened: Awaited<ReturnType<typeof factory.open>>;
    let args: string[];
    let env: Record<string, string>;
    let episodeId: string;
    const out = mkdtempSync(join(tmpdir(), 'overture-echo-'));

    before(async () => {
      opened = await factory.open();
      await seedHistory(opened.store);
      episodeId = await seedEpisode(opened.store);
      await opened.store.close();
      args = opened.options.db ? ['--db', opened.options.db] : [];
      env = opened.options.databaseUrl ? { DATABASE_URL: opened.options.databaseUrl } : {};
    });
    after(async () => {
      await opened.dispose();
      rmSync(out, { recursive: true, force: true });
    });

    const run = (extra: string[]) => runHistoryCli([...extra, ...args], { env });

    test('a formula said in Russian and in English is one chain, camps in order, lags from the origin', async () => {
      const result = await run([
        'analyze',
        'echo',
        '--since',
        '2023-11-22',
        '--until',
        '2023-11-30',
        '--json',
      ]);
      assert.equal(result.code, 0, result.stderr);
      const { formulas } = JSON.parse(result.stdout);
      const never = formulas.find((f: { formula: string }) => f.formula === 'overture.never-refused-talks');
      assert.deepEqual(never.first, {
        source: 'kremlin',
        camp: 'ru-official',
        time: '2023-11-22T10:00:00.000Z',
      });
      assert.deepEqual(
        never.chain.map((l: { camp: string; lag_hours: number; sources: Array<{ source: string }> }) => [
          l.camp,
          l.lag_hours,
          l.sources.map((s) => s.source),
        ]),
        [
          ['ru-official', 0, ['kremlin']],
          ['ru-state-media', 2, ['tass']],
          ['west-commentary', 50, ['blog-x']],
        ],
      );
      assert.deepEqual(never.langs, ['en', 'ru']);
      const realities = formulas.find(
        (f: { formula: string }) => f.formula === 'position.new-territorial-realities',
      );
      assert.equal(realities.path, 'ru-official → ru-milblog → west-media');
      assert.deepEqual(
        realities.chain.map((l: { lag_hours: number }) => l.lag_hours),
        [0, 26, 74],
      );
      assert.equal(realities.soonest[0].source, 'rybar');
    });

    test('near-duplicate statements in one language form a cluster with its own chain', async () => {
      const result = await run([
        'analyze',
        'echo',
        '--since',
        '2023-11-22',
        '--until',
        '2023-11-30',
        '--json',
      ]);
      const { clusters, stats } = JSON.parse(result.stdout);
      // The state-media copy of the first sentence and the milblog copy of the second.
      assert.deepEqual(
        clusters.map((c: { path: string; lang: string; size: number }) => [c.path, c.lang, c.size]).sort(),
        [
          ['ru-official → ru-milblog', 'ru', 2],
          ['ru-official → ru-state-media', 'ru', 2],
        ],
      );
      // The English renderings share no shingles with the Russian sentences: not near duplicates.
      assert.ok(clusters.every((c: { langs: string[] }) => c.langs.join() === 'ru'));
      assert.ok(stats.nearDuplicates.statements >= 8);
    });

    test('--formula and --signal narrow the output; the signal as a whole gets its own chain', async () => {
      const one = JSON.parse(
        (
          await run([
            'analyze',
            'echo',
            '--formula',
            'new-territorial-realities',
            '--no-near-duplicates',
            '--json',
          ])
        ).stdout,
      );
      assert.deepEqual(
        one.formulas.map((f: { formula: string }) => f.formula),
        ['position.new-territorial-realities'],
      );
      assert.deepEqual(one.clusters, []);
      const signal = JSON.parse(
        (await run(['analyze', 'echo', '--signal', 'stalemate', '--no-near-duplicates', '--json'])).stdout,
      );
      assert.deepEqual(
        signal.formulas.map((f: { formula: string }) => f.formula),
        ['stalemate.no-military-solution'],
      );
      assert.equal(signal.signals[0].formula, 'signal:stalemate');
      assert.equal(signal.signals[0].first.source, 'blog-x');
    });

    test('per episode: the formulas its group used, and how many reached the other side', async () => {
      const result = await run(['analyze', 'echo', '--episode', episodeId, '--json']);
      assert.equal(result.code, 0, result.stderr);
      const { formulas, episode } = JSON.parse(result.stdout);
      assert.deepEqual(formulas.map((f: { formula: string }) => f.formula).sort(), [
        'overture.never-refused-talks',
        'position.new-territorial-realities',
      ]);
      assert.equal(episode.amplification.items, 2);
      assert.equal(episode.amplification.crossSideItems, 2);
      assert.deepEqual(
        episode.amplification.crossSideSources.map((s: { source: string }) => s.source),
        ['blog-x', 'paper-y'],
      );
      const text = await run(['analyze', 'echo', '--episode', episodeId, '--no-near-duplicates']);
      assert.match(text.stdout, /2 formulas; 2 reached another side \(100%\)/);
    });

    test('the source network exports as GraphML and JSON', async () => {
      const file = join(out, 'echo.graphml');
      const result = await run([
        'analyze',
        'echo',
        '--since',
        '2023-11-22',
        '--until',
        '2023-11-30',
        '--graph',
        'graphml',
        '--out',
        file,
      ]);
      assert.equal(result.code, 0, result.stderr);
      const graphml = readFileSync(file, 'utf8');
      assert.match(graphml, /<graph id="echo" edgedefault="directed">/);
      assert.match(graphml, /<edge id="e\d+" source="kremlin" target="tass">/);
      const json = JSON.parse(
        (await run(['analyze', 'echo', '--since', '2023-11-22', '--until', '2023-11-30', '--graph', 'json']))
          .stdout,
      );
      assert.ok(
        json.nodes.some(
          (n: { id: string; camp: string }) => n.id === 'blog-x' && n.camp === 'west-commentary',
        ),
      );
      assert.ok(json.edges.every((e: { weight: number }) => e.weight >= 1));
    });

    test('the text report shows each chain with its lags', async () => {
      const result = await run(['analyze', 'echo', '--since', '2023-11-22', '--until', '2023-11-30']);
      assert.match(
        result.stdout,
        /overture\.never-refused-talks {2}ru-official → ru-state-media → west-commentary/,
      );
      assert.match(result.stdout, /\+ +50\.0 h {2}west-commentary +blog-x/);
    });

    test('bad options say what was expected', async () => {
      const graph = await run(['analyze', 'echo', '--graph', 'dot']);
      assert.equal(graph.code, 2);
      assert.match(graph.stderr, /invalid graph: got "dot" \(expected graphml or json\)/);
      const since = await run(['analyze', 'echo', '--since', '22.11.2023']);
      assert.match(since.stderr, /invalid since: got "22\.11\.2023"/);
      const missing = await run(['analyze', 'echo', '--episode', 'nope']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no stored episode "nope"/);
    });
  });
}
