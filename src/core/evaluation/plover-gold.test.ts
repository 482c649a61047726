import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parsePloverCodes, ploverGold } from './plover-gold.js';

const codes = parsePloverCodes(
  JSON.stringify({
    scoredLabels: ['REJECT', 'THREATEN'],
    scoredSignals: ['refusal', 'threat'],
    codes: { 'P-2': ['refusal'] },
  }),
  'codes.json',
);

test('only records with a scored label are kept, coded by our codes or with nothing', () => {
  const jsonl = [
    { id: 'P-1', text: 'They agreed to cooperate.', labels: ['AGREE'] },
    { id: 'P-2', text: 'X rejected the ceasefire proposal.', labels: ['REJECT'] },
    { id: 'P-3', text: 'Y declined to resign.', labels: ['REJECT'] },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');
  const items = ploverGold(jsonl, codes, 'plover.jsonl');
  assert.deepEqual(
    items.map((i) => [i.id, i.signals]),
    [
      ['P-2', ['refusal']],
      ['P-3', []],
    ],
  );
  assert.equal(items[0]?.lang, 'en');
});

test('bad codes and bad records say what was expected', () => {
  assert.throws(
    () => parsePloverCodes('{"scoredLabels":[],"scoredSignals":["peace"],"codes":{}}', 'c.json'),
    /"scoredSignals"/,
  );
  assert.throws(() => ploverGold('{"id":"x"}', codes, 'p.jsonl'), /PLOVER record in p\.jsonl line 1/);
});

const shared = path.resolve(process.cwd(), '../shared/corpora/plover-gold-standard-en.jsonl');
test('our codes name PLOVER records that exist, and the mapped set has its three signals', {
  skip: existsSync(shared) ? false : 'shared corpus absent',
}, () => {
  const ours = parsePloverCodes(readFileSync('test/gold/plover-codes.json', 'utf8'), 'plover-codes.json');
  const text = readFileSync(shared, 'utf8');
  const items = ploverGold(text, ours, 'plover');
  const ids = new Set(items.map((i) => i.id));
  for (const id of Object.keys(ours.codes)) assert.ok(ids.has(id), `${id} is not a scored PLOVER record`);
  for (const signal of ours.scoredSignals)
    assert.ok(
      items.some((i) => i.signals.includes(signal)),
      signal,
    );
  assert.ok(items.length > 100);
});
