import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { type ClusterStatement, NearDuplicateClusterer } from './near-duplicate-clusters.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2023, 10, 22, 12);

let nextDocument = 1;
function statement(source: string, camp: string, hours: number, text: string, lang = 'en'): ClusterStatement {
  return { documentId: nextDocument++, idx: 0, source, camp, lang, time: T0 + hours * HOUR, text };
}

const FORMULA = 'we have never refused peace talks with Ukraine and the door remains open to negotiations';

test('copies and light rewrites of one sentence across sources form one cluster', () => {
  const clusterer = new NearDuplicateClusterer({ tableLog2: 12, recentLog2: 8 });
  clusterer.add(statement('kremlin.ru', 'ru-official', 0, `Putin said ${FORMULA}.`));
  clusterer.add(
    statement(
      'unrelated',
      'west-media',
      1,
      'Grain exports through the Black Sea corridor rose again this month',
    ),
  );
  clusterer.add(statement('tass', 'ru-state-media', 2, `Putin said: ${FORMULA}.`));
  clusterer.add(statement('milblog', 'ru-milblog', 5, `Putin said today ${FORMULA}.`));
  clusterer.add(statement('commentator', 'west-commentary', 30, `As Putin said, ${FORMULA}.`));
  const { clusters, stats } = clusterer.result();
  assert.equal(clusters.length, 1);
  const [cluster] = clusters;
  assert.equal(cluster!.size, 4);
  assert.deepEqual(cluster!.sightings.map((s) => s.source).sort(), [
    'commentator',
    'kremlin.ru',
    'milblog',
    'tass',
  ]);
  assert.equal(cluster!.id, 'dup:1.0');
  assert.equal(stats.statements, 5);
  assert.equal(stats.clusters, 1);
});

test('the same sentence in another language is not a near duplicate (languages are kept apart)', () => {
  const clusterer = new NearDuplicateClusterer({ tableLog2: 12, recentLog2: 8 });
  clusterer.add(statement('a', 'ru-official', 0, FORMULA, 'en'));
  clusterer.add(statement('b', 'west-media', 1, FORMULA, 'de'));
  assert.equal(clusterer.result().clusters.length, 0);
});

test('repeats within a single source are counted but a one-source cluster is not reported', () => {
  const clusterer = new NearDuplicateClusterer({ tableLog2: 12, recentLog2: 8 });
  clusterer.add(statement('a', 'ru-official', 0, FORMULA));
  clusterer.add(statement('a', 'ru-official', 1, FORMULA));
  assert.equal(clusterer.result().clusters.length, 0);
  assert.equal(clusterer.result(1).clusters[0]!.size, 2);
});

test('short statements are skipped as too generic to call copies', () => {
  const clusterer = new NearDuplicateClusterer({ tableLog2: 12, recentLog2: 8 });
  clusterer.add(statement('a', 'ru-official', 0, 'Thank you very much.'));
  clusterer.add(statement('b', 'west-media', 1, 'Thank you very much.'));
  const { clusters, stats } = clusterer.result();
  assert.equal(clusters.length, 0);
  assert.equal(stats.skippedShort, 2);
});

test('a leader that has left the recent ring can no longer open a cluster', () => {
  const clusterer = new NearDuplicateClusterer({ tableLog2: 12, recentLog2: 4 });
  clusterer.add(statement('a', 'ru-official', 0, FORMULA));
  for (let i = 0; i < 20; i++) {
    clusterer.add(
      statement('filler', 'other', 1, `filler sentence number ${i} about nothing in particular at all`),
    );
  }
  clusterer.add(statement('b', 'west-media', 2, FORMULA));
  assert.equal(clusterer.result().clusters.length, 0);
});
