import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { OvertureError } from '../core/errors.js';
import { DEMO_ACTORS } from './demo-actors.js';
import { type DemoScenario, generateDemo } from './generate-demo.js';
import { buildScenario, type Hump } from './scenario.js';

const demo = generateDemo();
const START = '2024-01-01';
const DAY_MS = 86_400_000;
const dayOf = (iso: string): number =>
  Math.floor((Date.parse(iso) - Date.parse(`${START}T00:00:00Z`)) / DAY_MS);
const RUSSIAN_ACTORS = new Set(DEMO_ACTORS.filter((a) => a.camp === 'ru-official').map((a) => a.id));
const FORMULA_A = /новых территориальных реалий|нових територіальних реалій|new territorial realities/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Overture statements by the Russian camp (officials and state media), per scenario day. */
function russianOverturesPerDay(scenario: DemoScenario): number[] {
  const counts = new Array<number>(540).fill(0);
  scenario.documents.forEach((doc, index) => {
    if (doc.camp !== 'ru-official' && doc.camp !== 'ru-state-media') return;
    const statements = scenario.intended[index]?.statements ?? [];
    for (const statement of statements) {
      for (const signal of statement.signals) {
        const russian = signal.speaker === null || RUSSIAN_ACTORS.has(signal.speaker);
        if (signal.signal === 'overture' && russian) counts[dayOf(doc.date)]! += 1;
      }
    }
  });
  return counts;
}

test('the same seed gives the same scenario and another seed a different one', () => {
  assert.equal(JSON.stringify(generateDemo()), JSON.stringify(demo));
  const other = generateDemo({ seed: 7 });
  assert.notEqual(JSON.stringify(other.documents), JSON.stringify(demo.documents));
});

test('the scenario has thousands of short documents from a dozen sources in every camp', () => {
  assert.ok(
    demo.documents.length >= 3000 && demo.documents.length <= 6000,
    `${demo.documents.length} documents`,
  );
  assert.ok(demo.sources.length >= 10 && demo.sources.length <= 14);
  const camps = new Set(demo.documents.map((d) => d.camp));
  for (const camp of [
    'ru-official',
    'ru-state-media',
    'ru-milblog',
    'ua-official',
    'ua-media',
    'west-official',
    'west-media',
    'west-commentary',
  ]) {
    assert.ok(camps.has(camp), camp);
  }
  for (const intended of demo.intended)
    assert.ok(intended.statements.length >= 1 && intended.statements.length <= 5);
});

test('every document has the corpus fields, a valid date inside the scenario and no control characters', () => {
  const names = new Map(demo.sources.map((s) => [s.name, s]));
  const ids = new Set<string>();
  let previous = '';
  for (const doc of demo.documents) {
    for (const field of ['id', 'text', 'title', 'url', 'date', 'lang', 'source', 'camp'] as const) {
      assert.equal(typeof doc[field], 'string', `${doc.id}.${field}`);
      assert.ok(doc[field].length > 0, `${doc.id}.${field}`);
    }
    assert.ok(!ids.has(doc.id), `duplicate id ${doc.id}`);
    ids.add(doc.id);
    assert.match(doc.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    assert.equal(new Date(doc.date).toISOString().replace('.000', ''), doc.date);
    assert.ok(dayOf(doc.date) >= 0 && dayOf(doc.date) < 540, doc.date);
    assert.ok(doc.date >= previous, 'documents are in time order');
    previous = doc.date;
    assert.ok(!CONTROL.test(doc.text) && !CONTROL.test(doc.title), doc.id);
    assert.equal(doc.meta.synthetic, true);
    assert.ok(doc.title.startsWith('[Synthetic] '));
    assert.ok(doc.url.startsWith('https://example.org/synthetic/'));
    const source = names.get(doc.source);
    assert.ok(source, doc.source);
    assert.ok(source.name.startsWith('Synthetic: '), doc.source);
    assert.equal(source.camp, doc.camp);
    assert.equal(source.lang, doc.lang);
  }
});

test('all three languages are present, each in a good share', () => {
  const counts = { ru: 0, uk: 0, en: 0 };
  for (const doc of demo.documents) counts[doc.lang] += 1;
  for (const [lang, count] of Object.entries(counts))
    assert.ok(count > demo.documents.length / 10, `${lang}: ${count}`);
});

test('the intended statements tile each document’s text at their offsets', () => {
  demo.documents.forEach((doc, index) => {
    const intended = demo.intended[index]!;
    assert.equal(intended.id, doc.id);
    for (const statement of intended.statements)
      assert.equal(doc.text.slice(statement.start, statement.end), statement.text);
    assert.equal(intended.statements.map((s) => s.text).join(' '), doc.text);
  });
});

test('each pressure rise comes before the burst of Russian overtures that follows it', () => {
  const scenario = buildScenario(540);
  const losses = demo.indicators
    .find((i) => i.name === 'synthetic-ru-losses-index')!
    .points.map((p) => p.value);
  const quiet = losses.slice(0, 100).reduce((a, b) => a + b, 0) / 100;
  const overtures = russianOverturesPerDay(demo);
  const quietWeekly = (overtures.slice(0, 100).reduce((a, b) => a + b, 0) / 100) * 7;
  const threshold = Math.max(6, 4 * quietWeekly);
  const episodes: Hump[] = [...scenario.offensives, scenario.opening];
  for (const episode of episodes) {
    const from = episode.start - 30;
    let pressureOnset = -1;
    let burstOnset = -1;
    for (let day = from; day < episode.end; day += 1) {
      const threeDay = (losses[day]! + losses[day - 1]! + losses[day - 2]!) / 3;
      if (pressureOnset < 0 && threeDay > 1.25 * quiet) pressureOnset = day;
      const week = overtures.slice(day - 6, day + 1).reduce((a, b) => a + b, 0);
      if (burstOnset < 0 && week >= threshold) burstOnset = day;
    }
    assert.ok(pressureOnset > 0, `no pressure rise before day ${episode.start}`);
    assert.ok(burstOnset > 0, `no burst of overtures around day ${episode.start}`);
    assert.ok(pressureOnset < burstOnset, `pressure day ${pressureOnset}, burst day ${burstOnset}`);
  }
});

test('Russian positions only soften in the opening, and harden only in the offensives', () => {
  const scenario = buildScenario(540);
  const inside = (hump: Hump, day: number): boolean => day >= hump.start && day <= hump.end;
  let softened = 0;
  demo.documents.forEach((doc, index) => {
    const day = dayOf(doc.date);
    for (const statement of demo.intended[index]!.statements) {
      for (const signal of statement.signals) {
        if (signal.signal !== 'position' || signal.position?.startsWith('ua-')) continue;
        if (signal.stance === 'soften') {
          softened += 1;
          assert.ok(inside(scenario.opening, day), `${doc.id} softens on day ${day}`);
        }
        if (signal.stance === 'harden')
          assert.ok(
            scenario.offensives.some((h) => inside(h, day + 1)),
            `${doc.id} day ${day}`,
          );
      }
    }
  });
  assert.ok(softened >= 5, `${softened} softened positions`);
});

test('formula A travels from officials to state media, war bloggers and Western commentary, with near-duplicate re-posts', () => {
  const first = new Map<string, string>();
  for (const doc of demo.documents)
    if (FORMULA_A.test(doc.text) && !first.has(doc.camp)) first.set(doc.camp, doc.date);
  const at = (camp: string): number => Date.parse(first.get(camp) ?? 'x');
  const hours = (a: string, b: string): number => (at(b) - at(a)) / 3_600_000;
  assert.ok(hours('ru-official', 'ru-state-media') > 0 && hours('ru-official', 'ru-state-media') <= 12);
  assert.ok(hours('ru-state-media', 'ru-milblog') > 0 && hours('ru-state-media', 'ru-milblog') <= 48);
  assert.ok(
    hours('ru-milblog', 'west-commentary') >= 24 && hours('ru-official', 'west-commentary') <= 7 * 24,
  );
  const fingerprint = (text: string): string => text.toLowerCase().replace(/[^\p{L}]/gu, '');
  const byId = new Map(demo.documents.map((d) => [d.id, d]));
  const reposts = demo.documents.filter((d) => d.meta.repostOf !== undefined);
  assert.ok(reposts.length >= 20, `${reposts.length} re-posts`);
  for (const repost of reposts) {
    const original = byId.get(repost.meta.repostOf!)!;
    assert.ok(original.date < repost.date);
    assert.equal(fingerprint(repost.text), fingerprint(original.text));
    assert.equal(repost.camp, 'ru-milblog');
  }
  assert.ok(
    reposts.some((d) => FORMULA_A.test(d.text)),
    'formula A is re-posted',
  );
});

test('indicators cover every day, rounds are dated in order, and the timeline tells the story', () => {
  assert.equal(demo.indicators.length, 4);
  for (const indicator of demo.indicators) {
    assert.equal(indicator.points.length, 540);
    assert.equal(indicator.points[0]!.date, START);
    assert.ok(indicator.points.every((p) => Number.isFinite(p.value)));
    if (indicator.cumulative) {
      for (let i = 1; i < indicator.points.length; i += 1) {
        assert.ok(indicator.points[i]!.value >= indicator.points[i - 1]!.value, indicator.name);
      }
    }
  }
  assert.ok(demo.rounds.length >= 4);
  assert.deepEqual(
    demo.rounds.map((r) => r.day),
    [...demo.rounds.map((r) => r.day)].sort(),
  );
  assert.ok(
    demo.rounds.some((r) => r.status === 'postponed') && demo.rounds.some((r) => r.status === 'walk-out'),
  );
  const ids = demo.timeline.map((e) => e.id);
  for (const id of [
    'pressure-rise-1',
    'offensive-1',
    'formula-a-debut',
    'pressure-rise-2',
    'offensive-2',
    'opening',
  ]) {
    assert.ok(ids.includes(id), id);
  }
});

test('another start and length stretch the same story over other days', () => {
  const short = generateDemo({ start: '2023-03-15', days: 180 });
  assert.ok(short.documents.length > 1000);
  assert.ok(short.documents.every((d) => d.date >= '2023-03-15' && d.date < '2023-09-11'));
  assert.equal(short.indicators[0]!.points.length, 180);
});

test('bad options are refused with an invalid-option error naming the option', () => {
  const refused = (options: Parameters<typeof generateDemo>[0], name: string) =>
    assert.throws(
      () => generateDemo(options),
      (error: unknown) =>
        error instanceof OvertureError && error.code === 'invalid-option' && error.message.includes(name),
    );
  refused({ seed: 1.5 }, 'seed');
  refused({ start: '2024-02-30' }, 'start');
  refused({ days: 10 }, 'days');
});
