// A small, deterministic, demo-like store for the API and browser tests: four sources in four
// camps over 2024-01-01 … 2024-04-29, a burst of Russian official overtures in March while the
// positions are re-asserted, one episode, two pressure indicators, and one hostile document whose
// text is markup. Every sentence is written here for the tests. Coding is done by hand (no
// codebook), so the expected numbers are known exactly.
import type { CodedStatement, SignalCode } from '../../src/core/types.js';
import { sha256Hex } from '../../src/store/document-id.js';
import type { PreparedDocument, Store } from '../../src/store/store.js';

export const FIRST_DAY = '2024-01-01';
export const LAST_DAY = '2024-04-29';
export const BURST = { start: '2024-03-04', end: '2024-03-17' } as const;
export const HOSTILE_TEXT = '<img src=x onerror=alert(1)> <script>alert(2)</script> We are ready to talk.';
export const HOSTILE_DAY = '2024-03-08';
export const EPISODE_ID = 'ru-official/overture/2024-03-04';

interface Sentence {
  text: string;
  signals: Array<{
    signal: SignalCode['signal'];
    match: string;
    rule: string;
    position?: string;
    stance?: SignalCode['stance'];
    target?: string;
  }>;
}

const SENTENCES = {
  overture: {
    text: 'Moscow remains open to a negotiated settlement.',
    signals: [{ signal: 'overture', match: 'open to a negotiated settlement', rule: 'overture.en.open-to' }],
  },
  ready: {
    text: 'We are ready to talk without delay, the spokesman said.',
    signals: [{ signal: 'overture', match: 'ready to talk', rule: 'overture.en.ready' }],
  },
  neutrality: {
    text: "Ukraine's neutral, non-aligned status is a must for any settlement.",
    signals: [
      {
        signal: 'position',
        match: 'neutral, non-aligned status',
        rule: 'position.en.neutral-status',
        position: 'neutrality',
        stance: 'assert',
      },
    ],
  },
  territories: {
    text: 'The new territorial realities must be recognised, and more regions are now at stake.',
    signals: [
      {
        signal: 'position',
        match: 'new territorial realities',
        rule: 'position.en.realities',
        position: 'annexed-territories',
        stance: 'harden',
      },
    ],
  },
  blame: {
    text: 'Kyiv refuses to negotiate on orders from Washington.',
    signals: [
      { signal: 'blame', match: 'refuses to negotiate', rule: 'blame.en.refuses', target: 'ukraine' },
    ],
  },
  neutral: { text: 'The ministry published its weekly briefing.', signals: [] },
  weather: { text: 'Officials met with regional governors on Tuesday.', signals: [] },
  uaBorders: {
    text: 'Peace means the restoration of our 1991 borders.',
    signals: [
      {
        signal: 'position',
        match: '1991 borders',
        rule: 'position.en.borders',
        position: 'ua-1991-borders',
        stance: 'assert',
      },
    ],
  },
  uaRefusal: {
    text: 'There will be no talks while troops remain on our land.',
    signals: [{ signal: 'refusal', match: 'no talks', rule: 'refusal.en.no-talks' }],
  },
  stalemate: {
    text: 'Neither side can win, so it is time to negotiate.',
    signals: [
      { signal: 'stalemate', match: 'Neither side can win', rule: 'stalemate.en.neither-side' },
      { signal: 'overture', match: 'time to negotiate', rule: 'overture.en.time-to' },
    ],
  },
  aid: {
    text: 'Allies approved a new aid package for Ukraine.',
    signals: [{ signal: 'commitment', match: 'new aid package', rule: 'commitment.en.aid-package' }],
  },
} satisfies Record<string, Sentence>;

type SentenceName = keyof typeof SENTENCES;

export const SOURCES = [
  { name: 'kremlin-readouts', camp: 'ru-official', lang: 'en', defaultSpeaker: 'kremlin' },
  { name: 'state-wire', camp: 'ru-state-media', lang: 'en', defaultSpeaker: 'state-wire' },
  { name: 'kyiv-office', camp: 'ua-official', lang: 'en', defaultSpeaker: 'zelensky' },
  { name: 'west-column', camp: 'west-commentary', lang: 'en', defaultSpeaker: 'columnist' },
] as const;

/** Deterministic choice (a linear congruential generator; the seed fixes the corpus). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function sentencesFor(camp: string, day: string, next: () => number): SentenceName[] {
  const inBurst = day >= BURST.start && day <= BURST.end;
  switch (camp) {
    case 'ru-official': {
      const picks: SentenceName[] = ['neutral'];
      if (inBurst) picks.push(next() < 0.5 ? 'overture' : 'ready', next() < 0.6 ? 'neutrality' : 'blame');
      else if (next() < 0.12) picks.push('overture');
      if (next() < 0.15) picks.push('neutrality');
      if (day === '2024-03-12') picks.push('territories');
      picks.push('weather');
      return picks;
    }
    case 'ru-state-media':
      return inBurst && next() < 0.5
        ? ['weather', 'ready', 'blame']
        : ['weather', next() < 0.2 ? 'blame' : 'neutral'];
    case 'ua-official':
      return ['neutral', next() < 0.25 ? 'uaBorders' : 'weather', next() < 0.1 ? 'uaRefusal' : 'aid'];
    default:
      return day >= '2024-03-10' && day <= '2024-03-24' && next() < 0.6
        ? ['stalemate', 'neutral']
        : ['neutral', 'weather'];
  }
}

function codeDocument(
  names: readonly SentenceName[],
  speaker: string,
): { text: string; statements: CodedStatement[] } {
  let text = '';
  const statements: CodedStatement[] = [];
  for (const name of names) {
    const sentence: Sentence = SENTENCES[name];
    if (text !== '') text += ' ';
    const start = text.length;
    text += sentence.text;
    statements.push({
      start,
      end: text.length,
      text: sentence.text,
      signals: sentence.signals.map((s) => {
        const at = start + sentence.text.indexOf(s.match);
        return {
          signal: s.signal,
          speaker,
          target: s.target ?? null,
          position: s.position ?? null,
          stance: s.stance ?? null,
          confidence: 0.9,
          origin: 'rule',
          evidence: [{ rule: s.rule, start: at, end: at + s.match.length }],
        };
      }),
    });
  }
  return { text, statements };
}

function prepared(sourceId: number, ref: string, text: string, day: string, title: string): PreparedDocument {
  return {
    ref,
    sourceId,
    externalId: ref,
    text,
    title,
    url: `https://example.org/${ref}`,
    lang: 'en',
    contentHash: sha256Hex(`${title}\n\n${text}`),
    fingerprint: sha256Hex(`${ref}:${text}`).slice(0, 32),
    publishedAt: new Date(`${day}T09:30:00Z`),
  };
}

export interface SeedSummary {
  documents: number;
  hostileDocumentId: number;
}

export async function seedApiStore(store: Store): Promise<SeedSummary> {
  const next = random(20240301);
  let documents = 0;
  let hostileDocumentId = 0;
  for (const spec of SOURCES) {
    const source = await store.upsertSource(spec);
    const batch: PreparedDocument[] = [];
    const codings: Array<{ ref: string; speaker: string; statements: CodedStatement[] }> = [];
    for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
      const names = sentencesFor(spec.camp, day, next);
      const { text, statements } = codeDocument(names, spec.defaultSpeaker);
      const ref = `${spec.name}-${day}`;
      batch.push(prepared(source.id, ref, text, day, `${spec.name} on ${day}`));
      codings.push({ ref, speaker: spec.defaultSpeaker, statements });
    }
    if (spec.camp === 'ru-official') {
      const at = HOSTILE_TEXT.indexOf('ready to talk');
      const ref = `${spec.name}-hostile`;
      batch.push(
        prepared(source.id, ref, HOSTILE_TEXT, HOSTILE_DAY, '<b>bold</b> title <script>alert(3)</script>'),
      );
      codings.push({
        ref,
        speaker: spec.defaultSpeaker,
        statements: [
          {
            start: 0,
            end: HOSTILE_TEXT.length,
            text: HOSTILE_TEXT,
            signals: [
              {
                signal: 'overture',
                speaker: spec.defaultSpeaker,
                target: null,
                position: null,
                stance: null,
                confidence: 0.9,
                origin: 'rule',
                evidence: [{ rule: 'overture.en.ready', start: at, end: at + 'ready to talk'.length }],
              },
            ],
          },
        ],
      });
    }
    const result = await store.writeDocuments(batch);
    const ids = new Map(result.written.map((w) => [w.ref, w.id]));
    await store.writeCoding(
      'test-codebook',
      codings.map((c) => ({
        documentId: ids.get(c.ref)!,
        defaultSpeaker: c.speaker,
        statements: c.statements,
      })),
    );
    documents += result.written.length;
    if (spec.camp === 'ru-official') hostileDocumentId = ids.get(`${spec.name}-hostile`)!;
  }
  await store.recordCodebookVersion('test-codebook', { by: 'test' });
  await store.refreshRollups();
  await seedEpisode(store);
  await seedIndicators(store);
  return { documents, hostileDocumentId };
}

async function seedEpisode(store: Store): Promise<void> {
  const reasons = [
    "The overture share rose to 31.0% of the group's statements (26 of 84) between 2024-03-04 and 2024-03-17, against 4.1% outside it (×7.6).",
    'No concession (soften or drop) on any position key between 2024-02-03 and 2024-04-16.',
    'Positions were re-asserted 12 times and hardened once on 2 keys (annexed-territories, neutrality).',
    'Classified as a peace offensive: overtures rose while positions were re-asserted and nothing was conceded.',
  ];
  await store.db.query(
    `INSERT INTO episodes (id, speaker_group, category, start_day, peak_day, end_day, level, classification, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [
      EPISODE_ID,
      'ru-official',
      'overture',
      BURST.start,
      '2024-03-08',
      BURST.end,
      1,
      'peace-offensive',
      JSON.stringify({
        reasons,
        tactics: [{ category: 'blame', statements: 6, share: 0.07, baselineShare: 0.01, ratio: 7 }],
      }),
    ],
  );
}

async function seedIndicators(store: Store): Promise<void> {
  await store.db.query(
    `INSERT INTO indicators (name, actor, direction, cumulative, description) VALUES
       ('ru-losses', 'kremlin', 'up', true, 'claimed losses to date (synthetic test series)'),
       ('rub-per-usd', 'kremlin', 'up', false, 'exchange rate (synthetic test series)')`,
  );
  const days: string[] = [];
  const losses: number[] = [];
  const rate: number[] = [];
  let total = 300_000;
  for (let day = FIRST_DAY, i = 0; day <= LAST_DAY; day = addDays(day, 7), i++) {
    // Losses climb fastest in the weeks before the burst: pressure rises, then overtures follow.
    total += day >= '2024-02-05' && day <= '2024-03-04' ? 9_000 : 4_000;
    days.push(day);
    losses.push(total);
    rate.push(88 + (day >= '2024-02-12' && day <= '2024-03-11' ? 5 : 0) + (i % 3));
  }
  await store.db.query(
    `INSERT INTO indicator_points (indicator, day, value)
     SELECT 'ru-losses', d, v FROM unnest($1::date[], $2::float8[]) AS u(d, v)
     UNION ALL SELECT 'rub-per-usd', d, v FROM unnest($1::date[], $3::float8[]) AS u(d, v)`,
    [days, losses, rate],
  );
}
