// The historical case base and analogues from the CLI, on the shipped data/cases and on
// feature files written for the tests.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { loadCases } from '../../src/core/cases/load-cases.js';
import { runHistoryCli } from './run-history-cli.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/history');
const casesDir = resolve(import.meta.dirname, '../../data/cases');

const REQUIRED = [
  'soviet-peace-offensive-1948',
  'korean-armistice-talks-1951',
  'post-stalin-overtures-1953',
  'paris-talks-1968',
  'german-talks-1969',
  'euromissiles-1981',
  'gorbachev-detente-1985',
  'istanbul-talks-2022',
  'g20-overtures-2023',
];

describe('the shipped case base', () => {
  test('every shipped case file passes its schema and cross-checks', () => {
    const files = readdirSync(casesDir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => ({ path: `data/cases/${name}`, text: readFileSync(join(casesDir, name), 'utf8') }));
    const cases = loadCases(files);
    assert.equal(cases.length, files.length);
    for (const id of REQUIRED)
      assert.ok(
        cases.some((c) => c.id === id),
        `missing case ${id}`,
      );
    for (const c of cases) {
      assert.ok(c.citations.length > 0, `${c.id} cites nothing`);
      assert.ok(c.timeline.every((f) => f.sources.length > 0));
    }
  });

  test('cases list prints every case with its period, and --json the coded features', async () => {
    const text = await runHistoryCli(['cases', 'list']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /korean-armistice-talks-1951 +1951-06-23 – 1953-07-27 +The Korean armistice talks/,
    );
    const json = JSON.parse((await runHistoryCli(['cases', 'list', '--json'])).stdout);
    assert.deepEqual(json.cases.map((c: { id: string }) => c.id).sort(), [...REQUIRED].sort());
    const gorbachev = json.cases.find((c: { id: string }) => c.id === 'gorbachev-detente-1985');
    assert.equal(gorbachev.features.position_movement, 3);
  });

  test('cases show gives the timeline with citations, the features with rationale, and the sources', async () => {
    const result = await runHistoryCli(['cases', 'show', 'paris-talks-1968']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /1973-01-27 {2}The Agreement on Ending the War and Restoring Peace in Viet-Nam is signed in Paris\. \[paris-agreement-1973\]/,
    );
    assert.match(result.stdout, /position_movement +2 \(partial concessions on substance\) — /);
    assert.match(
      result.stdout,
      /\[frus-1969-76-viii\] Foreign Relations of the United States, 1969–1976, Volume VIII/,
    );
    const json = JSON.parse((await runHistoryCli(['cases', 'show', 'paris-talks-1968', '--json'])).stdout);
    assert.equal(json.outcome.date, '1973-01-27');
  });

  test('an unknown case is a usage error listing the ids', async () => {
    const result = await runHistoryCli(['cases', 'show', 'yalta-1945']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no case "yalta-1945" \(cases: .*korean-armistice-talks-1951/);
  });

  test('a broken case folder names the file and the field', async () => {
    const result = await runHistoryCli(['cases', 'list', '--cases', join(fixtures, 'bad-cases')]);
    assert.equal(result.code, 4);
    assert.match(
      result.stderr,
      /invalid case file .*bad-case\.yaml line \d+: features\.amplification\.value: .*0 to 3/,
    );
  });
});

describe('analogues', () => {
  test('a feature vector like the Euromissile campaign ranks that case first, feature by feature', async () => {
    const result = await runHistoryCli([
      'analogues',
      '--features',
      join(fixtures, 'features-offensive.json'),
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const { analogues } = JSON.parse(result.stdout);
    assert.equal(analogues.length, REQUIRED.length);
    assert.equal(analogues[0].caseId, 'euromissiles-1981');
    assert.equal(analogues[0].distance, 0);
    assert.deepEqual(
      analogues[0].comparison.map((c: { feature: string }) => c.feature),
      [
        'pressure',
        'overture_intensity',
        'position_movement',
        'amplification',
        'counter_commitment',
        'tactics',
      ],
    );
    // The real opening (major concessions, one tactic) is far from it.
    const gorbachev = analogues.find((a: { caseId: string }) => a.caseId === 'gorbachev-detente-1985');
    assert.ok(gorbachev.distance > 0.2);
    const distances = analogues.map((a: { distance: number }) => a.distance);
    assert.deepEqual(
      distances,
      [...distances].sort((a: number, b: number) => a - b),
    );
  });

  test('the text output shows the comparison and the case rationale for the top cases', async () => {
    const result = await runHistoryCli([
      'analogues',
      '--features',
      join(fixtures, 'features-offensive.json'),
      '--top',
      '1',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, / 1\. 0\.000 {2}The early-1980s arms-control and nuclear-freeze push/);
    assert.match(
      result.stdout,
      /amplification +episode 3 +case 3 +0\.00 +Mass movements with mainstream traction/,
    );
  });

  test('bad options and a bad feature file are refused with what was expected', async () => {
    const none = await runHistoryCli(['analogues']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /exactly one of --episode ID or --features FILE/);
    const bad = await runHistoryCli(['analogues', '--features', join(fixtures, 'features-bad.json')]);
    assert.equal(bad.code, 4);
    assert.match(
      bad.stderr,
      /invalid feature file .*features-bad\.json at pressure: expected an integer from 0 to 3/,
    );
    const weight = await runHistoryCli([
      'analogues',
      '--features',
      join(fixtures, 'features-offensive.json'),
      '--weight',
      'luck=2',
    ]);
    assert.equal(weight.code, 2);
    assert.match(weight.stderr, /invalid weight: got "luck=2"/);
  });
});
