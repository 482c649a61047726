// Speakers and targets with the default codebook in the three languages: reporting verbs before
// and after the quote, "according to" frames, a name before a colon, titles, and each signal
// with its own speaker (CODING-GUIDE rule 13).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { loadCoder } from '../../src/coder/load-coder.js';
import type { SignalCategory } from '../../src/core/types.js';

const coder = await loadCoder({ modelPath: null });
const codes = (text: string, lang: string, defaultSpeaker: string | null = 'source') =>
  coder.code({ text, lang, defaultSpeaker }).flatMap((s) => s.signals);
const speakerOf = (text: string, lang: string, signal: SignalCategory) =>
  codes(text, lang).find((c) => c.signal === signal)?.speaker;

test('an English reporting verb gives the speaker, before or after the claim', () => {
  assert.equal(speakerOf('Zelensky said Russia is not ready to talk.', 'en', 'refusal'), 'zelensky');
  assert.equal(
    speakerOf('Russia is open to talks, Kremlin spokesman Dmitry Peskov told reporters.', 'en', 'overture'),
    'peskov',
  );
  assert.equal(
    speakerOf('According to Lavrov, Moscow remains ready for a negotiated settlement.', 'en', 'overture'),
    'lavrov',
  );
  assert.equal(
    speakerOf('Russian Foreign Minister Sergei Lavrov said Moscow was ready for talks.', 'en', 'overture'),
    'lavrov',
  );
  assert.equal(
    speakerOf('The Ukrainian foreign minister said Kyiv is ready for a ceasefire.', 'en', 'overture'),
    'ua-foreign-minister',
  );
});

test('a Russian statement is attributed from «заявил», «по словам» and a quote with its dash', () => {
  assert.equal(
    speakerOf('«Мы готовы к переговорам», — заявил Песков журналистам.', 'ru', 'overture'),
    'peskov',
  );
  assert.equal(speakerOf('По словам Лаврова, Россия открыта для диалога.', 'ru', 'overture'), 'lavrov');
  assert.equal(speakerOf('Захарова: «Киевский режим сорвал переговоры».', 'ru', 'blame'), 'zakharova');
  assert.equal(speakerOf('Путин заявил, что Россия готова к переговорам.', 'ru', 'overture'), 'putin');
  assert.equal(speakerOf('Россия готова к переговорам.', 'ru', 'overture'), 'source');
});

test('a Ukrainian statement is attributed from «заявив», «за словами» and «як зазначив»', () => {
  assert.equal(speakerOf('Перемовин із Путіним не буде, заявив Зеленський.', 'uk', 'refusal'), 'zelensky');
  assert.equal(speakerOf('За словами Єрмака, Україна готова до переговорів.', 'uk', 'overture'), 'yermak');
  assert.equal(speakerOf('Як зазначив Кулеба, Україна відкрита до діалогу.', 'uk', 'overture'), 'kuleba');
});

test('each signal takes its own speaker when two people are reported', () => {
  const found = codes(
    'Zelensky accused Russia of sabotaging the talks after Putin said Russia was ready for a ceasefire.',
    'en',
  );
  assert.equal(found.find((c) => c.signal === 'blame')?.speaker, 'zelensky');
  assert.equal(found.find((c) => c.signal === 'overture')?.speaker, 'putin');
});

test('blame and labels name their target', () => {
  const blame = codes(
    'Захарова считает, что Киев отказывается от переговоров по указке Вашингтона.',
    'ru',
  ).find((c) => c.signal === 'blame');
  assert.equal(blame?.speaker, 'zakharova');
  assert.equal(blame?.target, 'kyiv');
  assert.equal(
    codes('Неонацистский режим в Киеве продолжает обстрелы.', 'ru').find((c) => c.signal === 'delegitimize')
      ?.target,
    'kyiv',
  );
  assert.equal(
    codes('Депутаты назвали Зеленского нелегитимным президентом.', 'ru').find(
      (c) => c.signal === 'delegitimize',
    )?.target,
    'zelensky',
  );
});
