import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { SignalCategory, Stance } from '../types.js';
import { opposingCamps } from './camp-amplification.js';
import { describeEpisode, type EpisodeContext, findEpisodes } from './episodes.js';
import type { StatementEvidence } from './evidence.js';
import { findBurstWindows } from './find-burst-windows.js';
import type { GroupSeries } from './group-series.js';
import { addDays } from './period.js';
import type { PositionStatement } from './positions.js';

const FIRST = '2022-01-01';
const DAYS = 120;

/** 100 statements a day; `signal` carries 2 a day except `loud` of them on the given days. */
function series(
  bursts: Partial<Record<SignalCategory, { from: number; to: number; loud: number }>>,
): GroupSeries {
  const days = Array.from({ length: DAYS }, (_, i) => addDays(FIRST, i));
  const signals: Partial<Record<SignalCategory, number[]>> = {};
  for (const category of [
    'overture',
    'stalemate',
    'blame',
    'wedge',
    'delegitimize',
    'threat',
    'stall',
  ] as const) {
    const burst = bursts[category];
    signals[category] = days.map((_, i) => (burst && i >= burst.from && i <= burst.to ? burst.loud : 2));
  }
  return { days, total: days.map(() => 100), signals };
}

function evidence(documentId: number, text: string): StatementEvidence {
  return {
    documentId,
    statementIdx: 3,
    text,
    source: 'kremlin',
    camp: 'ru-official',
    publishedAt: '2022-03-02T10:00:00.000Z',
    url: null,
    speaker: 'putin',
    target: null,
    confidence: 0.9,
    spans: [{ rule: 'overture.en.ready', start: 0, end: 5, match: 'Ready' }],
  };
}

const position = (key: string, stance: Stance, day: string, id: number): PositionStatement => ({
  actor: 'lavrov',
  key,
  stance,
  day,
  evidence: evidence(id, `${key} ${stance}`),
});

function context(positions: PositionStatement[]): EpisodeContext {
  const group = series({ overture: { from: 60, to: 69, loud: 20 }, blame: { from: 60, to: 69, loud: 8 } });
  const ua = series({ stalemate: { from: 64, to: 72, loud: 15 } });
  return {
    group: 'ru-official',
    category: 'overture',
    series: group,
    opposing: [
      {
        camp: 'ua-media',
        series: ua,
        bursts: {
          overture: findBurstWindows(ua, 'overture').windows,
          stalemate: findBurstWindows(ua, 'stalemate').windows,
        },
      },
    ],
    positions,
    pressure: {
      actor: 'ru',
      indicators: ['losses'],
      index: group.days.map((period, i) => ({ period, value: i >= 30 && i < 60 ? 1 : 0, components: {} })),
    },
  };
}

test('an overture burst becomes an episode with its start, peak, end and level', () => {
  const ctx = context([]);
  const windows = findEpisodes(ctx.series, 'overture');
  assert.deepEqual(windows, [
    { start: '2022-03-02', peak: '2022-03-02', end: '2022-03-11', level: 1, periods: 10 },
  ]);
});

test('overtures with positions re-asserted and nothing conceded are a peace offensive, with reasons', () => {
  const ctx = context([
    position('neutrality', 'assert', '2022-03-05', 11),
    position('neutrality', 'harden', '2022-03-20', 12),
  ]);
  const [window] = findEpisodes(ctx.series, 'overture');
  const episode = describeEpisode(window!, ctx, [evidence(7, 'Ready to talk.')]);
  assert.equal(episode.id, 'ru-official/overture/2022-03-02');
  assert.equal(episode.classification, 'peace-offensive');
  assert.equal(episode.intensity.statements, 200);
  assert.equal(episode.intensity.share, 0.2);
  assert.equal(episode.intensity.baselineShare, 0.02);
  const text = episode.reasons.join('\n');
  assert.match(
    text,
    /The overture share rose to 20\.0% of the group's statements \(200 of 1000\) between 2022-03-02 and 2022-03-11, against 2\.0% outside it \(×10\.0\)\./,
  );
  assert.match(
    text,
    /No concession \(soften or drop\) on any position key between 2022-01-31 and 2022-04-10\./,
  );
  assert.match(text, /re-asserted once and hardened once on 1 key \(neutrality\)/);
  assert.match(text, /Classified as a peace offensive/);
  assert.match(text, /Pressure on ru in the 30 days before the start averaged \+1\.00/);
  assert.match(text, /Companion tactics above the group's baseline: blame ×4\.0 \(8\.0%\)/);
  assert.match(
    text,
    /Carried in opposing camps: stalemate in ua-media from 2022-03-06 \(4 days after the start\)/,
  );
  assert.deepEqual(
    episode.amplification.map((a) => [a.camp, a.category, a.lagDays]),
    [
      ['ua-media', 'overture', null],
      ['ua-media', 'stalemate', 4],
    ],
  );
  assert.equal(episode.evidence[0]!.spans[0]!.match, 'Ready');
  assert.equal(episode.tactics.find((t) => t.category === 'blame')!.ratio, 4);
  assert.equal(episode.pressure!.difference, 1);
});

test('a concession in the window makes the episode an opening and is quoted in the reasons', () => {
  const ctx = context([
    position('neutrality', 'assert', '2022-03-05', 11),
    position('demilitarization', 'soften', '2022-03-28', 13),
  ]);
  const episode = describeEpisode(findEpisodes(ctx.series, 'overture')[0]!, ctx, []);
  assert.equal(episode.classification, 'opening');
  assert.match(
    episode.reasons.join('\n'),
    /lavrov softened demilitarization on 2022-03-28 \(document 13, statement 3: "demilitarization soften"\)/,
  );
});

test('without any position statement the episode is ambiguous and says why', () => {
  const ctx = context([position('neutrality', 'assert', '2021-06-01', 1)]);
  const episode = describeEpisode(findEpisodes(ctx.series, 'overture')[0]!, ctx, []);
  assert.equal(episode.classification, 'ambiguous');
  assert.match(episode.reasons.join('\n'), /stated no positions between 2022-01-31 and 2022-04-10/);
});

test('bursts of other signals are described the same way but left unclassified', () => {
  const ctx = { ...context([]), category: 'blame' as const };
  const episode = describeEpisode(findEpisodes(ctx.series, 'blame')[0]!, ctx, []);
  assert.equal(episode.classification, null);
  assert.match(episode.reasons.join('\n'), /this is a blame burst/);
});

test('opposing camps are those on another side, never "other"', () => {
  assert.deepEqual(
    opposingCamps(['ru-official'], ['ru-official', 'ru-state-media', 'ua-media', 'west-media', 'other']),
    ['ua-media', 'west-media'],
  );
});
