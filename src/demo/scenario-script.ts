// The script of the synthetic scenario on its 540-day scale: the pressure rises, the two peace
// offensives and the opening, the days the two formulas are first said, the scheduled events
// (each with the documents that carry it) and the negotiation rounds. scenario.ts stretches it
// to the days asked for; describe-timeline.ts tells it in words.
import type { Scenario, ScheduledDocument } from './scenario.js';

const at = (source: string, hour: number, kinds: readonly string[], minute = 0): ScheduledDocument => ({
  source,
  minute: hour * 60 + minute,
  kinds,
});
const repost = (source: string, hour: number, of: number, minute = 0): ScheduledDocument => ({
  source,
  minute: hour * 60 + minute,
  kinds: [],
  repostOf: of,
});

const RU_CORE = [
  { key: 'neutrality', stance: 'assert' },
  { key: 'annexed-territories', stance: 'assert' },
  { key: 'denazification', stance: 'assert' },
  { key: 'demilitarization', stance: 'assert' },
] as const;
const UA_CORE = [
  { key: 'ua-1991-borders', stance: 'assert' },
  { key: 'ua-peace-formula', stance: 'assert' },
  { key: 'ua-reparations-and-justice', stance: 'assert' },
  { key: 'ua-security-guarantees', stance: 'assert' },
] as const;

export const SCENARIO_SCRIPT: Omit<Scenario, 'days'> = {
  pressure: [
    { start: 120, full: 127, hold: 165, end: 200, strength: 0.8 },
    { start: 300, full: 305, hold: 345, end: 385, strength: 1.2 },
    { start: 425, full: 430, hold: 445, end: 470, strength: 0.35 },
  ],
  offensives: [
    { start: 128, full: 136, hold: 170, end: 182, strength: 0.85 },
    { start: 309, full: 315, hold: 352, end: 365, strength: 1 },
  ],
  opening: { start: 433, full: 440, hold: 458, end: 468, strength: 0.6 },
  formulaDebut: { a: 134, b: 316 },
  events: [
    {
      id: 'eu-support-package',
      day: 20,
      description: 'The EU agrees a multi-year support package for Ukraine.',
      aidBn: 50,
      documents: [
        at('west-gov', 10, ['west-commitment', 'west-official-neutral']),
        at('west-wire', 12, ['west-commitment', 'wmedia-neutral']),
        at('ua-news', 14, ['uamedia-report-west']),
      ],
    },
    {
      id: 'round-1',
      day: 60,
      description: 'Round 1 of the Geneva track is held; both sides restate their positions.',
      documents: [
        at('west-wire', 16, ['event-talks-geneva', 'ru-position-assert', 'ua-position']),
        at('ru-agency', 17, ['event-talks-geneva', 'ru-position-assert']),
        at('ua-news', 18, ['event-talks-geneva', 'ua-position']),
      ],
    },
    {
      id: 'us-aid-vote',
      day: 95,
      description: 'The US Congress approves a large aid package for Ukraine.',
      aidBn: 60,
      documents: [
        at('west-wire', 21, ['event-aid-vote', 'wmedia-neutral']),
        at('ua-news', 22, ['event-aid-vote']),
        at('ru-agency', 23, ['event-aid-vote', 'rumedia-wedge']),
      ],
    },
    {
      id: 'offensive-1-opens',
      day: 128,
      description:
        'Peace offensive 1 opens: the Kremlin says Moscow is open to talks, a week into the first pressure rise.',
      documents: [
        at('kremlin', 11, ['ru-overture', 'ru-position-assert']),
        at('ru-agency', 12, ['ru-overture', 'ru-blame']),
      ],
    },
    {
      id: 'formula-a-debut',
      day: 134,
      description:
        'Formula A, «признание новых территориальных реалий» / "recognition of the new territorial realities", is first used by the Kremlin and travels to state media (within hours), war bloggers (the next day, with a near-duplicate re-post), Ukrainian media and wires (next day) and Western commentary (3 and 5 days later).',
      documents: [
        at('kremlin', 9, ['ru-formula', 'ru-overture']),
        at('ru-agency', 9, ['ru-formula', 'rumedia-formula'], 40),
        at('ru-tv', 13, ['rumedia-formula', 'ru-overture-position'], 10),
        at('ru-milblog-front', 26, ['milblog-formula', 'milblog-neutral'], 15),
        repost('ru-milblog-z', 35, 1, 30),
        at('ua-news', 34, ['uamedia-formula', 'ua-refusal']),
        at('west-wire', 39, ['ru-formula', 'ua-formula-refusal']),
        at('west-realist', 90, ['comment-formula', 'comment-stalemate']),
        at('west-column', 128, ['comment-formula', 'comment-neutral']),
      ],
    },
    {
      id: 'peace-formula-summit',
      day: 150,
      description: 'Ukraine convenes a summit on its peace formula.',
      documents: [
        at('ua-president', 10, ['ua-overture', 'ua-position']),
        at('ua-mfa', 12, ['ua-overture', 'ua-commitment-call']),
        at('west-wire', 15, ['ua-overture', 'wmedia-neutral']),
        at('ru-mfa', 16, ['ru-refusal', 'ru-delegitimize']),
      ],
    },
    {
      id: 'talks-with-washington',
      day: 162,
      description: 'Moscow offers talks "with Washington, not Kyiv" (overture with stalling).',
      documents: [
        at('kremlin', 10, ['ru-overture-stall', 'ru-wedge']),
        at('west-wire', 14, ['ru-overture-stall']),
      ],
    },
    {
      id: 'round-2-postponed',
      day: 175,
      description: 'Round 2 is postponed by Moscow, which blames Kyiv.',
      documents: [
        at('ru-mfa', 11, ['event-talks-postponed', 'ru-stall']),
        at('west-wire', 13, ['event-talks-postponed']),
        at('ua-news', 15, ['ua-blame']),
      ],
    },
    {
      id: 'nato-summit',
      day: 190,
      description: "NATO summit: allies say Ukraine's future is in NATO.",
      documents: [
        at('west-gov', 15, ['event-nato-summit', 'west-commitment']),
        at('ua-news', 17, ['event-nato-summit']),
        at('ru-tv', 19, ['ru-threat', 'rumedia-wedge']),
      ],
    },
    {
      id: 'round-3',
      day: 205,
      description: 'Round 3 is held in Istanbul; Russia repeats the same positions.',
      documents: [
        at('west-wire', 16, ['event-talks-istanbul', 'ru-position-assert']),
        at('ru-agency', 17, ['event-talks-istanbul', 'ru-position-assert', 'ru-position-assert']),
        at('ua-news', 18, ['event-talks-istanbul', 'ua-position']),
      ],
    },
    {
      id: 'security-guarantees',
      day: 240,
      description: 'Ukraine signs ten-year security agreements with the UK and Germany.',
      aidBn: 5,
      documents: [
        at('west-gov', 12, ['event-guarantees', 'west-commitment']),
        at('ua-president', 13, ['event-guarantees', 'ua-position']),
        at('west-wire', 15, ['event-guarantees']),
      ],
    },
    {
      id: 'offensive-2-opens',
      day: 309,
      description:
        'Peace offensive 2 opens, nine days into the second, sharper pressure rise; positions harden.',
      documents: [
        at('kremlin', 11, ['ru-overture', 'ru-position-harden']),
        at('ru-agency', 12, ['ru-overture', 'ru-threat']),
      ],
    },
    {
      id: 'formula-b-debut',
      day: 316,
      description:
        'Formula B, «архитектура неделимой безопасности» / "indivisible security architecture" (NATO rollback), is first used by the Kremlin and echoed by state media and, days later, Western commentary.',
      documents: [
        at('kremlin', 10, ['ru-formula-b', 'ru-overture']),
        at('ru-agency', 11, ['rumedia-formula-b', 'ru-formula-b']),
        at('ru-tv', 18, ['rumedia-formula-b']),
        at('west-wire', 36, ['ru-formula-b']),
        at('west-realist', 60, ['comment-formula-b', 'comment-stalemate']),
        at('west-column', 104, ['comment-formula-b']),
      ],
    },
    {
      id: 'formula-a-hardened',
      day: 318,
      description: 'Formula A comes back hardened: the "realities" now include land taken this year.',
      documents: [
        at('ru-mfa', 9, ['ru-formula-harden', 'ru-blame']),
        at('ru-agency', 10, ['ru-formula-harden']),
        repost('ru-milblog-front', 14, 1),
        at('west-wire', 16, ['ru-formula-harden']),
      ],
    },
    {
      id: 'long-range-package',
      day: 330,
      description: 'The West answers with a new aid package including long-range missiles.',
      aidBn: 8,
      documents: [
        at('west-gov', 14, ['event-long-range', 'west-commitment']),
        at('ua-news', 16, ['uamedia-report-west']),
        at('ru-agency', 18, ['rumedia-report-west', 'ru-threat']),
      ],
    },
    {
      id: 'round-4-walk-out',
      day: 345,
      description: 'Round 4 in Istanbul: the Russian delegation walks out.',
      documents: [
        at('ru-mfa', 12, ['event-walk-out', 'ru-blame']),
        at('west-wire', 14, ['event-walk-out']),
        at('ua-president', 16, ['ua-blame']),
      ],
    },
    {
      id: 'eu-accession-talks',
      day: 380,
      description: 'The EU opens accession negotiations with Ukraine.',
      documents: [at('west-gov', 11, ['event-accession']), at('ua-news', 12, ['event-accession'])],
    },
    {
      id: 'opening-concession',
      day: 442,
      description:
        "The opening's concession: Russian officials say Ukraine's non-aligned status could be discussed, or army limits revisited (positions softened).",
      documents: [
        at('ru-mfa', 10, ['ru-position-soften', 'ru-overture']),
        at('ru-agency', 11, ['ru-position-soften']),
        at('west-wire', 13, ['ru-position-soften', 'wmedia-neutral']),
      ],
    },
    {
      id: 'round-5',
      day: 452,
      description:
        'Round 5 is held in Geneva: Russia softens on neutrality and army limits; a prisoner exchange is agreed.',
      documents: [
        at('west-wire', 16, ['event-talks-geneva', 'ru-position-soften', 'wmedia-neutral']),
        at('ru-agency', 17, ['event-talks-geneva', 'ru-position-soften']),
        at('ua-news', 18, ['event-talks-geneva', 'uamedia-neutral']),
      ],
    },
    {
      id: 'ukraine-answers',
      day: 470,
      description: 'Ukraine answers: ready for talks on the peace formula, with security guarantees.',
      documents: [at('ua-president', 11, ['ua-overture', 'ua-position']), at('ua-mfa', 13, ['ua-overture'])],
    },
    {
      id: 'round-6',
      day: 500,
      description: 'Round 6 is held in Geneva; positions hold where round 5 left them.',
      documents: [
        at('west-wire', 16, ['event-talks-geneva']),
        at('ru-agency', 17, ['event-talks-geneva', 'ru-position-assert']),
      ],
    },
    {
      id: 'aid-package-late',
      day: 520,
      description: 'A further Western aid package.',
      aidBn: 20,
      documents: [at('west-gov', 12, ['west-commitment']), at('ua-news', 14, ['uamedia-report-west'])],
    },
  ],
  rounds: [
    {
      id: 'round-1',
      day: 60,
      venue: 'Geneva',
      status: 'held',
      positions: { russia: RU_CORE, ukraine: UA_CORE },
    },
    { id: 'round-2', day: 175, venue: 'Geneva', status: 'postponed', positions: {} },
    {
      id: 'round-3',
      day: 205,
      venue: 'Istanbul',
      status: 'held',
      positions: { russia: RU_CORE, ukraine: UA_CORE },
    },
    {
      id: 'round-4',
      day: 345,
      venue: 'Istanbul',
      status: 'walk-out',
      positions: {
        russia: [
          { key: 'neutrality', stance: 'harden' },
          { key: 'annexed-territories', stance: 'harden' },
          { key: 'denazification', stance: 'assert' },
          { key: 'demilitarization', stance: 'harden' },
          { key: 'nato-rollback', stance: 'assert' },
        ],
        ukraine: UA_CORE,
      },
    },
    {
      id: 'round-5',
      day: 452,
      venue: 'Geneva',
      status: 'held',
      positions: {
        russia: [
          { key: 'neutrality', stance: 'soften' },
          { key: 'annexed-territories', stance: 'assert' },
          { key: 'denazification', stance: 'assert' },
          { key: 'demilitarization', stance: 'soften' },
        ],
        ukraine: UA_CORE,
      },
    },
    {
      id: 'round-6',
      day: 500,
      venue: 'Geneva',
      status: 'held',
      positions: {
        russia: [
          { key: 'neutrality', stance: 'soften' },
          { key: 'annexed-territories', stance: 'assert' },
          { key: 'denazification', stance: 'assert' },
          { key: 'demilitarization', stance: 'soften' },
        ],
        ukraine: UA_CORE,
      },
    },
  ],
};
