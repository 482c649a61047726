// A small constructed world for the echo, analogue and commitment-gap tests. Every sentence is
// written for the tests. Two formulas start at a Russian official source on 22 November 2023
// and travel: state media two hours later, a milblog the next day, Western commentary and media
// two and three days later — in Russian first, then in English. A Western official source makes
// commitments week by week; the Russian official source makes overtures.
import type { CodedStatement, SignalCategory } from '../../src/core/types.js';
import { sha256Hex } from '../../src/store/document-id.js';
import type { Store } from '../../src/store/store.js';

export const T0 = Date.UTC(2023, 10, 22, 10);
const HOUR = 3_600_000;

interface Line {
  text: string;
  rule?: string;
  category?: SignalCategory;
  speaker?: string;
}

interface Doc {
  source: string;
  hours: number;
  lang: string;
  lines: Line[];
}

const NEVER_REFUSED_RU =
  'Россия никогда не отказывалась от мирных переговоров с Украиной и готова к ним сейчас.';
const REALITIES_RU = 'Любое урегулирование должно учитывать новые территориальные реалии на земле.';
const NEVER_REFUSED_EN = 'Russia has never refused peace talks with Ukraine, the Kremlin says again.';
const REALITIES_EN = 'Moscow insists any deal must reflect the new territorial realities on the ground.';

const overture = (text: string, lang: string, speaker: string): Line => ({
  text,
  rule: `overture.${lang}.never-refused-talks`,
  category: 'overture',
  speaker,
});
const realities = (text: string, lang: string, speaker: string): Line => ({
  text,
  rule: `position.${lang}.new-territorial-realities`,
  category: 'position',
  speaker,
});

export const ECHO_DOCS: Doc[] = [
  {
    source: 'kremlin',
    hours: 0,
    lang: 'ru',
    lines: [overture(NEVER_REFUSED_RU, 'ru', 'putin'), realities(REALITIES_RU, 'ru', 'putin')],
  },
  {
    source: 'tass',
    hours: 2,
    lang: 'ru',
    lines: [{ text: 'Заявление прозвучало в среду.' }, overture(`Путин: ${NEVER_REFUSED_RU}`, 'ru', 'putin')],
  },
  {
    source: 'rybar',
    hours: 26,
    lang: 'ru',
    lines: [realities(`Президент прав: ${REALITIES_RU}`, 'ru', 'rybar')],
  },
  {
    source: 'blog-x',
    hours: 50,
    lang: 'en',
    lines: [
      overture(NEVER_REFUSED_EN, 'en', 'putin'),
      {
        text: 'Neither side can win this war, so it is time to negotiate a settlement.',
        rule: 'stalemate.en.no-military-solution',
        category: 'stalemate',
        speaker: 'blog-x',
      },
    ],
  },
  { source: 'paper-y', hours: 74, lang: 'en', lines: [realities(REALITIES_EN, 'en', 'lavrov')] },
];

export const SOURCES = [
  { name: 'kremlin', camp: 'ru-official', lang: 'ru' },
  { name: 'tass', camp: 'ru-state-media', lang: 'ru' },
  { name: 'rybar', camp: 'ru-milblog', lang: 'ru' },
  { name: 'blog-x', camp: 'west-commentary', lang: 'en' },
  { name: 'paper-y', camp: 'west-media', lang: 'en' },
  { name: 'nato-site', camp: 'west-official', lang: 'en' },
];

/** Commitment statements of the Western official source per ISO week (Mondays), and Kremlin overtures. */
export const WEEKS = [
  '2023-10-02',
  '2023-10-09',
  '2023-10-16',
  '2023-10-23',
  '2023-10-30',
  '2023-11-06',
  '2023-11-13',
  '2023-11-20',
];
export const COMMITMENTS_PER_WEEK = [4, 4, 3, 3, 2, 1, 1, 0];
export const OVERTURES_PER_WEEK = [0, 0, 1, 1, 1, 2, 2, 3];

function weeklyDocs(): Doc[] {
  const docs: Doc[] = [];
  WEEKS.forEach((week, w) => {
    const hours = (Date.parse(`${week}T12:00:00Z`) - T0) / HOUR;
    const commitments = Array.from({ length: COMMITMENTS_PER_WEEK[w]! }, (_, i) => ({
      text: `Allies approved aid package number ${w * 10 + i} for Ukraine this week.`,
      rule: 'commitment.en.aid-package',
      category: 'commitment' as const,
      speaker: i % 2 === 0 ? 'nato' : 'us',
    }));
    if (commitments.length > 0) docs.push({ source: 'nato-site', hours, lang: 'en', lines: commitments });
    const overtures = Array.from({ length: OVERTURES_PER_WEEK[w]! }, (_, i) => ({
      text: `Moscow is open to a dialogue on a settlement, statement ${w * 10 + i} said.`,
      rule: 'overture.en.open-to-dialogue',
      category: 'overture' as const,
      speaker: 'putin',
    }));
    if (overtures.length > 0)
      docs.push({ source: 'kremlin', hours: hours + 1, lang: 'en', lines: overtures });
  });
  return docs;
}

export async function seedHistory(store: Store): Promise<void> {
  const ids = new Map<string, number>();
  for (const s of SOURCES)
    ids.set(s.name, (await store.upsertSource({ name: s.name, camp: s.camp, lang: s.lang })).id);
  const docs = [...ECHO_DOCS, ...weeklyDocs()];
  const prepared = docs.map((doc, n) => {
    const text = doc.lines.map((l) => l.text).join(' ');
    const ref = `doc-${n}`;
    return {
      ref,
      sourceId: ids.get(doc.source)!,
      externalId: ref,
      text,
      lang: doc.lang,
      contentHash: sha256Hex(text),
      fingerprint: sha256Hex(`${ref}:${text}`),
      publishedAt: new Date(T0 + doc.hours * HOUR),
    };
  });
  const written = await store.writeDocuments(prepared);
  const idOf = new Map(written.written.map((w) => [w.ref, w.id]));
  await store.writeCoding(
    'history-test',
    docs.map((doc, n) => {
      let offset = 0;
      const statements: CodedStatement[] = doc.lines.map((line) => {
        const start = offset;
        offset += line.text.length + 1;
        return {
          start,
          end: start + line.text.length,
          text: line.text,
          signals: line.rule
            ? [
                {
                  signal: line.category!,
                  speaker: line.speaker ?? null,
                  target: null,
                  position: line.category === 'position' ? 'annexed-territories' : null,
                  stance: line.category === 'position' ? 'assert' : null,
                  confidence: 0.9,
                  origin: 'rule' as const,
                  evidence: [{ rule: line.rule, start, end: start + 10 }],
                },
              ]
            : [],
        };
      });
      return { documentId: idOf.get(`doc-${n}`)!, statements, defaultSpeaker: null };
    }),
  );
}

/** A stored overture episode of ru-official around the first sentence, with measures as `overture episodes` saves them. */
export async function seedEpisode(store: Store): Promise<string> {
  const id = 'ru-official/overture/2023-11-22';
  const detail = {
    id,
    intensity: { statements: 4, total: 20, share: 0.2, baselineShare: 0.04, ratio: 5 },
    tactics: [
      { category: 'blame', statements: 3, share: 0.15, baselineShare: 0.05, ratio: 3 },
      { category: 'wedge', statements: 0, share: 0, baselineShare: 0.01, ratio: 0 },
      { category: 'delegitimize', statements: 2, share: 0.1, baselineShare: 0.04, ratio: 2.5 },
      { category: 'threat', statements: 1, share: 0.05, baselineShare: 0.05, ratio: 1 },
      { category: 'stall', statements: 0, share: 0, baselineShare: 0, ratio: null },
    ],
    positions: {
      from: '2023-10-23',
      to: '2023-12-23',
      byKey: [{ key: 'annexed-territories', counts: { assert: 5, harden: 0, soften: 0, drop: 0 } }],
      concessions: [],
      reassertions: 5,
      hardenings: 0,
    },
    amplification: [
      {
        camp: 'west-commentary',
        category: 'overture',
        share: 0.1,
        baselineShare: 0.05,
        ratio: 2,
        statements: 1,
        lagDays: 2,
        burst: null,
      },
    ],
    pressure: {
      actor: 'russia',
      indicators: ['losses'],
      windowDays: 30,
      before: 0.4,
      baseline: 0.1,
      difference: 0.3,
      daysWithData: 30,
    },
    classification: 'peace-offensive',
    reasons: [],
    evidence: [],
  };
  await store.db.query(
    `INSERT INTO episodes (id, speaker_group, category, start_day, peak_day, end_day, level, classification, detail)
     VALUES ($1, 'ru-official', 'overture', '2023-11-22', '2023-11-22', '2023-11-23', 1, 'peace-offensive', $2::jsonb)`,
    [id, JSON.stringify(detail)],
  );
  return id;
}
