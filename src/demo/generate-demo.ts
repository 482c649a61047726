// The synthetic demo scenario: sources, documents, pressure indicators, negotiation rounds, a
// dated timeline and the intended coding of every sentence, all from one seed. Pure: the same
// options give the same output, byte for byte, on every machine.
//
// Everything here is INVENTED. Real actor names appear because the default codebook codes them,
// but no statement is a quotation; every document says `synthetic: true` in its meta, every
// source is named "Synthetic: …", every title starts "[Synthetic]", every URL is on example.org.
import { invalidOption } from '../core/errors.js';
import type { SourceInput } from '../core/types.js';
import { addDays, isIsoDay } from './add-days.js';
import {
  type ComposedDocument,
  composeByKinds,
  composeByWeights,
  type IntendedStatement,
  repostOf,
} from './compose-document.js';
import { DEMO_BANKS } from './demo-banks.js';
import { type DemoIndicator, generateIndicators } from './demo-indicators.js';
import { type DemoRound, demoRounds } from './demo-rounds.js';
import { DEMO_SOURCES, type DemoSource, demoSourceBySlug } from './demo-sources.js';
import { describeTimeline, type TimelineEntry } from './describe-timeline.js';
import { buildScenario, intensitiesAt } from './scenario.js';
import { seededRandom } from './seeded-random.js';
import type { DemoLang } from './template.js';

export const DEMO_SCENARIO_ID = 'overture-synthetic-v1';
export const DEFAULT_DEMO_SEED = 20240101;
export const DEFAULT_DEMO_START = '2024-01-01';
export const DEFAULT_DEMO_DAYS = 540;

export interface DemoOptions {
  seed?: number;
  /** First day, YYYY-MM-DD (UTC). */
  start?: string;
  /** Length in days (180–2000); the timeline stretches to fit. */
  days?: number;
}

/** One record in the corpus fields of the JSONL reader (id, text, title, url, date, lang, source, camp) plus meta. */
export interface DemoDocument {
  id: string;
  text: string;
  title: string;
  url: string;
  /** ISO 8601, UTC, minute precision. */
  date: string;
  lang: DemoLang;
  source: string;
  camp: string;
  meta: {
    synthetic: true;
    scenario: string;
    /** The timeline event a scheduled document belongs to. */
    event?: string;
    /** id of the document this one re-posts nearly verbatim. */
    repostOf?: string;
  };
}

export interface DemoIntended {
  /** The document's id. */
  id: string;
  statements: IntendedStatement[];
}

export interface DemoScenario {
  sources: SourceInput[];
  documents: DemoDocument[];
  indicators: DemoIndicator[];
  rounds: DemoRound[];
  timeline: TimelineEntry[];
  /** The intended coding, one entry per document, in the same order as `documents`. */
  intended: DemoIntended[];
}

interface Draft {
  order: number;
  minute: number;
  source: DemoSource;
  composed: ComposedDocument;
  event?: string;
  repostOf?: Draft;
}

const MINUTES_PER_DAY = 1440;

export function generateDemo(options: DemoOptions = {}): DemoScenario {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const start = options.start ?? DEFAULT_DEMO_START;
  const days = options.days ?? DEFAULT_DEMO_DAYS;
  if (!Number.isSafeInteger(seed)) throw invalidOption('seed', seed, 'an integer');
  if (!isIsoDay(start)) throw invalidOption('start', start, 'a day written YYYY-MM-DD');
  if (!Number.isInteger(days) || days < 180 || days > 2000)
    throw invalidOption('days', days, 'an integer from 180 to 2000');

  const random = seededRandom(seed);
  const scenario = buildScenario(days);
  const drafts: Draft[] = [];
  const add = (draft: Omit<Draft, 'order'>): Draft => {
    const full = { ...draft, order: drafts.length };
    drafts.push(full);
    return full;
  };

  for (let day = 0; day < days; day += 1) {
    for (const source of DEMO_SOURCES) {
      const intensities = intensitiesAt(scenario, day - source.lagDays);
      const count = random.poisson(source.baseRate * source.rate(intensities));
      for (let k = 0; k < count; k += 1) {
        const minute = day * MINUTES_PER_DAY + random.int(6 * 60, 22 * 60 + 59);
        const composed = composeByWeights(DEMO_BANKS[source.input.lang], source.kinds(intensities), random);
        add({ minute, source, composed });
      }
    }
  }

  for (const event of scenario.events) {
    const placed: Draft[] = [];
    for (const scheduled of event.documents) {
      const source = demoSourceBySlug(scheduled.source);
      const minute = event.day * MINUTES_PER_DAY + scheduled.minute;
      const original = scheduled.repostOf === undefined ? undefined : placed[scheduled.repostOf];
      const composed = original
        ? repostOf(original.composed, random)
        : composeByKinds(DEMO_BANKS[source.input.lang], scheduled.kinds, random);
      placed.push(
        add({ minute, source, composed, event: event.id, ...(original ? { repostOf: original } : {}) }),
      );
    }
  }

  // War bloggers re-post state media, more often while an offensive runs: the near duplicates
  // the echo analysis has to recognise as one item travelling.
  const milblogs = DEMO_SOURCES.filter((source) => source.input.camp === 'ru-milblog');
  for (const draft of [...drafts]) {
    if (draft.source.input.camp !== 'ru-state-media' || draft.repostOf) continue;
    const offensive = intensitiesAt(scenario, Math.floor(draft.minute / MINUTES_PER_DAY)).offensive;
    if (!random.chance(0.03 + 0.12 * offensive)) continue;
    add({
      minute: draft.minute + random.int(60, 720),
      source: random.pick(milblogs),
      composed: repostOf(draft.composed, random),
      repostOf: draft,
    });
  }

  const kept = drafts
    .filter((draft) => draft.minute < days * MINUTES_PER_DAY)
    .sort((a, b) => a.minute - b.minute || a.source.slug.localeCompare(b.source.slug) || a.order - b.order);
  const ids = new Map<Draft, string>(
    kept.map((draft, index) => [draft, `synthetic-${String(index + 1).padStart(5, '0')}`]),
  );

  const documents = kept.map((draft): DemoDocument => {
    const id = ids.get(draft) as string;
    const original = draft.repostOf ? ids.get(draft.repostOf) : undefined;
    return {
      id,
      text: draft.composed.text,
      title: titleOf(draft.composed),
      url: `https://example.org/synthetic/${draft.source.slug}/${id}`,
      date: isoMinute(start, draft.minute),
      lang: draft.source.input.lang,
      source: draft.source.input.name,
      camp: draft.source.input.camp,
      meta: {
        synthetic: true,
        scenario: DEMO_SCENARIO_ID,
        ...(draft.event === undefined ? {} : { event: draft.event }),
        ...(original === undefined ? {} : { repostOf: original }),
      },
    };
  });

  return {
    sources: DEMO_SOURCES.map((source) => ({ ...source.input })),
    documents,
    indicators: generateIndicators(scenario, start, random),
    rounds: demoRounds(scenario, start),
    timeline: describeTimeline(scenario, start),
    intended: kept.map((draft) => ({ id: ids.get(draft) as string, statements: draft.composed.statements })),
  };
}

function titleOf(composed: ComposedDocument): string {
  const first = composed.statements[0]?.text ?? '';
  if (first.length <= 90) return `[Synthetic] ${first}`;
  const cut = first.slice(0, 90);
  return `[Synthetic] ${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

function isoMinute(start: string, minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const within = minute - day * MINUTES_PER_DAY;
  const hh = String(Math.floor(within / 60)).padStart(2, '0');
  const mm = String(within % 60).padStart(2, '0');
  return `${addDays(start, day)}T${hh}:${mm}:00Z`;
}
