// Opening or peace offensive? DESIGN.md model point 2: during a peace offensive the rhetoric
// moves and the positions do not; a real opening shows concessions. The rule, applied to
// overture episodes:
//   - `opening`: at least one concession (a position softened or dropped) from 30 days before
//     the start to 30 days after the end;
//   - `peace-offensive`: overtures up (the episode is a burst), no concession, and positions
//     re-asserted or hardened in that window;
//   - `ambiguous`: no position statements at all, so movement cannot be judged.
// Pressure, companion tactics and amplification are reported as context sentences; they do not
// change the label, so that the label rests on what was said about positions alone.
import type { SignalCategory } from '../types.js';
import type { CampAmplification } from './camp-amplification.js';
import type { PositionMovement } from './position-movement.js';
import type { PressureContext } from './pressure.js';
import type { TacticShare } from './tactic-mix.js';

export const EPISODE_CLASSES = ['peace-offensive', 'opening', 'ambiguous'] as const;
export type EpisodeClass = (typeof EPISODE_CLASSES)[number];

export interface Intensity {
  statements: number;
  total: number;
  share: number | null;
  baselineShare: number | null;
  ratio: number | null;
}

export interface ClassificationInput {
  category: SignalCategory;
  start: string;
  end: string;
  intensity: Intensity;
  positions: PositionMovement;
  tactics: readonly TacticShare[];
  amplification: readonly CampAmplification[];
  pressure: (PressureContext & { actor: string }) | null;
}

/** A companion tactic counts as elevated at this multiple of its baseline share. */
export const ELEVATED_RATIO = 1.5;

export function classifyEpisode(input: ClassificationInput): {
  classification: EpisodeClass | null;
  reasons: string[];
} {
  const { positions } = input;
  const reasons: string[] = [intensitySentence(input)];
  const stated = positions.byKey.length;
  const keys = positions.byKey.map((k) => k.key).join(', ');
  if (positions.concessions.length > 0) {
    const shown = positions.concessions
      .slice(0, 3)
      .map(
        (c) =>
          `${c.actor} ${c.stance === 'drop' ? 'dropped' : 'softened'} ${c.key} on ${c.day} (document ${c.evidence.documentId}, statement ${c.evidence.statementIdx}: "${excerpt(c.evidence.text)}")`,
      );
    const more = positions.concessions.length - shown.length;
    reasons.push(
      `Concessions between ${positions.from} and ${positions.to}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
    );
  } else if (stated > 0) {
    reasons.push(
      `No concession (soften or drop) on any position key between ${positions.from} and ${positions.to}.`,
    );
  }
  if (positions.reassertions + positions.hardenings > 0) {
    reasons.push(
      `Positions were re-asserted ${times(positions.reassertions)} and hardened ${times(positions.hardenings)} on ${stated} ${stated === 1 ? 'key' : 'keys'} (${keys}).`,
    );
  }
  let classification: EpisodeClass | null = null;
  if (input.category !== 'overture') {
    reasons.push(
      `Not classified: opening and peace offensive apply to overture episodes, this is a ${input.category} burst.`,
    );
  } else if (positions.concessions.length > 0) {
    classification = 'opening';
    reasons.push('Classified as an opening because concessions accompany the overtures.');
  } else if (stated > 0) {
    classification = 'peace-offensive';
    reasons.push(
      'Classified as a peace offensive: overtures rose while positions were re-asserted and nothing was conceded.',
    );
  } else {
    classification = 'ambiguous';
    reasons.push(
      `Classified as ambiguous: the group stated no positions between ${positions.from} and ${positions.to}, so whether they moved cannot be judged.`,
    );
  }
  reasons.push(
    pressureSentence(input),
    tacticSentence(input.tactics),
    amplificationSentence(input.amplification),
  );
  return { classification, reasons };
}

function intensitySentence({ category, start, end, intensity }: ClassificationInput): string {
  const base =
    intensity.baselineShare === null
      ? 'with no statements outside the episode to compare with'
      : `against ${percent(intensity.baselineShare)} outside it${intensity.ratio === null ? '' : ` (×${intensity.ratio.toFixed(1)})`}`;
  return `The ${category} share rose to ${percent(intensity.share)} of the group's statements (${intensity.statements} of ${intensity.total}) between ${start} and ${end}, ${base}.`;
}

function pressureSentence({ pressure }: ClassificationInput): string {
  if (pressure === null)
    return 'No pressure indicator is stored for this group, so the pressure context is unknown.';
  if (pressure.before === null) {
    return `The pressure index of ${pressure.actor} has no values in the ${pressure.windowDays} days before the start.`;
  }
  const direction = (pressure.difference ?? 0) >= 0 ? 'above' : 'below';
  return `Pressure on ${pressure.actor} in the ${pressure.windowDays} days before the start averaged ${signed(pressure.before)} (standard scores), ${Math.abs(pressure.difference ?? 0).toFixed(2)} ${direction} its baseline of ${signed(pressure.baseline ?? 0)}.`;
}

function tacticSentence(tactics: readonly TacticShare[]): string {
  const elevated = tactics.filter((t) => t.ratio !== null && t.ratio >= ELEVATED_RATIO);
  if (elevated.length === 0) return `No companion tactic rose to ${ELEVATED_RATIO}× its baseline share.`;
  return `Companion tactics above the group's baseline: ${elevated.map((t) => `${t.category} ×${t.ratio!.toFixed(1)} (${percent(t.share)})`).join(', ')}.`;
}

function amplificationSentence(camps: readonly CampAmplification[]): string {
  const amplified = camps.filter((c) => c.lagDays !== null);
  if (camps.length === 0)
    return 'No opposing camp has sources in the store, so amplification cannot be measured.';
  if (amplified.length === 0) return 'No opposing camp carried these signals in a burst near the episode.';
  return `Carried in opposing camps: ${amplified
    .map((c) => `${c.category} in ${c.camp} from ${c.burst!.start} (${lagWords(c.lagDays!)})`)
    .join('; ')}.`;
}

function lagWords(days: number): string {
  if (days === 0) return 'the same day';
  return days > 0 ? `${days} days after the start` : `${-days} days before the start`;
}

function percent(share: number | null): string {
  return share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

function excerpt(text: string): string {
  return text.length <= 120 ? text : `${text.slice(0, 117)}…`;
}
