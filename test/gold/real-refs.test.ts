// The hand-coded sample of real statements holds references, not text: check its shape always,
// and that every reference still points at a statement when the corpora are beside the project.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SIGNALS } from '../../src/core/types.js';

const refs = readFileSync('test/gold/real-refs.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map(
    (line) =>
      JSON.parse(line) as {
        id: string;
        corpus: string;
        record: string;
        start: number;
        end: number;
        lang: string;
        stratum: string;
        signals: string[];
        positions: Array<{ key: string; stance: string }>;
        text?: unknown;
      },
  );
const strata = JSON.parse(readFileSync('test/gold/real-refs.strata.json', 'utf8')) as Record<string, number>;

test('the real-statement sample holds references and codes by the guide, never the text', () => {
  assert.equal(refs.length, 240);
  assert.equal(new Set(refs.map((r) => r.id)).size, refs.length);
  for (const ref of refs) {
    assert.equal(ref.text, undefined, `${ref.id} must not carry the corpus text`);
    assert.ok(ref.start >= 0 && ref.end > ref.start, ref.id);
    assert.ok(['uk', 'en'].includes(ref.lang), ref.id);
    assert.ok((strata[`${ref.lang}/${ref.stratum}`] ?? 0) > 0, `${ref.id}: unknown stratum ${ref.stratum}`);
    for (const signal of ref.signals) assert.ok((SIGNALS as readonly string[]).includes(signal), ref.id);
    assert.equal(ref.positions.length > 0, ref.signals.includes('position') && ref.positions.length > 0);
  }
});

const corpora = join('..', 'shared', 'corpora');
const files = [...new Set(refs.map((r) => r.corpus))];
test(
  'every reference points at a whole statement of its corpus record',
  { skip: !files.every((f) => existsSync(join(corpora, f))) && 'the corpora are not in ../shared/corpora' },
  () => {
    const texts = new Map<string, string>();
    for (const file of files) {
      for (const line of readFileSync(join(corpora, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const record = JSON.parse(line) as { id: string; text: string };
        texts.set(`${file}/${record.id}`, record.text);
      }
    }
    for (const ref of refs) {
      const text = texts.get(`${ref.corpus}/${ref.record}`);
      assert.ok(text !== undefined, `${ref.id}: ${ref.record} is not in ${ref.corpus}`);
      const statement = text.slice(ref.start, ref.end);
      assert.equal(statement, statement.trim(), ref.id);
      assert.ok(/\p{L}/u.test(statement), ref.id);
    }
  },
);
