import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseRounds, parseRoundsCsv } from './negotiation-rounds.js';

test('rounds come back in date order with stable ids, parties gathered from positions', () => {
  const file = parseRounds(
    {
      talks: 'k',
      title: 'K talks',
      rounds: [
        { date: '1951-08-23', status: 'walk-out', by: 'KPA/CPV', parties: ['UNC', 'KPA/CPV'] },
        {
          date: '1951-07-10',
          venue: 'Kaesong',
          status: 'held',
          positions: { UNC: { text: 'an armistice line' } },
        },
        { date: '1951-07-10', venue: 'Kaesong', status: 'held' },
      ],
    },
    'k.json',
  );
  assert.deepEqual(
    file.rounds.map((r) => r.id),
    ['k/1951-07-10/1', 'k/1951-07-10/2', 'k/1951-08-23/1'],
  );
  assert.deepEqual(file.rounds[0]!.parties, ['UNC']);
  assert.equal(file.rounds[2]!.by, 'KPA/CPV');
  assert.equal(file.title, 'K talks');
});

test('a bad record names the file, the round and what was expected', () => {
  assert.throws(
    () =>
      parseRounds(
        {
          talks: 'k',
          rounds: [
            { date: '1951-07-10', status: 'held' },
            { date: '1951-02-30', status: 'held' },
          ],
        },
        'k.json',
      ),
    /^OvertureError: invalid rounds file k\.json round 2: date: expected a UTC day written YYYY-MM-DD$/,
  );
  assert.throws(
    () => parseRounds({ talks: 'k', rounds: [{ date: '1951-07-10', status: 'adjourned' }] }, 'k.json'),
    /round 1: status: expected a status: held, postponed, cancelled, walk-out/,
  );
  assert.throws(
    () =>
      parseRounds(
        {
          talks: 'k',
          rounds: [{ date: '1951-07-10', status: 'held', positions: { A: { keys: { x: 'insist' } } } }],
        },
        'k.json',
      ),
    /round 1: positions\.A\.keys\.x: expected a stance/,
  );
  assert.throws(
    () => parseRounds({ talks: 'k', rounds: [{ date: '1951-07-10', status: 'held', by: 'A' }] }, 'k.json'),
    /by: "A" is only for/,
  );
  assert.throws(() => parseRounds([], 'k.json'), /needs a talks name/);
  assert.throws(
    () => parseRounds({ talks: 'K Talks', rounds: [] }, 'k.json'),
    /talks: expected a lower-case slug/,
  );
});

test('sources must be declared citations when the file declares any', () => {
  assert.throws(
    () =>
      parseRounds(
        {
          talks: 'k',
          citations: [{ id: 'hermes', title: 'Truce Tent' }],
          rounds: [{ date: '1951-07-10', status: 'held', sources: ['foot'] }],
        },
        'k.json',
      ),
    /round 1: sources: unknown citation "foot" \(expected one of hermes\)/,
  );
});

test('CSV rows of one round and several parties fold into one round', () => {
  const row = (line: number, cells: Record<string, string>) => ({ line, cells });
  const file = parseRoundsCsv(
    [
      row(2, {
        date: '2022-03-29',
        venue: 'Istanbul',
        status: 'held',
        party: 'UA',
        position_text: 'neutrality with guarantees',
        position_keys: 'ua-security-guarantees:assert',
      }),
      row(3, {
        date: '2022-03-29',
        venue: 'Istanbul',
        status: 'held',
        party: 'RU',
        position_text: '',
        position_keys: 'neutrality:assert;demilitarization:assert',
      }),
      row(4, {
        date: '2022-05-17',
        venue: '',
        status: 'cancelled',
        party: 'RU',
        position_text: '',
        position_keys: '',
      }),
    ],
    'talks.csv',
    'ru-ua-2022',
  );
  assert.equal(file.rounds.length, 2);
  assert.deepEqual(file.rounds[0]!.positions.RU, {
    keys: { neutrality: 'assert', demilitarization: 'assert' },
  });
  assert.deepEqual(file.rounds[0]!.parties, ['UA', 'RU']);
  assert.deepEqual(file.rounds[1]!.parties, ['RU']);
  assert.throws(
    () =>
      parseRoundsCsv(
        [row(2, { date: '2022-03-29', status: 'held', party: 'UA', position_keys: 'neutrality' })],
        't.csv',
        'x',
      ),
    /invalid rounds file t\.csv line 2: position_keys: "neutrality" \(expected key:stance\)/,
  );
  assert.throws(
    () => parseRoundsCsv([row(2, { date: '2022-03-29', state: 'held' })], 't.csv', 'x'),
    /header: unknown column\(s\) state/,
  );
});
