// A small invented world for the analysis tests: Russian official and state-media sources whose
// overtures burst in March 2022 while their positions are re-asserted (a peace offensive), a
// Ukrainian paper that picks up "stalemate" framing a few days later, and a Western blog that
// stays quiet. Every sentence here is written for the test.
import { addDays } from '../../src/core/analysis/period.js';
import { seededRandom } from '../../src/core/analysis/seeded-random.js';
import type { CodedStatement, SignalCategory, SignalCode, Stance } from '../../src/core/types.js';
import { sha256Hex } from '../../src/store/document-id.js';
import type { Store } from '../../src/store/store.js';

export const FIRST_DAY = '2022-01-01';
export const DAYS = 120;
/** Russian overtures burst on these days (inclusive). */
export const BURST = { from: '2022-03-10', to: '2022-03-24' };
/** The Ukrainian paper's stalemate framing. */
export const ECHO = { from: '2022-03-15', to: '2022-03-25' };

const NEUTRAL = [
  'The ministry published its weekly schedule.',
  'Officials met regional governors in the morning.',
  'The weather service forecast snow for the capital.',
  'A new bridge opened to traffic in the south.',
  'The central bank kept its key rate unchanged.',
];

interface Line {
  text: string;
  signal?: { category: SignalCategory; speaker: string; match: string; position?: string; stance?: Stance };
}

const overture = (speaker: string): Line => ({
  text: 'Moscow remains ready for negotiations with Kyiv.',
  signal: { category: 'overture', speaker, match: 'ready for negotiations' },
});
const position = (speaker: string, stance: Stance): Line => ({
  text:
    stance === 'harden'
      ? 'Neutral status for Ukraine and more guarantees are now a must.'
      : 'Neutral status for Ukraine is a must.',
  signal: { category: 'position', speaker, match: 'Neutral status', position: 'neutrality', stance },
});
const threat = (speaker: string): Line => ({
  text: 'Any attack on our territory will meet a response with all means.',
  signal: { category: 'threat', speaker, match: 'response with all means' },
});
const blame = (speaker: string): Line => ({
  text: 'Kyiv refuses to negotiate on orders from Washington.',
  signal: { category: 'blame', speaker, match: 'refuses to negotiate' },
});
const stalemate: Line = {
  text: 'Neither side can win, so it is time to negotiate.',
  signal: { category: 'stalemate', speaker: 'ua-paper', match: 'Neither side can win' },
};

function dayLines(source: string, camp: string, day: string, random: () => number): Line[] {
  const lines: Line[] = [{ text: `Daily summary of ${source} for ${day}.` }];
  const inBurst = day >= BURST.from && day <= BURST.to;
  for (let i = 0; i < 9; i++) lines.push({ text: NEUTRAL[Math.floor(random() * NEUTRAL.length)]! });
  if (camp.startsWith('ru-')) {
    const speaker = camp === 'ru-official' ? 'putin' : 'peskov';
    const overtures = inBurst ? 4 : random() < 0.15 ? 1 : 0;
    for (let i = 0; i < overtures; i++) lines.push(overture(speaker));
    if (random() < (inBurst ? 0.6 : 0.1)) lines.push(blame(speaker));
    if (random() < 0.15) lines.push(threat(speaker));
    if (camp === 'ru-official' && (day.endsWith('-05') || day.endsWith('-20')))
      lines.push(position('putin', 'assert'));
    if (camp === 'ru-official' && day === '2022-03-18') lines.push(position('lavrov', 'harden'));
  }
  if (camp === 'ua-media' && day >= ECHO.from && day <= ECHO.to) lines.push(stalemate, stalemate, stalemate);
  if (camp === 'ua-media' && random() < 0.05) lines.push(stalemate);
  return lines;
}

export async function seedScenario(store: Store, seed = 2022): Promise<void> {
  const random = seededRandom(seed);
  const sources = [
    await store.upsertSource({
      name: 'kremlin-site',
      camp: 'ru-official',
      lang: 'en',
      defaultSpeaker: 'kremlin',
    }),
    await store.upsertSource({ name: 'ru-tv', camp: 'ru-state-media', lang: 'en' }),
    await store.upsertSource({ name: 'ua-paper', camp: 'ua-media', lang: 'en' }),
    await store.upsertSource({ name: 'west-blog', camp: 'west-commentary', lang: 'en' }),
  ];
  const documents = [];
  const coding: Array<{ ref: string; statements: CodedStatement[]; defaultSpeaker: string | null }> = [];
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(FIRST_DAY, d);
    for (const source of sources) {
      const lines = dayLines(source.name, source.camp, day, random);
      let text = '';
      const statements: CodedStatement[] = lines.map((line) => {
        if (text) text += ' ';
        const start = text.length;
        text += line.text;
        const signals: SignalCode[] = [];
        if (line.signal) {
          const at = start + line.text.indexOf(line.signal.match);
          signals.push({
            signal: line.signal.category,
            speaker: line.signal.speaker,
            target: null,
            position: line.signal.position ?? null,
            stance: line.signal.stance ?? null,
            confidence: 0.9,
            origin: 'rule',
            evidence: [
              { rule: `${line.signal.category}.en.test`, start: at, end: at + line.signal.match.length },
            ],
          });
        }
        return { start, end: text.length, text: line.text, signals };
      });
      const ref = `${source.name}/${day}`;
      documents.push({
        ref,
        sourceId: source.id,
        externalId: ref,
        text,
        lang: 'en',
        contentHash: sha256Hex(text),
        fingerprint: sha256Hex(`${ref}:${text}`),
        publishedAt: new Date(`${day}T10:00:00Z`),
      });
      coding.push({ ref, statements, defaultSpeaker: source.defaultSpeaker });
    }
  }
  const written = await store.writeDocuments(documents);
  const idOf = new Map(written.written.map((w) => [w.ref, w.id]));
  await store.writeCoding(
    'test-1',
    coding.map((c) => ({
      documentId: idOf.get(c.ref)!,
      statements: c.statements,
      defaultSpeaker: c.defaultSpeaker,
    })),
  );
  await store.refreshRollups();
}

/** Cumulative losses that climb faster in the weeks before the burst. */
export function lossesCsv(): string {
  const lines = ['date,value'];
  let total = 0;
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(FIRST_DAY, d);
    total += day >= '2022-02-10' && day < BURST.from ? 400 : 100;
    lines.push(`${day},${total}`);
  }
  return `${lines.join('\n')}\n`;
}
