import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { detectLanguage } from './detect-language.js';

// Sentence sets written for this project (test/fixtures/language): `short-sentences-*` (65 per
// language) and `holdout-*` (30) were used while choosing the cues; `fresh-*` (30, everyday
// topics) were written afterwards and never tuned on, so they measure what to expect.
const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/language');
const LANGS = ['uk', 'ru', 'en'] as const;

function sentences(set: string, lang: string): string[] {
  return readFileSync(path.join(FIXTURES, `${set}-${lang}.txt`), 'utf8')
    .split('\n')
    .filter(Boolean);
}

function tally(set: string, lang: string): { total: number; correct: number; confused: string[] } {
  const lines = sentences(set, lang);
  const guesses = lines.map((line) => detectLanguage(line).lang);
  const confused = lines.filter((_, i) => guesses[i] !== lang && guesses[i] !== 'und');
  return { total: lines.length, correct: guesses.filter((g) => g === lang).length, confused };
}

for (const lang of LANGS) {
  test(`short ${lang} sentences are recognised (at least 60, all but a few)`, () => {
    const { total, correct, confused } = tally('short-sentences', lang);
    assert.ok(total >= 60);
    assert.deepEqual(confused, []);
    assert.ok(correct / total >= 0.95, `${correct}/${total}`);
  });

  test(`${lang} sentences written after tuning are never taken for another language`, () => {
    const { total, correct, confused } = tally('fresh', lang);
    assert.deepEqual(confused, []);
    assert.ok(correct / total >= 0.85, `${correct}/${total}`);
    const holdout = tally('holdout', lang);
    assert.deepEqual(holdout.confused, []);
  });
}

test('Russian and Ukrainian are told apart without their distinctive letters', () => {
  assert.equal(detectLanguage('Вона сказала, що так буде краще.').lang, 'uk');
  assert.equal(detectLanguage('Она сказала, что так будет лучше.').lang, 'ru');
  assert.equal(detectLanguage('Це було давно.').lang, 'uk');
  assert.equal(detectLanguage('Это было давно.').lang, 'ru');
});

test('Latin names and acronyms inside Cyrillic text do not make it English', () => {
  assert.equal(detectLanguage('NATO заявило, що Biden підтримує Kyiv').lang, 'uk');
  assert.equal(detectLanguage('Putin обсудил с Trump ситуацию').lang, 'ru');
});

test('the confidence grows with the evidence', () => {
  const short = detectLanguage('Це було давно.');
  const long = detectLanguage(
    'Це було давно, але ми пам’ятаємо кожен день і кожне слово, яке тоді пролунало.',
  );
  assert.ok(long.confidence > short.confidence);
  assert.ok(short.confidence > 0.5 && long.confidence <= 1);
});

test('text without letters is undetermined', () => {
  assert.deepEqual(detectLanguage(''), { lang: 'und', confidence: 0 });
  assert.deepEqual(detectLanguage('12:30 — 45%!'), { lang: 'und', confidence: 0 });
});

test('other languages get a code from their script or function words', () => {
  assert.equal(detectLanguage('Die Gespräche werden in der nächsten Woche fortgesetzt.').lang, 'de');
  assert.equal(detectLanguage('Les négociations reprendront la semaine prochaine.').lang, 'fr');
  assert.equal(detectLanguage('Rozmowy zostaną wznowione w przyszłym tygodniu.').lang, 'pl');
  assert.equal(detectLanguage('Гэта таксама ўплывае на перамовы.').lang, 'be');
  assert.equal(detectLanguage('Переговорите ще продължат и това е важно, че са тук.').lang, 'bg');
  assert.equal(detectLanguage('和平谈判将于下周继续。').lang, 'zh');
  assert.equal(detectLanguage('Οι συνομιλίες θα συνεχιστούν.').lang, 'el');
  assert.equal(detectLanguage('المفاوضات ستستأنف الأسبوع المقبل').lang, 'ar');
});

// The addresses corpus labels each record uk or en; a handful of records carry text in the
// other language under the label (a Ukrainian title in an `en` record), which bounds the score.
const ADDRESSES = path.resolve(process.cwd(), '../shared/corpora/ua-official-addresses-2022.jsonl');
test('the language of the 2022 addresses of Ukrainian officials matches their labels', {
  skip: existsSync(ADDRESSES) ? false : 'shared corpus absent',
}, () => {
  const perLang = new Map<string, { total: number; correct: number }>();
  for (const line of readFileSync(ADDRESSES, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { lang: string; text: string };
    const entry = perLang.get(record.lang) ?? { total: 0, correct: 0 };
    entry.total += 1;
    if (detectLanguage(record.text).lang === record.lang) entry.correct += 1;
    perLang.set(record.lang, entry);
  }
  for (const [lang, { total, correct }] of perLang) {
    assert.ok(correct / total >= 0.98, `${lang}: ${correct}/${total}`);
  }
});
