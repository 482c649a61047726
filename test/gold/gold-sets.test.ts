// The gold sets are the project's measure of the coder; this keeps them well-formed and keeps
// their design: enough items per language, every signal with enough positives, at least 30% hard
// negatives, the guide's categories and position keys only, and no sentence in both sets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type GoldItem, parseGold } from '../../src/core/evaluation/parse-gold.js';
import { SIGNALS } from '../../src/core/types.js';
import { DEFAULT_POSITION_KEYS } from '../../src/core/types.js';

const GUIDE_KEYS = new Set<string>(DEFAULT_POSITION_KEYS);
const LANGS = ['ru', 'uk', 'en'];
// dev and holdout were the first pair; dev2 and holdout2 (November 2026) were written by other
// writers, each blind to the codebook, in the registers of real wires, statements and channels;
// dev3 by three more such writers, for training the model and writing rules; dev4 by six more,
// weighted towards blame, stall, threat, wedge and commitment, where recall was lowest; dev5 by
// six more, weighted towards threat, stall, refusal, commitment, blame and wedge, a third of its
// sentences 25 words or longer, as in transcripts and wires; dev6 by six more, who wrote whole
// items (wires, statements, addresses, posts) and coded every sentence, so its mix is the
// natural one: over 40% of its sentences carry no signal; dev7 by three more, the same way,
// leaning to the events of 2022–2024; dev8 by three more, from long spoken text (interviews,
// debates, talk shows, podcasts) and social posts; dev9 by six more, the same way, leaning to
// 2025–2026 and to state media, Telegram channels, exile media, think tanks and readouts; dev10
// by three more, as a day's monitoring of mixed sources brings them, many items merely
// mentioning talks, peace, NATO or the nuclear plant; dev11 by three more, the same way, spread
// over the whole war, 2022–2026; dev12 by three more, from Telegram channels of every camp, posts
// and agency wires; dev13 by three more, from formal and long-form text (communiqués, declarations,
// statements at the UN and the OSCE, speeches, think-tank reports, op-eds); dev14 by three more,
// mixing the belligerents' sources with mediators and third countries and with ordinary news;
// dev15 by three more, from officials' own channels (briefings with questions, posts, addresses,
// readouts).
const SETS = [
  { name: 'dev', minItems: 200, minPositives: 15 },
  { name: 'holdout', minItems: 80, minPositives: 8 },
  { name: 'dev2', minItems: 150, minPositives: 13 },
  { name: 'holdout2', minItems: 120, minPositives: 10 },
  { name: 'dev3', minItems: 150, minPositives: 13 },
  { name: 'dev4', minItems: 300, minPositives: 26 },
  { name: 'dev5', minItems: 300, minPositives: 26 },
  { name: 'dev6', minItems: 300, minPositives: 20 },
  { name: 'dev7', minItems: 150, minPositives: 10 },
  { name: 'dev8', minItems: 150, minPositives: 10 },
  { name: 'dev9', minItems: 150, minPositives: 10 },
  { name: 'dev10', minItems: 100, minPositives: 8 },
  { name: 'dev11', minItems: 100, minPositives: 7 },
  { name: 'dev12', minItems: 100, minPositives: 7 },
  { name: 'dev13', minItems: 95, minPositives: 7 },
  { name: 'dev14', minItems: 100, minPositives: 7 },
  { name: 'dev15', minItems: 100, minPositives: 7 },
];

function load(name: string): GoldItem[] {
  const file = `test/gold/${name}.jsonl`;
  return parseGold(readFileSync(file, 'utf8'), file);
}

for (const { name, minItems, minPositives } of SETS) {
  test(`${name}: every item parses, with the guide's keys and an id naming its set and language`, () => {
    for (const item of load(name)) {
      assert.match(item.id, new RegExp(`^${name}-${item.lang}-\\d{3}$`));
      assert.ok(LANGS.includes(item.lang), item.id);
      for (const p of item.positions) assert.ok(GUIDE_KEYS.has(p.key), `${item.id}: ${p.key}`);
      if (item.signals.includes('position')) assert.ok(item.positions.length > 0, `${item.id} has no position key`);
    }
  });

  test(`${name}: each language has ≥ ${minItems} items, ≥ ${minPositives} positives per signal and ≥ 30% negatives`, () => {
    const items = load(name);
    for (const lang of LANGS) {
      const mine = items.filter((i) => i.lang === lang);
      assert.ok(mine.length >= minItems, `${lang}: ${mine.length} items`);
      for (const signal of SIGNALS) {
        const n = mine.filter((i) => i.signals.includes(signal)).length;
        assert.ok(n >= minPositives, `${lang} ${signal}: ${n} positives`);
      }
      const negatives = mine.filter((i) => i.signals.length === 0).length;
      assert.ok(negatives / mine.length >= 0.3, `${lang}: ${negatives} of ${mine.length} negatives`);
    }
  });
}

test('no sentence is in two sets (every set above, and train)', () => {
  const names = [...SETS.map((set) => set.name), 'train'];
  const seen = new Map<string, string>();
  const shared: string[] = [];
  for (const name of names) {
    for (const item of load(name)) {
      const first = seen.get(item.text);
      if (first !== undefined && first !== name) shared.push(`${item.id} (also in ${first})`);
      else seen.set(item.text, name);
    }
  }
  assert.deepEqual(shared, []);
});
