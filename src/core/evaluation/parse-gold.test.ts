import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGold } from './parse-gold.js';

const good = '{"id":"a","text":"Мы готовы.","lang":"ru","signals":["overture"],"positions":[]}';

test('a gold set parses one item per line and skips blank lines', () => {
  const items = parseGold(
    `${good}\n\n{"id":"b","text":"x","lang":"en","signals":["position"],"positions":[{"key":"neutrality","stance":"assert"}]}\n`,
    'g.jsonl',
  );
  assert.equal(items.length, 2);
  assert.deepEqual(items[1]?.positions, [{ key: 'neutrality', stance: 'assert' }]);
});

test('a bad line names the file, the line and what was expected', () => {
  const cases: Array<[string, RegExp]> = [
    [
      '{"id":"b","text":"x","lang":"en","signals":["overtur"],"positions":[]}',
      /g\.jsonl line 2: "signals" has "overtur" \(expected one of overture, refusal/,
    ],
    [
      '{"id":"b","text":"x","lang":"en","signals":[],"positions":[{"key":"x","stance":"firm"}]}',
      /line 2: "positions\[0\]\.stance" is "firm"/,
    ],
    [
      '{"id":"b","text":"x","lang":"en","signals":[],"positions":[{"key":"neutrality","stance":"assert"}]}',
      /line 2: "positions" given but "signals" lacks "position"/,
    ],
    ['{"id":"b","text":"","lang":"en","signals":[]}', /line 2: "text" is ""/],
    ['{"id":"b","text":"x","lang":"english","signals":[]}', /line 2: "lang" is "english"/],
    ['{"id":"b","text":"x","lang":"en","signals":[],"note":1}', /line 2: unknown field "note"/],
    ['not json', /line 2: not JSON/],
    [good, /line 2: id "a" was already used on line 1/],
  ];
  for (const [line, expected] of cases) {
    assert.throws(() => parseGold(`${good}\n${line}\n`, 'g.jsonl'), expected);
  }
});

test('an empty gold set is refused', () => {
  assert.throws(() => parseGold('\n\n', 'g.jsonl'), /gold set g\.jsonl is empty/);
});
