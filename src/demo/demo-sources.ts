// The thirteen invented sources of the synthetic scenario, one or two per camp, and how much and
// what each publishes as the scenario runs: documents a day, and the weight of each sentence
// kind given the day's intensities (scenario.ts). Names start with "Synthetic:" so that nobody
// mistakes them for real outlets.
import type { SourceInput } from '../core/types.js';
import type { Intensities } from './scenario.js';
import type { DemoLang } from './template.js';

export type KindWeights = ReadonlyArray<readonly [string, number]>;

export interface DemoSource {
  slug: string;
  input: SourceInput & { name: string; camp: string; lang: DemoLang };
  /** Documents a day at rest. */
  baseRate: number;
  /** Days by which this source follows events (commentary reacts later than officials). */
  lagDays: number;
  rate(i: Intensities): number;
  kinds(i: Intensities): KindWeights;
}

const on = (flag: boolean, weight: number): number => (flag ? weight : 0);

/** The Russian leadership's kinds, shared by the two official sources and quoted by state media. */
function russianOfficialKinds(i: Intensities): KindWeights {
  return [
    ['ru-overture', 0.03 + 0.3 * i.offensive + 0.3 * i.opening],
    ['ru-overture-position', 0.01 + 0.15 * i.offensive + 0.05 * i.opening],
    ['ru-overture-stall', 0.01 + 0.1 * i.offensive],
    ['ru-formula', on(i.formulaA, 0.02 + 0.2 * i.offensive)],
    ['ru-formula-harden', on(i.formulaA, 0.25 * i.harden)],
    ['ru-formula-b', on(i.formulaB, 0.01 + 0.15 * i.harden)],
    ['ru-position-assert', 0.08 + 0.1 * i.offensive],
    ['ru-position-harden', 0.15 * i.harden],
    ['ru-position-soften', 0.35 * i.opening],
    ['ru-blame', 0.04 + 0.15 * i.offensive],
    ['ru-wedge', 0.03 + 0.1 * i.offensive],
    ['ru-delegitimize', 0.04 + 0.08 * i.offensive],
    ['ru-threat', 0.03 + 0.06 * i.offensive],
    ['ru-stall', 0.02 + 0.12 * i.offensive],
    ['ru-refusal', 0.03 * (1 - i.offensive) * (1 - i.opening)],
    ['ru-official-neutral', 0.5],
  ];
}

function stateMediaKinds(i: Intensities, tv: boolean): KindWeights {
  const quoted = russianOfficialKinds(i)
    .filter(([kind]) => kind !== 'ru-official-neutral')
    .map(([kind, weight]) => [kind, weight * 0.8] as const);
  return [
    ...quoted,
    ['rumedia-formula', on(i.formulaA, 0.02 + 0.2 * i.offensive)],
    ['rumedia-formula-b', on(i.formulaB, 0.01 + 0.1 * i.harden)],
    ['rumedia-wedge', (tv ? 0.08 : 0.05) + 0.12 * i.offensive],
    ['rumedia-delegitimize', (tv ? 0.08 : 0.05) + 0.08 * i.offensive],
    ['rumedia-report-ua', 0.03 + 0.1 * i.reaction],
    ['rumedia-report-west', 0.05],
    ['rumedia-neutral', 1],
    ['ru-official-neutral', 0.2],
  ];
}

function milblogKinds(i: Intensities): KindWeights {
  return [
    ['milblog-neutral', 1],
    ['milblog-threat', 0.08 + 0.1 * i.offensive],
    ['milblog-refusal', 0.04 + 0.15 * i.offensive + 0.2 * i.opening],
    ['milblog-delegitimize', 0.08],
    ['milblog-formula', on(i.formulaA, 0.01 + 0.1 * i.offensive)],
    ['ru-threat', 0.03],
  ];
}

function ukrainianOfficialKinds(i: Intensities, lang: DemoLang): KindWeights {
  return [
    ['ua-commitment-call', 0.2],
    ['ua-position', 0.12 + 0.1 * i.reaction],
    ['ua-refusal', 0.04 + 0.3 * i.reaction],
    ['ua-formula-refusal', on(i.formulaA && lang === 'en', 0.1 * i.reaction)],
    ['ua-blame', 0.04 + 0.25 * i.reaction],
    ['ua-overture', 0.03 + 0.1 * i.opening],
    ['ua-delegitimize', lang === 'uk' ? 0.03 : 0],
    ['ua-official-neutral', 0.6],
  ];
}

function commentaryKinds(i: Intensities, realist: boolean): KindWeights {
  const amplify = realist ? 2 : 1;
  return [
    ['comment-neutral', realist ? 0.4 : 0.5],
    ['comment-commitment', realist ? 0.05 : 0.3],
    ['comment-stalemate', 0.05 * amplify + 0.25 * amplify * i.offensive],
    ['comment-overture', 0.04 * amplify + 0.2 * amplify * i.offensive + 0.15 * amplify * i.opening],
    ['comment-wedge', 0.05 * amplify + 0.1 * amplify * i.offensive],
    ['comment-formula', on(i.formulaA, 0.01 + 0.15 * amplify * i.offensive)],
    ['comment-formula-b', on(i.formulaB, 0.1 * amplify * i.harden)],
  ];
}

const source = (
  slug: string,
  name: string,
  camp: string,
  lang: DemoLang,
  kind: NonNullable<SourceInput['kind']>,
  defaultSpeaker: string | null,
): DemoSource['input'] => ({
  name: `Synthetic: ${name} (${lang})`,
  camp,
  lang,
  kind,
  url: `https://example.org/synthetic/${slug}`,
  defaultSpeaker,
});

export const DEMO_SOURCES: readonly DemoSource[] = [
  ...(['kremlin', 'ru-mfa'] as const).map(
    (slug): DemoSource => ({
      slug,
      input:
        slug === 'kremlin'
          ? source(slug, 'Kremlin press office', 'ru-official', 'ru', 'official', 'kremlin')
          : source(slug, 'Russian foreign ministry', 'ru-official', 'ru', 'official', 'ru-foreign-ministry'),
      baseRate: slug === 'kremlin' ? 0.45 : 0.55,
      lagDays: 0,
      rate: (i) => 1 + 2.5 * i.offensive + 1.5 * i.opening,
      kinds: russianOfficialKinds,
    }),
  ),
  {
    slug: 'ru-agency',
    input: source('ru-agency', 'State news agency', 'ru-state-media', 'ru', 'news', null),
    baseRate: 1.0,
    lagDays: 0,
    rate: (i) => 1 + 1.5 * i.offensive + 0.8 * i.opening,
    kinds: (i) => stateMediaKinds(i, false),
  },
  {
    slug: 'ru-tv',
    input: source('ru-tv', 'State TV digest', 'ru-state-media', 'ru', 'news', null),
    baseRate: 0.6,
    lagDays: 0,
    rate: (i) => 1 + 1.5 * i.offensive + 0.8 * i.opening,
    kinds: (i) => stateMediaKinds(i, true),
  },
  ...(['ru-milblog-front', 'ru-milblog-z'] as const).map(
    (slug): DemoSource => ({
      slug,
      input: source(
        slug,
        slug === 'ru-milblog-front' ? 'Frontline milblog' : 'Z-channel digest',
        'ru-milblog',
        'ru',
        'channel',
        null,
      ),
      baseRate: 0.55,
      lagDays: 1,
      rate: (i) => 1 + 0.5 * i.offensive,
      kinds: milblogKinds,
    }),
  ),
  {
    slug: 'ua-president',
    input: source(
      'ua-president',
      'Office of the President',
      'ua-official',
      'uk',
      'official',
      'ua-presidential-office',
    ),
    baseRate: 0.55,
    lagDays: 0,
    rate: (i) => 1 + 0.6 * i.reaction,
    kinds: (i) => ukrainianOfficialKinds(i, 'uk'),
  },
  {
    slug: 'ua-mfa',
    input: source(
      'ua-mfa',
      'Ukrainian foreign ministry',
      'ua-official',
      'en',
      'official',
      'ua-foreign-ministry',
    ),
    baseRate: 0.4,
    lagDays: 0,
    rate: (i) => 1 + 0.6 * i.reaction,
    kinds: (i) => ukrainianOfficialKinds(i, 'en'),
  },
  {
    slug: 'ua-news',
    input: source('ua-news', 'Kyiv news service', 'ua-media', 'uk', 'news', null),
    baseRate: 1.1,
    lagDays: 0,
    rate: (i) => 1 + 0.5 * i.reaction,
    kinds: (i) => [
      ['uamedia-neutral', 1],
      ['uamedia-report-ru', 0.02 + 0.2 * i.offensive + 0.2 * i.opening],
      ['uamedia-formula', on(i.formulaA, 0.02 + 0.15 * i.offensive)],
      ['uamedia-report-west', 0.12],
      ['uamedia-delegitimize', 0.05],
      ['ua-refusal', 0.03 + 0.15 * i.reaction],
      ['ua-blame', 0.02 + 0.1 * i.reaction],
      ['ua-commitment-call', 0.06],
      ['ua-position', 0.05],
    ],
  },
  {
    slug: 'west-gov',
    input: source('west-gov', 'Western government briefings', 'west-official', 'en', 'official', 'west'),
    baseRate: 0.35,
    lagDays: 0,
    rate: (i) => 1 + 0.5 * i.reaction,
    kinds: (i) => [
      ['west-commitment', 0.3],
      ['west-blame', 0.03 + 0.15 * i.reaction],
      ['west-refusal', 0.01 + 0.05 * i.reaction],
      ['west-wedge', 0.03 + 0.06 * i.offensive],
      ['west-official-neutral', 0.6],
    ],
  },
  {
    slug: 'west-wire',
    input: source('west-wire', 'Wire service', 'west-media', 'en', 'news', null),
    baseRate: 1.1,
    lagDays: 0,
    rate: (i) => 1 + 0.5 * i.offensive,
    kinds: (i) => [
      ['wmedia-neutral', 1.2],
      ['ru-overture', 0.02 + 0.2 * i.offensive + 0.15 * i.opening],
      ['ru-overture-position', 0.1 * i.offensive],
      ['ru-formula', on(i.formulaA, 0.01 + 0.1 * i.offensive)],
      ['ru-formula-b', on(i.formulaB, 0.05 * i.harden)],
      ['ru-position-soften', 0.2 * i.opening],
      ['ru-position-harden', 0.05 * i.harden],
      ['ru-threat', 0.04 + 0.05 * i.offensive],
      ['ru-stall', 0.06 * i.offensive],
      ['ua-refusal', 0.03 + 0.1 * i.reaction],
      ['ua-formula-refusal', on(i.formulaA, 0.05 * i.reaction)],
      ['ua-blame', 0.02 + 0.05 * i.reaction],
      ['ua-position', 0.04],
      ['ua-overture', 0.02 + 0.05 * i.opening],
      ['west-commitment', 0.12],
      ['west-blame', 0.02 + 0.05 * i.reaction],
    ],
  },
  ...(['west-column', 'west-realist'] as const).map(
    (slug): DemoSource => ({
      slug,
      input: source(
        slug,
        slug === 'west-column' ? 'Opinion column digest' : 'Realist commentary blog',
        'west-commentary',
        'en',
        'commentary',
        null,
      ),
      baseRate: 0.25,
      lagDays: 3,
      rate: (i) => 1 + 1.2 * i.offensive + 0.6 * i.opening,
      kinds: (i) => commentaryKinds(i, slug === 'west-realist'),
    }),
  ),
];

export function demoSourceBySlug(slug: string): DemoSource {
  const found = DEMO_SOURCES.find((s) => s.slug === slug);
  if (!found) throw new RangeError(`unknown demo source "${slug}"`);
  return found;
}
