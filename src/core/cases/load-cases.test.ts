import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { isPartialDate } from './case-schema.js';
import { loadCases, parseCase } from './load-cases.js';

const VALID = `id: test-case
title: A test case
period: { start: '1951-06', end: '1953-07-27' }
initiator: Side A
parties:
  - { name: Side A, side: initiator }
  - { name: Side B, side: counterpart }
summary: A case written for the tests.
timeline:
  - { date: '1951-06-23', text: Side A proposes talks., sources: [book] }
  - { date: '1951-06', text: A month-precise entry after a day in the same month is in order., sources: [book] }
  - { date: '1951-07-10', text: Talks open., sources: [book] }
pressure_context:
  - { text: Side A had lost a battle., sources: [book] }
overtures:
  - { text: Side A called for talks., sources: [book] }
tactics:
  - { tactic: stall, text: Side A argued over the agenda., sources: [book] }
concessions: []
outcome: { text: An armistice., sources: [book] }
features:
  pressure: { value: 3, rationale: Lost a battle. }
  overture_intensity: { value: 2, rationale: Repeated calls. }
  position_movement: { value: 0, rationale: Nothing moved. }
  amplification: { value: 1, rationale: Little echo. }
  counter_commitment: { value: 2, rationale: Side B stood firm. }
  tactics: { value: [stall], rationale: Agenda fights. }
citations:
  - { id: book, title: A Book, author: An Author, year: 1990 }
`;

const file = (text: string, path = 'data/cases/test.yaml') => ({ path, text });

test('a valid case file parses into a case', () => {
  const c = parseCase(file(VALID));
  assert.equal(c.id, 'test-case');
  assert.equal(c.features.pressure.value, 3);
  assert.deepEqual(c.features.tactics.value, ['stall']);
});

test('a partial date is a real year, month or day', () => {
  assert.ok(isPartialDate('1953'));
  assert.ok(isPartialDate('1953-03'));
  assert.ok(isPartialDate('1953-03-05'));
  assert.ok(!isPartialDate('1953-02-30'));
  assert.ok(!isPartialDate('1953-13'));
  assert.ok(!isPartialDate('5 March 1953'));
});

test('an out-of-range feature names the file, the line, the field and what was expected', () => {
  const bad = VALID.replace('pressure: { value: 3,', 'pressure: { value: 5,');
  assert.throws(
    () => parseCase(file(bad)),
    (e: Error) =>
      /^invalid case file data\/cases\/test\.yaml line 2\d: features\.pressure\.value: .*0 to 3/.test(
        e.message,
      ) && (e as { code?: string }).code === 'invalid-input',
  );
});

test('a citation id that is not declared is named with the ids that are', () => {
  const bad = VALID.replace('text: Talks open., sources: [book]', 'text: Talks open., sources: [frus]');
  assert.throws(
    () => parseCase(file(bad)),
    /timeline\[2\]\.sources\[0\]: unknown citation "frus" \(expected one of book\)/,
  );
});

test('a timeline out of order is refused', () => {
  const bad = VALID.replace("date: '1951-07-10'", "date: '1951-05-10'");
  assert.throws(() => parseCase(file(bad)), /timeline\[2\]\.date: 1951-05-10 comes after 1951-06/);
});

test('coded tactics must match the tactics described', () => {
  const bad = VALID.replace('tactics: { value: [stall]', 'tactics: { value: [stall, threat]');
  assert.throws(
    () => parseCase(file(bad)),
    /features\.tactics\.value: codes \[stall, threat\] but the tactics described are \[stall\]/,
  );
});

test('an unknown field, a missing field and broken YAML are each reported', () => {
  assert.throws(() => parseCase(file(`${VALID}comment: extra\n`)), /unexpected field\(s\) comment/);
  assert.throws(
    () => parseCase(file(VALID.replace(/^outcome:.*\n/m, ''))),
    /outcome: missing \(expected object\)/,
  );
  assert.throws(() => parseCase(file('id: [unclosed')), /line 1: not valid YAML/);
});

test('two files with one id are refused, naming both', () => {
  assert.throws(
    () => loadCases([file(VALID, 'a.yaml'), file(VALID, 'b.yaml')]),
    /invalid case file b\.yaml: id "test-case" is also used by a\.yaml/,
  );
});

test('an ad-hoc feature file is read on the case scales and refused outside them', async () => {
  const { parseFeatureVector } = await import('./parse-feature-vector.js');
  assert.deepEqual(parseFeatureVector({ pressure: 2, tactics: ['blame', 'blame', 'stall'] }, 'f.json'), {
    pressure: 2,
    tactics: ['blame', 'stall'],
  });
  assert.throws(
    () => parseFeatureVector({ pressure: 4 }, 'f.json'),
    /invalid feature file f\.json at pressure: expected an integer from 0 to 3/,
  );
  assert.throws(
    () => parseFeatureVector({ tactics: ['lies'] }, 'f.json'),
    /at tactics\.0: expected tactic names/,
  );
  assert.throws(() => parseFeatureVector({ presure: 1 }, 'f.json'), /unexpected field\(s\) presure/);
});
