// The training set is what the statistical model learns from and what rule writers may study,
// so it must keep the gold format and design: the guide's categories, keys and stances only,
// unique ids, enough items and positives per language, at least 30% hard negatives, and no
// sentence that is also in the dev set (a dev sentence in training would inflate dev scores).
// The holdout set is deliberately not read here: nobody who writes training data may see it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type GoldItem, parseGold } from '../../src/core/evaluation/parse-gold.js';
import { SIGNALS, STANCES } from '../../src/core/types.js';
import { DEFAULT_POSITION_KEYS } from '../../src/core/types.js';

const GUIDE_KEYS = new Set<string>(DEFAULT_POSITION_KEYS);
const LANGS = ['ru', 'uk', 'en'] as const;
const MIN_ITEMS = 450;
const MIN_POSITIVES = 30;

function load(name: string): GoldItem[] {
  const file = `test/gold/${name}.jsonl`;
  return parseGold(readFileSync(file, 'utf8'), file);
}

// Lowercased, punctuation and symbols dropped, whitespace collapsed: two sentences that differ
// only in quotes, dashes or capitals count as the same sentence.
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

test('train: every line parses, with a unique id naming the set and language', () => {
  const items = load('train');
  const ids = new Set<string>();
  for (const item of items) {
    assert.match(item.id, new RegExp(`^train-${item.lang}-\\d{4}$`));
    assert.ok(!ids.has(item.id), `duplicate id ${item.id}`);
    ids.add(item.id);
  }
});

test("train: categories, position keys and stances are the guide's, and every position has a key", () => {
  for (const item of load('train')) {
    assert.ok((LANGS as readonly string[]).includes(item.lang), `${item.id}: lang ${item.lang}`);
    for (const s of item.signals) assert.ok((SIGNALS as readonly string[]).includes(s), `${item.id}: ${s}`);
    for (const p of item.positions) {
      assert.ok(GUIDE_KEYS.has(p.key), `${item.id}: key ${p.key}`);
      assert.ok((STANCES as readonly string[]).includes(p.stance), `${item.id}: stance ${p.stance}`);
    }
    assert.equal(
      item.signals.includes('position'),
      item.positions.length > 0,
      `${item.id}: the position signal and its keys go together`,
    );
  }
});

test(`train: each language has ≥ ${MIN_ITEMS} items, ≥ ${MIN_POSITIVES} positives per signal and ≥ 30% negatives`, () => {
  const items = load('train');
  for (const lang of LANGS) {
    const mine = items.filter((i) => i.lang === lang);
    assert.ok(mine.length >= MIN_ITEMS, `${lang}: ${mine.length} items`);
    for (const signal of SIGNALS) {
      const n = mine.filter((i) => i.signals.includes(signal)).length;
      assert.ok(n >= MIN_POSITIVES, `${lang} ${signal}: ${n} positives`);
    }
    const negatives = mine.filter((i) => i.signals.length === 0).length;
    assert.ok(negatives / mine.length >= 0.3, `${lang}: ${negatives} of ${mine.length} negatives`);
  }
});

test('train: every stance occurs in every language', () => {
  const items = load('train');
  for (const lang of LANGS) {
    const stances = new Set(items.filter((i) => i.lang === lang).flatMap((i) => i.positions.map((p) => p.stance)));
    assert.deepEqual([...stances].sort(), [...STANCES].sort(), lang);
  }
});

test('train: no sentence repeats, and none is a dev sentence up to case and punctuation', () => {
  const dev = new Set(load('dev').map((i) => normalise(i.text)));
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const item of load('train')) {
    const key = normalise(item.text);
    if (dev.has(key)) clashes.push(`${item.id} is in dev`);
    const first = seen.get(key);
    if (first !== undefined) clashes.push(`${item.id} repeats ${first}`);
    seen.set(key, item.id);
  }
  assert.deepEqual(clashes, []);
});
