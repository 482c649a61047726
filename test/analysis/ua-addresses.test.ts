// Real data: the video addresses of Ukrainian officials, February–May 2022 (see
// ../shared/corpora/README.md). Talk of negotiations rose in the second half of March 2022,
// around the Istanbul round of 29 March. Skipped when the shared corpus is absent.

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { detectBursts } from '../../src/core/analysis/detect-bursts.js';
import { computeRates, type DailyCount, type Rate } from '../../src/core/analysis/rates.js';
import type { Coder } from '../../src/core/coding/coder.js';

const corpus = resolve(process.cwd(), '../shared/corpora/ua-official-addresses-2022.jsonl');
const coderFile = resolve(process.cwd(), 'src/coder/load-coder.ts');

interface Address {
  date: string;
  lang: string;
  title?: string;
  text?: string;
  tags_en?: string[];
}

function addresses(): Address[] {
  return readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Address);
}

const byHalfMonth = (rates: Rate[]) => new Map(rates.map((rate) => [rate.period, rate]));

test('the curators’ negotiation tags rise in the second half of March 2022 and are its only burst at s = 1.3, γ = 0.2', {
  skip: existsSync(corpus) ? false : 'shared corpus absent',
}, () => {
  const counts: DailyCount[] = addresses()
    .filter((a) => a.lang === 'uk')
    .map((a) => ({
      day: a.date,
      relevant: (a.tags_en ?? []).some((t) => t.includes('negotiat')) ? 1 : 0,
      total: 1,
    }));
  const rates = computeRates(counts, { period: 'half-month' });
  const half = byHalfMonth(rates);
  // The figures of the corpus README.
  const seen = (period: string) => [half.get(period)!.relevant, half.get(period)!.total];
  assert.deepEqual(seen('2022-02-16'), [2, 33]);
  assert.deepEqual(seen('2022-03-16'), [15, 91]);
  assert.deepEqual(seen('2022-04-01'), [5, 50]);
  assert.deepEqual(seen('2022-04-16'), [8, 50]);
  assert.deepEqual(seen('2022-05-01'), [6, 48]);
  const march = half.get('2022-03-16')!.share!;
  // Every other half-month with enough addresses to judge (the last holds 4) is below it.
  for (const rate of rates) {
    if (rate.period !== '2022-03-16' && rate.total >= 30)
      assert.ok(rate.share! < march, `${rate.period} below late March`);
  }
  // With the defaults (s = 2, γ = 1) seven half-months and a rise from a 12.7% base rate to
  // 16.5% are not enough for a burst; a finer automaton finds late March and nothing else.
  assert.deepEqual(detectBursts(rates).bursts, []);
  const finer = detectBursts(rates, { s: 1.3, gamma: 0.2 });
  assert.deepEqual(
    finer.bursts.map((b) => [rates[b.start]!.period, rates[b.end]!.end]),
    [['2022-03-16', '2022-03-31']],
  );
});

/** The share of the English addresses' statements the coder codes as overtures, per half-month. */
async function overtureShareByHalfMonth(coder: Coder): Promise<(period: string) => number> {
  const counts: DailyCount[] = addresses()
    .filter((a) => a.lang === 'en')
    .map((a) => {
      const statements = coder.code({
        text: [a.title, a.text].filter(Boolean).join('\n\n'),
        lang: 'en',
        defaultSpeaker: 'zelensky',
      });
      return {
        day: a.date,
        relevant: statements.filter((s) => s.signals.some((signal) => signal.signal === 'overture')).length,
        total: statements.length,
      };
    });
  const half = byHalfMonth(computeRates(counts, { period: 'half-month' }));
  return (period: string) => half.get(period)!.share!;
}

test('coded by the rules of the default codebook, the English addresses show the overture share rising in the second half of March 2022', {
  skip: !existsSync(corpus) ? 'shared corpus absent' : !existsSync(coderFile) ? 'coder missing' : false,
}, async () => {
  const { loadCoder } = await import('../../src/coder/load-coder.js');
  const coder = await loadCoder({ modelPath: null });
  const share = await overtureShareByHalfMonth(coder);
  // Early March was the war's first weeks of fighting; the Istanbul round (29 March) came in the
  // second half. Late February (the first talks on the Belarus border) and early April (the
  // "force Russia to seek peace" refrain after Bucha) run high as well, so the comparison is
  // with the half-months on either side that did not.
  assert.ok(share('2022-03-16') > 2 * share('2022-03-01'), 'late March at least twice early March');
  assert.ok(share('2022-03-16') > share('2022-05-01'), 'late March above early May');
});

test('with the shipped model beside the rules, the rise in the second half of March 2022 is still there', {
  skip: !existsSync(corpus) ? 'shared corpus absent' : !existsSync(coderFile) ? 'coder missing' : false,
}, async () => {
  // The model adds recall where the rules are silent, and some noise on real speech: the rise
  // is smaller than with the rules alone (docs/evaluation.md), but it does not disappear.
  const { loadCoder } = await import('../../src/coder/load-coder.js');
  const coder = await loadCoder();
  const share = await overtureShareByHalfMonth(coder);
  assert.ok(share('2022-03-16') > 1.5 * share('2022-03-01'), 'late March well above early March');
  assert.ok(share('2022-03-16') > share('2022-05-01'), 'late March above early May');
});
