import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_POSITION_KEYS, SIGNALS, STANCES } from '../core/types.js';
import { DEMO_ACTORS } from './demo-actors.js';
import { DEMO_BANKS, LANGUAGE_BANKS } from './demo-banks.js';
import { DEMO_SOURCES } from './demo-sources.js';
import { compileBank, fillTemplate } from './fill-template.js';
import { buildScenario, intensitiesAt } from './scenario.js';
import { seededRandom } from './seeded-random.js';
import { overture, position } from './template.js';

// The default position keys of CODING-GUIDE.md.
const POSITION_KEYS = new Set<string>(DEFAULT_POSITION_KEYS);
const ACTORS = new Set(DEMO_ACTORS.map((actor) => actor.id));
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// A sentence end followed by a new sentence inside one template would make the segmenter see two
// statements where the intended coding has one.
const INNER_BOUNDARY = /[.!?…]["»”]?\s+["«“]?\p{Lu}/u;
const allTemplates = Object.values(DEMO_BANKS).flatMap((bank) => bank.all);

test('every template of every bank fills without leftover slots, in one well-formed sentence', () => {
  for (const template of allTemplates) {
    for (let seed = 0; seed < 8; seed += 1) {
      const { text } = fillTemplate(template, seededRandom(seed));
      assert.ok(!/[{}]/.test(text), `${template.id}: ${text}`);
      assert.ok(!CONTROL.test(text), `${template.id} has a control character`);
      assert.ok(/^["«“]?\p{Lu}/u.test(text), `${template.id} starts without a capital: ${text}`);
      assert.ok(/[.!?]["»”]?$/.test(text), `${template.id} does not end a sentence: ${text}`);
      assert.ok(!INNER_BOUNDARY.test(text), `${template.id} holds two sentences: ${text}`);
    }
  }
});

test('every intended signal names a known category, actor, position key and stance', () => {
  for (const template of allTemplates) {
    for (let seed = 0; seed < 8; seed += 1) {
      for (const signal of fillTemplate(template, seededRandom(seed)).signals) {
        assert.ok(SIGNALS.includes(signal.signal), template.id);
        if (signal.speaker !== null)
          assert.ok(ACTORS.has(signal.speaker), `${template.id}: ${signal.speaker}`);
        if (signal.target !== null) assert.ok(ACTORS.has(signal.target), `${template.id}: ${signal.target}`);
        if (signal.signal === 'position') {
          assert.ok(
            signal.position !== null && POSITION_KEYS.has(signal.position),
            `${template.id}: ${signal.position}`,
          );
          assert.ok(signal.stance !== null && STANCES.includes(signal.stance), template.id);
        } else {
          assert.equal(signal.position, null, template.id);
          assert.equal(signal.stance, null, template.id);
        }
      }
    }
  }
});

test('a second slot of the same pool never repeats the first one’s value', () => {
  const doubles = allTemplates.filter((t) => t.slots.some(([slot]) => slot === 'demand2'));
  assert.ok(doubles.length >= 2);
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      for (const template of doubles) {
        const [a, b] = fillTemplate(template, seededRandom(seed)).signals;
        assert.notEqual(a?.position, b?.position);
      }
    }),
  );
});

test('reporting verbs agree with a feminine speaker', () => {
  const bank = compileBank({
    lang: 'ru',
    verbs: { said: [['заявил', 'заявила']] },
    pools: { ru: [{ actor: 'zakharova', female: true, forms: { nom: 'Мария Захарова' } }] },
    templates: { x: [['{ru} {said}, что Россия готова к переговорам.', [overture('$ru')]]] },
  });
  const filled = fillTemplate(bank.all[0]!, seededRandom(1));
  assert.equal(filled.text, 'Мария Захарова заявила, что Россия готова к переговорам.');
  assert.deepEqual(filled.signals, [
    { signal: 'overture', speaker: 'zakharova', target: null, position: null, stance: null },
  ]);
});

test('a slot key resolves to the position key of the filler chosen', () => {
  const bank = compileBank({
    lang: 'en',
    verbs: {},
    pools: { demand: [{ key: 'neutrality', forms: { nom: 'neutrality' } }] },
    templates: { x: [['Moscow insists on {demand}.', [position('source', '$demand', 'assert')]]] },
  });
  assert.deepEqual(fillTemplate(bank.all[0]!, seededRandom(1)).signals[0], {
    signal: 'position',
    speaker: null,
    target: null,
    position: 'neutrality',
    stance: 'assert',
  });
});

test('a template that names an unknown slot or refers to a slot it lacks is refused when compiled', () => {
  const base = { lang: 'en' as const, verbs: {}, pools: {} };
  assert.throws(() => compileBank({ ...base, templates: { x: [['Hello {nobody}.', []]] } }), /unknown slot/);
  assert.throws(
    () => compileBank({ ...base, templates: { x: [['Hello.', [overture('$ru')]]] } }),
    /not a slot of the text/,
  );
});

test('every kind a source can ask for exists in the source’s language', () => {
  const scenario = buildScenario(540);
  const probes = [0, 140, 330, 445].map((day) => intensitiesAt(scenario, day));
  for (const source of DEMO_SOURCES) {
    for (const intensities of probes) {
      for (const [kind, weight] of source.kinds(intensities)) {
        if (weight <= 0) continue;
        assert.ok(DEMO_BANKS[source.input.lang].byKind.has(kind), `${source.slug} asks for ${kind}`);
      }
    }
  }
  for (const event of scenario.events) {
    for (const doc of event.documents) {
      const source = DEMO_SOURCES.find((s) => s.slug === doc.source);
      assert.ok(source, `${event.id}: unknown source ${doc.source}`);
      for (const kind of doc.kinds)
        assert.ok(DEMO_BANKS[source.input.lang].byKind.has(kind), `${event.id}: ${kind}`);
    }
  }
});

test('each bank holds background sentences and signals of every category between them', () => {
  const categories = new Set<string>();
  for (const [lang, bank] of Object.entries(LANGUAGE_BANKS)) {
    const entries = Object.values(bank.templates).flat();
    assert.ok(
      entries.some(([, specs]) => specs.length === 0),
      `${lang} has no background sentence`,
    );
    for (const [, specs] of entries) for (const spec of specs) categories.add(spec.signal);
  }
  assert.deepEqual([...categories].sort(), [...SIGNALS].sort());
});
