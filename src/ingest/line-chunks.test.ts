import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type LineChunk, lineChunks } from './line-chunks.js';

async function collect(
  parts: Array<string | Uint8Array>,
  target: number,
  max?: number,
): Promise<LineChunk[]> {
  const out: LineChunk[] = [];
  for await (const chunk of lineChunks(
    (async function* () {
      yield* parts;
    })(),
    target,
    max,
  ))
    out.push(chunk);
  return out;
}

const text = (chunk: LineChunk) => (chunk.kind === 'lines' ? Buffer.from(chunk.bytes).toString('utf8') : '');

test('chunks hold whole lines and number their first line, however the stream is split', async () => {
  const line = fc.stringMatching(/^[a-zа-я ]{0,12}$/);
  await fc.assert(
    fc.asyncProperty(
      fc.array(line, { minLength: 1, maxLength: 30 }),
      fc.boolean(),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 64 }),
      async (lines, endsWithNewline, cuts, target) => {
        const whole = Buffer.from(`${lines.join('\n')}${endsWithNewline ? '\n' : ''}`);
        const parts: Uint8Array[] = [];
        for (let at = 0, k = 0; at < whole.length; k++) {
          const size = cuts[k % cuts.length] as number;
          parts.push(whole.subarray(at, at + size));
          at += size;
        }
        const chunks = await collect(parts, target);
        assert.equal(chunks.map(text).join(''), whole.toString('utf8'));
        let expected = 1;
        for (const chunk of chunks) {
          assert.equal(chunk.kind, 'lines');
          if (chunk.kind !== 'lines') continue;
          assert.equal(chunk.firstLine, expected);
          expected += Buffer.from(chunk.bytes).toString('utf8').split('\n').length - 1;
        }
        chunks.slice(0, -1).forEach((chunk) => {
          assert.ok(text(chunk).endsWith('\n'));
        });
      },
    ),
    { seed: 1948, numRuns: 200 },
  );
});

test('a line longer than the limit is refused by number and the lines after it are kept', async () => {
  const long = 'x'.repeat(50);
  const chunks = await collect(['a\nb\n', long.slice(0, 20), long.slice(20), '\nc\nd'], 1, 30);
  assert.deepEqual(
    chunks.map((c) => (c.kind === 'lines' ? [c.firstLine, text(c)] : ['oversize', c.line])),
    [
      [1, 'a\nb\n'],
      ['oversize', 3],
      [4, 'c\n'],
      [5, 'd'],
    ],
  );
});

test('a chunk owns its bytes, so it can be transferred to another thread', async () => {
  const [chunk] = await collect(['one\ntwo\n'], 1024);
  assert.ok(chunk?.kind === 'lines');
  if (chunk?.kind === 'lines') assert.equal(chunk.bytes.byteLength, chunk.bytes.buffer.byteLength);
});
