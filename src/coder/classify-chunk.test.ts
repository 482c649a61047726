import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { classifyChunk } from './classify-chunk.js';
import { loadCoder } from './load-coder.js';

const coder = await loadCoder({ modelPath: null });
const options = { allStatements: false };
const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

test('a chunk read at once and one read line by line (it holds a bad line) give the same lines', () => {
  const good = [
    '{"id":1,"text":"Москва готова к переговорам."}\r\n',
    '\r\n',
    '{"id":2,"text":"Kyiv rejected the truce."}\n',
    '{"id":3,"text":"Київ відкинув перемир\'я."}',
  ];
  const whole = classifyChunk(coder, bytes([0xef, 0xbb, 0xbf], ...good), 1, 'in.jsonl', options);
  assert.equal(whole.records, 3);
  assert.deepEqual(whole.errors, []);
  // The same lines after a line that is not UTF-8: that line is named, the others read alike.
  const mixed = classifyChunk(
    coder,
    bytes([0xef, 0xbb, 0xbf], '{"id":0,"text":"x', [0xff], '"}\n', ...good),
    1,
    'in.jsonl',
    options,
  );
  assert.equal(mixed.records, 3);
  assert.deepEqual(mixed.errors.length, 1);
  assert.match(mixed.errors[0] ?? '', /in\.jsonl line 1: invalid UTF-8/);
  assert.equal(mixed.out, whole.out);
  // Line numbers count from the chunk's first line, blank lines included.
  const late = classifyChunk(coder, bytes('\n', '{"id":9}\n'), 41, 'in.jsonl', options);
  assert.match(late.errors[0] ?? '', /in\.jsonl line 42: text: /);
});
