// An episode's values on the case features (cases/case-features.ts), each derived from what the
// episode analysis measured and explained in a sentence, so that the analogue table can show why
// an episode scored a 2 and not a 3. The cut points are ours, chosen so that the levels read like
// the case coders' words; they are constants here, documented with the command (README, "analogues"), and a user
// who disagrees can pass an explicit feature file instead (`overture analogues --features`).

import { z } from 'zod';
import {
  FEATURE_SCALES,
  type FeatureName,
  type FeatureVector,
  type OrdinalFeature,
  TACTIC_NAMES,
  type TacticName,
} from '../cases/case-features.js';
import type { CampAmplification } from './camp-amplification.js';
import { ELEVATED_RATIO, type Intensity } from './classify-episode.js';
import type { PositionMovement } from './position-movement.js';
import type { PressureContext } from './pressure.js';
import type { TacticShare } from './tactic-mix.js';

/** What the feature derivation reads of an episode (a subset of `Episode`, as stored in its detail). */
export interface EpisodeMeasures {
  intensity: Pick<Intensity, 'statements' | 'ratio'>;
  tactics: ReadonlyArray<Pick<TacticShare, 'category' | 'statements' | 'ratio' | 'baselineShare'>>;
  positions: Pick<PositionMovement, 'byKey' | 'concessions'>;
  amplification: ReadonlyArray<Pick<CampAmplification, 'camp' | 'category' | 'statements' | 'ratio'>>;
  pressure: Pick<PressureContext, 'difference'> | null;
}

/** Commitment statements per day by the other side: during the episode and at baseline. */
export interface CommitmentRates {
  during: number;
  baseline: number;
}

export interface EpisodeFeatures {
  vector: FeatureVector;
  rationale: Record<FeatureName, string>;
}

const level = (feature: OrdinalFeature, value: number): string =>
  `${value} (${FEATURE_SCALES[feature].levels[value]})`;
const fmt = (x: number): string => (Math.round(x * 100) / 100).toString();

/** Overtures' share against the group's baseline share: < 2× → 1, < 4× → 2, ≥ 4× → 3. */
export function intensityLevel(ratio: number | null, statements: number): number | null {
  if (statements === 0) return 0;
  if (ratio === null) return null;
  return ratio < 2 ? 1 : ratio < 4 ? 2 : 3;
}

/** Concessions among position statements: none → 0; some → 1; ≥ 20 % → 2; drops ≥ 20 % → 3. */
export function movementLevel(positions: EpisodeMeasures['positions']): number | null {
  const total = positions.byKey.reduce(
    (sum, k) => sum + k.counts.assert + k.counts.harden + k.counts.soften + k.counts.drop,
    0,
  );
  if (total === 0) return null;
  const drops = positions.concessions.filter((c) => c.stance === 'drop').length;
  const concessions = positions.concessions.length;
  if (drops / total >= 0.2) return 3;
  if (concessions / total >= 0.2) return 2;
  return concessions > 0 ? 1 : 0;
}

/** Pressure before the episode against baseline, in standard deviations: ≤ 0 → 0, < 0.5 → 1, < 1 → 2, ≥ 1 → 3. */
export function pressureLevel(difference: number | null): number | null {
  if (difference === null) return null;
  return difference <= 0 ? 0 : difference < 0.5 ? 1 : difference < 1 ? 2 : 3;
}

/** The strongest echo in an opposing camp: none → 0, < 1.5× baseline → 1, < 3× → 2, ≥ 3× → 3. */
export function amplificationLevel(amplification: EpisodeMeasures['amplification']): {
  value: number | null;
  camp: string | null;
  ratio: number | null;
} {
  if (amplification.length === 0) return { value: null, camp: null, ratio: null };
  const carried = amplification.filter((a) => a.statements > 0);
  if (carried.length === 0) return { value: 0, camp: null, ratio: null };
  let best = carried[0]!;
  for (const a of carried)
    if ((a.ratio ?? Number.POSITIVE_INFINITY) > (best.ratio ?? Number.POSITIVE_INFINITY)) best = a;
  const ratio = best.ratio;
  // A camp that never carried the signal before has no baseline: any echo is a new one.
  const value = ratio === null ? 3 : ratio < 1.5 ? 1 : ratio < 3 ? 2 : 3;
  return { value, camp: best.camp, ratio };
}

/** Commitments during against baseline: < 0.5× → 0, < 1× → 1, < 1.5× → 2, ≥ 1.5× → 3. */
export function commitmentLevel(rates: CommitmentRates | null | undefined): number | null {
  if (!rates) return null;
  if (rates.baseline === 0) return rates.during > 0 ? 3 : 0;
  const ratio = rates.during / rates.baseline;
  return ratio < 0.5 ? 0 : ratio < 1 ? 1 : ratio < 1.5 ? 2 : 3;
}

/** Tactics whose share rose to ELEVATED_RATIO × baseline on at least two statements (or appeared from nothing). */
export function elevatedTactics(tactics: EpisodeMeasures['tactics']): TacticName[] {
  return tactics
    .filter(
      (t) =>
        (TACTIC_NAMES as readonly string[]).includes(t.category) &&
        t.statements >= 2 &&
        (t.ratio === null ? !t.baselineShare : t.ratio >= ELEVATED_RATIO),
    )
    .map((t) => t.category as TacticName);
}

export function episodeFeatures(
  episode: EpisodeMeasures,
  commitments?: CommitmentRates | null,
): EpisodeFeatures {
  const vector: FeatureVector = {};
  const rationale = {} as Record<FeatureName, string>;
  const set = (feature: OrdinalFeature, value: number | null, because: string): void => {
    if (value === null) rationale[feature] = `unknown: ${because}`;
    else {
      vector[feature] = value;
      rationale[feature] = `${level(feature, value)}: ${because}`;
    }
  };

  const { ratio, statements } = episode.intensity;
  set(
    'overture_intensity',
    intensityLevel(ratio, statements),
    ratio === null
      ? `${statements} statements, no baseline share to compare with`
      : `share ${fmt(ratio)}× the group's baseline`,
  );

  const total = episode.positions.byKey.reduce(
    (sum, k) => sum + k.counts.assert + k.counts.harden + k.counts.soften + k.counts.drop,
    0,
  );
  set(
    'position_movement',
    movementLevel(episode.positions),
    total === 0
      ? 'no position statements around the episode'
      : `${episode.positions.concessions.length} concession(s) among ${total} position statements`,
  );

  const difference = episode.pressure?.difference ?? null;
  set(
    'pressure',
    pressureLevel(difference),
    difference === null
      ? 'no pressure indicators for the group'
      : `index ${fmt(difference)} SD above baseline before the start`,
  );

  const amp = amplificationLevel(episode.amplification);
  set(
    'amplification',
    amp.value,
    amp.value === null
      ? 'no opposing camps measured'
      : amp.camp === null
        ? 'no opposing camp carried the signal'
        : `strongest echo in ${amp.camp}${amp.ratio === null ? ' (no baseline: a new echo)' : ` at ${fmt(amp.ratio)}× its baseline`}`,
  );

  set(
    'counter_commitment',
    commitmentLevel(commitments),
    commitments
      ? `the other side's commitments ran at ${fmt(commitments.during)}/day against ${fmt(commitments.baseline)}/day at baseline`
      : 'no commitment series given',
  );

  const tactics = elevatedTactics(episode.tactics);
  vector.tactics = tactics;
  rationale.tactics =
    tactics.length > 0
      ? `elevated to ≥ ${ELEVATED_RATIO}× baseline: ${tactics.join(', ')}`
      : `no companion tactic rose to ${ELEVATED_RATIO}× its baseline share`;
  return { vector, rationale };
}

const storedMeasures = z.object({
  intensity: z.object({ statements: z.number(), ratio: z.number().nullable() }),
  tactics: z.array(
    z.object({
      category: z.string(),
      statements: z.number(),
      ratio: z.number().nullable(),
      baselineShare: z.number().nullable(),
    }),
  ),
  positions: z.object({
    byKey: z.array(
      z.object({
        key: z.string(),
        counts: z.object({ assert: z.number(), harden: z.number(), soften: z.number(), drop: z.number() }),
      }),
    ),
    concessions: z.array(z.object({ stance: z.enum(['soften', 'drop']) }).passthrough()),
  }),
  amplification: z.array(
    z.object({
      camp: z.string(),
      category: z.string(),
      statements: z.number(),
      ratio: z.number().nullable(),
    }),
  ),
  pressure: z.object({ difference: z.number().nullable() }).passthrough().nullable(),
});

/**
 * The measures of a stored episode (its `detail`, as `overture episodes` saved it). A part that
 * is missing or malformed — an episode saved by an older version — becomes "not measured", so
 * that its features come out unknown rather than wrong.
 */
export function measuresFromStored(detail: unknown): EpisodeMeasures {
  const d = (detail ?? {}) as Record<string, unknown>;
  const part = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  const shape = storedMeasures.shape;
  return {
    // NaN statements with no ratio reads as "not measured" (0 statements would read as level 0).
    intensity: part(shape.intensity, d.intensity, { statements: Number.NaN, ratio: null }),
    tactics: part(shape.tactics, d.tactics, []) as EpisodeMeasures['tactics'],
    positions: part(shape.positions, d.positions, {
      byKey: [],
      concessions: [],
    }) as unknown as EpisodeMeasures['positions'],
    amplification: part(shape.amplification, d.amplification, []) as EpisodeMeasures['amplification'],
    pressure: part(shape.pressure, d.pressure, null),
  };
}
