import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusLines, generateCorpus, writeCorpus } from '../../bench/generate-corpus.js';

const collect = async (documents: number, seed: number): Promise<string[]> => {
  const lines: string[] = [];
  for await (const line of generateCorpus({ documents, seed })) lines.push(line);
  return lines;
};

test('the benchmark corpus is the same for the same seed and differs for another', async () => {
  const a = await collect(50, 1);
  assert.deepEqual(await collect(50, 1), a);
  assert.notDeepEqual(await collect(50, 2), a);
});

test('benchmark documents are 1–3 KB of mixed ru/uk/en text with the corpus fields and unique ids', () => {
  const ids = new Set<string>();
  const langs = new Set<string>();
  let previous = '';
  for (const line of corpusLines({ documents: 300, seed: 42 })) {
    assert.ok(!line.includes('\n'));
    const doc = JSON.parse(line) as Record<string, unknown>;
    for (const field of ['id', 'text', 'title', 'url', 'date', 'lang', 'source', 'camp']) {
      assert.equal(typeof doc[field], 'string', field);
    }
    const bytes = Buffer.byteLength(doc.text as string);
    assert.ok(bytes >= 800 && bytes <= 3600, `${bytes} bytes`);
    assert.ok(!/[\u0000-\u001f]/.test(doc.text as string));
    assert.ok(!ids.has(doc.id as string));
    ids.add(doc.id as string);
    langs.add(doc.lang as string);
    assert.ok((doc.date as string).slice(0, 10) >= previous.slice(0, 10), 'days never go back');
    previous = doc.date as string;
    assert.equal(doc.synthetic, true);
  }
  assert.deepEqual([...langs].sort(), ['en', 'ru', 'uk']);
});

test('the corpus streams to a file line by line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'overture-bench-'));
  try {
    const path = join(dir, 'corpus.jsonl');
    const written = await writeCorpus(path, { documents: 120, seed: 3 });
    const text = await readFile(path, 'utf8');
    assert.equal(written.documents, 120);
    assert.equal(written.bytes, Buffer.byteLength(text));
    assert.equal(text.trimEnd().split('\n').length, 120);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
