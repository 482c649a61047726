import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseRounds } from './negotiation-rounds.js';
import { stallingProfile, wordEditDistance } from './negotiations.js';

const TEXT = 'we demand neutrality and recognition of the new regions now';
const ROUNDS = parseRounds(
  {
    talks: 'test-talks',
    parties: ['A', 'B'],
    rounds: [
      {
        date: '2020-01-10',
        venue: 'Geneva',
        status: 'held',
        positions: {
          A: { text: TEXT, keys: { neutrality: 'assert', territories: 'assert' } },
          B: { text: 'withdrawal first', keys: { withdrawal: 'assert' } },
        },
      },
      {
        date: '2020-02-10',
        venue: 'Geneva',
        status: 'held',
        positions: {
          A: { text: TEXT.replace('now', 'today'), keys: { neutrality: 'assert', territories: 'assert' } },
          B: { text: 'withdrawal first and then elections', keys: { withdrawal: 'assert' } },
        },
      },
      { date: '2020-03-01', status: 'postponed', by: 'A' },
      {
        date: '2020-04-10',
        venue: 'Geneva',
        status: 'held',
        positions: { A: { keys: { neutrality: 'soften', territories: 'assert' } } },
      },
      { date: '2020-05-01', status: 'walk-out', by: 'B' },
    ],
  },
  'test.json',
).rounds;

test('a party that restates itself round after round has a high repetition index, with the rounds behind it', () => {
  const { parties } = stallingProfile('test-talks', ROUNDS);
  const a = parties.find((p) => p.party === 'A')!;
  assert.equal(a.roundsStated, 3);
  // R1→R2: bigram Jaccard 8/10 = 0.8 and keys unchanged 1 → 0.9; R2→R4: keys 1 of 2 unchanged → 0.5.
  assert.ok(Math.abs(a.repetition.index! - 0.7) < 1e-12);
  assert.equal(a.repetition.transitions, 2);
  assert.equal(a.repetition.drivers[0]!.to, 'test-talks/2020-02-10/1');
  assert.ok(Math.abs(a.repetition.drivers[0]!.textSimilarity! - 0.8) < 1e-12);
});

test('a softened key is a concession of its round', () => {
  const a = stallingProfile('test-talks', ROUNDS).parties.find((p) => p.party === 'A')!;
  assert.deepEqual(a.concessions.drivers, [
    {
      round: 'test-talks/2020-04-10/1',
      date: '2020-04-10',
      key: 'neutrality',
      stance: 'soften',
      previous: 'assert',
    },
  ]);
  assert.equal(a.concessions.perRound, 1 / 3);
  assert.equal(a.hardenings, 0);
});

test('a one-word edit with unchanged keys is haggling; a substantive rewrite is not', () => {
  const { parties } = stallingProfile('test-talks', ROUNDS);
  const a = parties.find((p) => p.party === 'A')!;
  assert.equal(a.haggling.smallEdits, 1);
  assert.equal(a.haggling.comparable, 1);
  assert.equal(a.haggling.index, 1);
  assert.equal(a.haggling.drivers[0]!.editWords, 1);
  const b = parties.find((p) => p.party === 'B')!;
  // "withdrawal first" → "withdrawal first and then elections": 3 words added of 5 (> 25 %).
  assert.equal(b.haggling.smallEdits, 0);
  assert.equal(b.haggling.index, 0);
});

test('postponements and walk-outs are charged to the party the record names, gaps to the talks', () => {
  const profile = stallingProfile('test-talks', ROUNDS);
  const a = profile.parties.find((p) => p.party === 'A')!;
  const b = profile.parties.find((p) => p.party === 'B')!;
  assert.equal(a.pacing.postponements, 1);
  assert.equal(b.pacing.walkOuts, 1);
  assert.deepEqual(b.pacing.drivers, [
    { round: 'test-talks/2020-05-01/1', date: '2020-05-01', status: 'walk-out' },
  ]);
  // Gaps 31, 20, 40, 21 days.
  assert.equal(profile.pacing.medianGapDays, 26);
  assert.equal(profile.pacing.longestGapDays, 40);
  assert.equal(profile.pacing.longestGaps[0]!.fromDate, '2020-03-01');
  assert.deepEqual([profile.pacing.held, profile.pacing.postponed, profile.pacing.walkOuts], [3, 1, 1]);
});

test('a party with no recorded positions has unknown indices, not zeros', () => {
  const profile = stallingProfile(
    't',
    parseRounds([{ date: '2020-01-01', status: 'held', parties: ['A'] }], 'x.json', 't').rounds,
  );
  const a = profile.parties[0]!;
  assert.equal(a.repetition.index, null);
  assert.equal(a.concessions.perRound, null);
  assert.equal(a.haggling.index, null);
});

test('the word edit distance is a metric bounded by the longer text', () => {
  const words = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
  fc.assert(
    fc.property(words, words, words, (x, y, z) => {
      const d = wordEditDistance;
      return (
        d(x, x) === 0 &&
        d(x, y) === d(y, x) &&
        d(x, y) <= Math.max(x.length, y.length) &&
        d(x, y) >= Math.abs(x.length - y.length) &&
        d(x, z) <= d(x, y) + d(y, z)
      );
    }),
    { numRuns: 200, seed: 9 },
  );
  assert.equal(wordEditDistance(['a', 'b', 'c'], ['a', 'x', 'c', 'd']), 2);
});
