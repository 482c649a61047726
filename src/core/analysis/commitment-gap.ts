// The commitment gap: one side's commitments (aid, membership paths, guarantees, deployments —
// the `commitment` signal, DESIGN.md model point 5) by actor over time, beside the other side's
// overtures. Per period, each series is put on a common scale as a standard score over the whole
// range, and the gap is z(overtures) − z(commitments): positive when overtures run high while
// commitments run low — the combination the peace-offensive model expects an offensive to seek
// or exploit. Around each episode: commitment rates before, during and after it. And the
// cross-correlation of the two series at a few lags, with a block-bootstrap band (see
// cross-correlation.ts), to show which tends to lead.
import { type CrossCorrelationResult, crossCorrelation } from './cross-correlation.js';
import { addDays, daysBetween, enumeratePeriods, type Period, periodEnd, periodStart } from './period.js';

export const COMMITMENT_KINDS = ['aid', 'membership', 'guarantees', 'deployments', 'other'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

// Rule names are the analyst's words, so the kind is read from them by keyword: a rule named
// `commitment.en.aid-package` is aid, `commitment.uk.nato-membership-path` is membership.
const KIND_PATTERNS: ReadonlyArray<[CommitmentKind, RegExp]> = [
  ['membership', /member|accession|nato|eu-|join|path/],
  ['guarantees', /guarant|assurance|security-agreement|bilateral-security/],
  ['deployments', /deploy|troop|station|mission|boots/],
  ['aid', /aid|package|weapon|arms|fund|financ|loan|tank|missile|ammunition|air-defen|supply|deliver|assist/],
];

/** The kind of commitment a rule id (or formula) names; `other` when no keyword matches. */
export function commitmentKind(rule: string): CommitmentKind {
  const name = rule.toLowerCase();
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(name)) return kind;
  return 'other';
}

/** Commitment statements of one actor on one UTC day. */
export interface CommitmentCount {
  day: string;
  actor: string;
  camp: string;
  kind: CommitmentKind;
  statements: number;
}

/** Overture statements of the other side on one UTC day. */
export interface OvertureCount {
  day: string;
  statements: number;
}

export interface GapPoint {
  period: string;
  end: string;
  overtures: number;
  commitments: number;
  overtureZ: number | null;
  commitmentZ: number | null;
  /** overtureZ − commitmentZ; null when either series has no variance. */
  gap: number | null;
}

export interface ActorSeries {
  actor: string;
  camp: string;
  total: number;
  byKind: Partial<Record<CommitmentKind, number>>;
  /** Statements per period, aligned with the result's periods. */
  series: number[];
}

export interface EpisodeWindow {
  id: string;
  start: string;
  end: string;
}

export interface EpisodeCommitments {
  episode: string;
  start: string;
  end: string;
  /** Commitment statements per day in the window of the episode's length before it, during it, after it. */
  before: number;
  during: number;
  after: number;
  /** during / before; null when there were none before. */
  change: number | null;
  /** Mean gap over the periods that overlap the episode. */
  meanGap: number | null;
}

export interface CommitmentGap {
  period: Period;
  from: string;
  to: string;
  points: GapPoint[];
  actors: ActorSeries[];
  episodes: EpisodeCommitments[];
  /** cause = commitments, effect = overtures: r at a positive lag means commitments lead. */
  correlation: CrossCorrelationResult | null;
}

export interface CommitmentGapOptions {
  period: Period;
  from?: string;
  to?: string;
  /** Lags either side for the cross-correlation (default 4, fewer when the series is short). */
  maxLag?: number;
  /** Bootstrap replicates for the band (default 499). */
  replicates?: number;
  seed?: number;
}

function zScores(values: readonly number[]): Array<number | null> {
  const n = values.length;
  if (n === 0) return [];
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
  return values.map((x) => (sd > 0 ? (x - mean) / sd : null));
}

export function commitmentGap(
  commitments: readonly CommitmentCount[],
  overtures: readonly OvertureCount[],
  episodes: readonly EpisodeWindow[],
  options: CommitmentGapOptions,
): CommitmentGap {
  const days = [...commitments.map((c) => c.day), ...overtures.map((o) => o.day)].sort();
  const from = options.from ?? days[0];
  const to = options.to ?? days[days.length - 1];
  if (from === undefined || to === undefined || from > to) {
    return {
      period: options.period,
      from: from ?? '',
      to: to ?? '',
      points: [],
      actors: [],
      episodes: [],
      correlation: null,
    };
  }
  const periods = enumeratePeriods(from, to, options.period);
  const index = new Map(periods.map((p, i) => [p, i]));
  const slot = (day: string): number | undefined =>
    day < from || day > to ? undefined : index.get(periodStart(day, options.period));

  const overtureSeries = new Array<number>(periods.length).fill(0);
  for (const o of overtures) {
    const i = slot(o.day);
    if (i !== undefined) overtureSeries[i]! += o.statements;
  }
  const commitmentSeries = new Array<number>(periods.length).fill(0);
  const byActor = new Map<string, ActorSeries>();
  for (const c of commitments) {
    const i = slot(c.day);
    if (i === undefined) continue;
    commitmentSeries[i]! += c.statements;
    let actor = byActor.get(c.actor);
    if (actor === undefined) {
      actor = {
        actor: c.actor,
        camp: c.camp,
        total: 0,
        byKind: {},
        series: new Array<number>(periods.length).fill(0),
      };
      byActor.set(c.actor, actor);
    }
    actor.total += c.statements;
    actor.byKind[c.kind] = (actor.byKind[c.kind] ?? 0) + c.statements;
    actor.series[i]! += c.statements;
  }

  const oz = zScores(overtureSeries);
  const cz = zScores(commitmentSeries);
  const points: GapPoint[] = periods.map((period, i) => {
    const o = oz[i] ?? null;
    const c = cz[i] ?? null;
    return {
      period,
      end: periodEnd(period, options.period),
      overtures: overtureSeries[i]!,
      commitments: commitmentSeries[i]!,
      overtureZ: o,
      commitmentZ: c,
      gap: o !== null && c !== null ? o - c : null,
    };
  });

  const perDay = (start: string, end: string): number => {
    let total = 0;
    for (const c of commitments) if (c.day >= start && c.day <= end) total += c.statements;
    return total / (daysBetween(start, end) + 1);
  };
  const episodeRows = episodes.map((e) => {
    const length = daysBetween(e.start, e.end) + 1;
    const before = perDay(addDays(e.start, -length), addDays(e.start, -1));
    const during = perDay(e.start, e.end);
    const after = perDay(addDays(e.end, 1), addDays(e.end, length));
    const gaps = points
      .filter((p) => p.end >= e.start && p.period <= e.end && p.gap !== null)
      .map((p) => p.gap!);
    return {
      episode: e.id,
      start: e.start,
      end: e.end,
      before,
      during,
      after,
      change: before > 0 ? during / before : null,
      meanGap: gaps.length > 0 ? gaps.reduce((s, x) => s + x, 0) / gaps.length : null,
    };
  });

  const maxLag = Math.min(options.maxLag ?? 4, periods.length - 3);
  const correlation =
    maxLag >= 0 && periods.length >= 5
      ? crossCorrelation(commitmentSeries, overtureSeries, maxLag, {
          replicates: options.replicates ?? 499,
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
        })
      : null;

  return {
    period: options.period,
    from,
    to,
    points,
    actors: [...byActor.values()].sort((a, b) => b.total - a.total || (a.actor < b.actor ? -1 : 1)),
    episodes: episodeRows,
    correlation,
  };
}
