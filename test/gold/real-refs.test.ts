// The hand-coded samples of real statements hold references, not text: check their shape always,
// and that every reference still points at a statement when the corpora are beside the project.
// real-refs scores the coder; the real-dev* samples, drawn apart from it and from each other
// (--exclude), are for writing rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SIGNALS } from '../../src/core/types.js';
import { corporaPresent, readCorpusTexts, readRealRefs, refText } from '../../scripts/real-refs.js';

const SIZES: Record<string, number> = { 'real-refs': 240, 'real-dev-refs': 240, 'real-dev2-refs': 285, 'real-dev3-refs': 242 };
for (const name of Object.keys(SIZES)) {
const refs = readRealRefs(`test/gold/${name}.jsonl`);
const strata = JSON.parse(readFileSync(`test/gold/${name}.strata.json`, 'utf8')) as Record<string, number>;

test(`${name}: the real-statement sample holds references and codes by the guide, never the text`, () => {
  assert.equal(refs.length, SIZES[name]);
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
test(
  `${name}: every reference points at a whole statement of its corpus record`,
  { skip: !corporaPresent(corpora, refs) && 'the corpora are not in ../shared/corpora' },
  () => {
    const texts = readCorpusTexts(
      corpora,
      refs.map((r) => r.corpus),
    );
    for (const ref of refs) {
      const statement = refText(texts, ref, name);
      assert.equal(statement, statement.trim(), ref.id);
      assert.ok(/\p{L}/u.test(statement), ref.id);
    }
  },
);
}

test('the development samples and the scored sample share no statement', () => {
  const keys = (name: string) =>
    readRealRefs(`test/gold/${name}.jsonl`).map((r) => `${r.corpus}/${r.record}/${r.start}`);
  const scored = new Set(keys('real-refs'));
  const first = new Set(keys('real-dev-refs'));
  assert.deepEqual(
    keys('real-dev-refs').filter((k) => scored.has(k)),
    [],
  );
  const second = new Set(keys('real-dev2-refs'));
  assert.deepEqual(
    keys('real-dev2-refs').filter((k) => scored.has(k) || first.has(k)),
    [],
  );
  assert.deepEqual(
    keys('real-dev3-refs').filter((k) => scored.has(k) || first.has(k) || second.has(k)),
    [],
  );
});
