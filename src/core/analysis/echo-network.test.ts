import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { buildEchoChains } from './echo.js';
import { buildSourceNetwork, networkToGraphml, networkToJson } from './echo-network.js';
import type { Sighting } from './sightings.js';

const HOUR = 3_600_000;
const s = (item: string, source: string, camp: string, hours: number): Sighting => ({
  item,
  source,
  camp,
  firstTime: hours * HOUR,
  count: 1,
});

const SIGHTINGS = [
  s('f1', 'kremlin', 'ru-official', 0),
  s('f1', 'tass', 'ru-state-media', 2),
  s('f1', 'blog', 'west-commentary', 30),
  s('f2', 'kremlin', 'ru-official', 100),
  s('f2', 'tass', 'ru-state-media', 104),
  s('f2', 'blog & co', 'west-commentary', 500),
];

test('edges run from earlier to later carriers and weigh the items they share', () => {
  const network = buildSourceNetwork(buildEchoChains(SIGHTINGS), { windowHours: 168, maxPredecessors: 5 });
  const edge = (a: string, b: string) => network.edges.find((e) => e.source === a && e.target === b);
  assert.deepEqual(edge('kremlin', 'tass'), {
    source: 'kremlin',
    target: 'tass',
    weight: 2,
    medianLagHours: 3,
  });
  assert.equal(edge('tass', 'blog')!.medianLagHours, 28);
  assert.equal(edge('tass', 'kremlin'), undefined);
  assert.equal(edge('tass', 'blog & co'), undefined, 'beyond the window');
  const kremlin = network.nodes.find((n) => n.id === 'kremlin')!;
  assert.deepEqual(kremlin, { id: 'kremlin', camp: 'ru-official', items: 2, firsts: 2, statements: 2 });
});

test('each later source links only to its nearest earlier sources', () => {
  const many = Array.from({ length: 10 }, (_, i) => s('f', `src${i}`, 'ru-state-media', i));
  const network = buildSourceNetwork(buildEchoChains(many), { maxPredecessors: 2 });
  assert.equal(network.edges.length, 1 + 2 * 8);
});

test('GraphML declares its attributes and escapes names; the JSON mirrors it', () => {
  const network = buildSourceNetwork(buildEchoChains(SIGHTINGS), { windowHours: 1000 });
  const graphml = networkToGraphml(network);
  assert.match(graphml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  assert.match(graphml, /<key id="camp" for="node" attr.name="camp" attr.type="string"\/>/);
  assert.match(graphml, /<node id="blog &amp; co">/);
  assert.equal((graphml.match(/<edge /g) ?? []).length, network.edges.length);
  const json = networkToJson(network);
  assert.equal(json.nodes.length, 4);
  assert.ok(json.edges.every((e) => typeof e.median_lag_hours === 'number'));
});
