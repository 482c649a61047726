// How a party behaves across rounds of talks — the stalling profile of DESIGN.md (model point 3:
// "the same positions repeated round after round", postponements, disputes over wording):
//   - repetition: how much each stated position restates the party's previous one — the word-
//     bigram Jaccard similarity of the texts and the share of position keys whose stance is
//     unchanged, averaged over the two when both are known;
//   - concessions: position keys that move to `soften` or `drop` from a different stance (or
//     first appear so), per round with a stated position;
//   - haggling: transitions where the substance stays (every key and stance unchanged) but the
//     wording changes a little (word-level edit distance of at most a quarter of the text) — many
//     small edits between drafts (Ikle, "How Nations Negotiate", 1964, on haggling over wording);
//   - pacing: gaps between rounds, and the postponements, cancellations and walk-outs the record
//     attributes to the party.
// Every number comes with the rounds that drive it, so that a reader can check it.
import type { Stance } from '../types.js';
import { shingleJaccard, wordTokens } from './minhash.js';
import type { NegotiationRound, PartyPosition } from './negotiation-rounds.js';
import { daysBetween } from './period.js';
import { median } from './quantile.js';

/** A wording edit of at most this share of the longer text's words counts as small. */
export const SMALL_EDIT = 0.25;
/** Longest texts compared word by word (the edit distance is quadratic in length). */
const MAX_EDIT_WORDS = 3000;

export interface Transition {
  from: string;
  to: string;
  fromDate: string;
  toDate: string;
  /** Word-bigram Jaccard similarity of the two texts, or null when either has no text. */
  textSimilarity: number | null;
  /** Share of keys (in either round) with the same stance in both, or null when neither has keys. */
  keysUnchanged: number | null;
  /** The mean of the two above that are known. */
  restatement: number | null;
  /** Words inserted, deleted or replaced between the texts, and that as a share of the longer. */
  editWords: number | null;
  editRatio: number | null;
  isHaggle: boolean;
}

export interface Concession {
  round: string;
  date: string;
  key: string;
  stance: Extract<Stance, 'soften' | 'drop'>;
  previous: Stance | null;
}

export interface PartyProfile {
  party: string;
  /** Held rounds in which the party's position is recorded. */
  roundsStated: number;
  repetition: { index: number | null; transitions: number; drivers: Transition[] };
  concessions: { total: number; perRound: number | null; drivers: Concession[] };
  hardenings: number;
  haggling: { index: number | null; smallEdits: number; comparable: number; drivers: Transition[] };
  pacing: {
    walkOuts: number;
    postponements: number;
    cancellations: number;
    drivers: Array<{ round: string; date: string; status: NegotiationRound['status'] }>;
  };
}

export interface TalksPacing {
  rounds: number;
  held: number;
  postponed: number;
  cancelled: number;
  walkOuts: number;
  firstDate: string | null;
  lastDate: string | null;
  medianGapDays: number | null;
  longestGapDays: number | null;
  /** The longest gaps between consecutive rounds, longest first. */
  longestGaps: Array<{ from: string; to: string; fromDate: string; toDate: string; days: number }>;
}

export interface StallingProfile {
  talks: string;
  pacing: TalksPacing;
  parties: PartyProfile[];
}

/** Word-level Levenshtein distance (Wagner & Fischer 1974), two rows of memory. */
export function wordEditDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

function keysUnchanged(a: PartyPosition, b: PartyPosition): number | null {
  if (a.keys === undefined && b.keys === undefined) return null;
  const keysA = a.keys ?? {};
  const keysB = b.keys ?? {};
  const union = new Set([...Object.keys(keysA), ...Object.keys(keysB)]);
  if (union.size === 0) return 1;
  let same = 0;
  for (const key of union) if (keysA[key] !== undefined && keysA[key] === keysB[key]) same++;
  return same / union.size;
}

export function compareStated(
  from: { round: NegotiationRound; position: PartyPosition },
  to: { round: NegotiationRound; position: PartyPosition },
): Transition {
  const a = from.position;
  const b = to.position;
  const textSimilarity =
    a.text !== undefined && b.text !== undefined ? shingleJaccard(a.text, b.text, 2) : null;
  const unchanged = keysUnchanged(a, b);
  const known = [textSimilarity, unchanged].filter((x): x is number => x !== null);
  let editWords: number | null = null;
  let editRatio: number | null = null;
  if (a.text !== undefined && b.text !== undefined) {
    const wordsA = wordTokens(a.text).slice(0, MAX_EDIT_WORDS);
    const wordsB = wordTokens(b.text).slice(0, MAX_EDIT_WORDS);
    editWords = wordEditDistance(wordsA, wordsB);
    const longer = Math.max(wordsA.length, wordsB.length);
    editRatio = longer === 0 ? 0 : editWords / longer;
  }
  return {
    from: from.round.id,
    to: to.round.id,
    fromDate: from.round.date,
    toDate: to.round.date,
    textSimilarity,
    keysUnchanged: unchanged,
    restatement: known.length > 0 ? known.reduce((s, x) => s + x, 0) / known.length : null,
    editWords,
    editRatio,
    isHaggle:
      unchanged === 1 && editWords !== null && editWords > 0 && editRatio !== null && editRatio <= SMALL_EDIT,
  };
}

function mean(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((s, x) => s + x, 0) / values.length : null;
}

export function partyProfile(party: string, rounds: readonly NegotiationRound[], top = 3): PartyProfile {
  const stated = rounds
    .filter((r) => r.status === 'held' && r.positions[party] !== undefined)
    .map((round) => ({ round, position: round.positions[party]! }));
  const transitions: Transition[] = [];
  for (let i = 1; i < stated.length; i++) transitions.push(compareStated(stated[i - 1]!, stated[i]!));

  const concessions: Concession[] = [];
  let hardenings = 0;
  const lastStance = new Map<string, Stance>();
  for (const { round, position } of stated) {
    for (const [key, stance] of Object.entries(position.keys ?? {})) {
      const previous = lastStance.get(key) ?? null;
      if (stance !== previous) {
        if (stance === 'soften' || stance === 'drop')
          concessions.push({ round: round.id, date: round.date, key, stance, previous });
        if (stance === 'harden') hardenings++;
      }
      lastStance.set(key, stance);
    }
  }

  const restated = transitions.filter((t) => t.restatement !== null);
  const comparable = transitions.filter((t) => t.editWords !== null && t.keysUnchanged !== null);
  const haggles = comparable.filter((t) => t.isHaggle);
  const own = rounds.filter((r) => r.status !== 'held' && r.by === party);
  return {
    party,
    roundsStated: stated.length,
    repetition: {
      index: mean(restated.map((t) => t.restatement!)),
      transitions: restated.length,
      drivers: [...restated]
        .sort((a, b) => b.restatement! - a.restatement! || (a.to < b.to ? -1 : 1))
        .slice(0, top),
    },
    concessions: {
      total: concessions.length,
      perRound: stated.length > 0 ? concessions.length / stated.length : null,
      drivers: concessions,
    },
    hardenings,
    haggling: {
      index: comparable.length > 0 ? haggles.length / comparable.length : null,
      smallEdits: haggles.length,
      comparable: comparable.length,
      drivers: haggles.slice(0, top),
    },
    pacing: {
      walkOuts: own.filter((r) => r.status === 'walk-out').length,
      postponements: own.filter((r) => r.status === 'postponed').length,
      cancellations: own.filter((r) => r.status === 'cancelled').length,
      drivers: own.map((r) => ({ round: r.id, date: r.date, status: r.status })),
    },
  };
}

export function talksPacing(rounds: readonly NegotiationRound[], top = 3): TalksPacing {
  const sorted = [...rounds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const gaps = sorted.slice(1).map((r, i) => ({
    from: sorted[i]!.id,
    to: r.id,
    fromDate: sorted[i]!.date,
    toDate: r.date,
    days: daysBetween(sorted[i]!.date, r.date),
  }));
  const days = gaps.map((g) => g.days);
  return {
    rounds: rounds.length,
    held: rounds.filter((r) => r.status === 'held').length,
    postponed: rounds.filter((r) => r.status === 'postponed').length,
    cancelled: rounds.filter((r) => r.status === 'cancelled').length,
    walkOuts: rounds.filter((r) => r.status === 'walk-out').length,
    firstDate: sorted[0]?.date ?? null,
    lastDate: sorted[sorted.length - 1]?.date ?? null,
    medianGapDays: days.length > 0 ? median(days) : null,
    longestGapDays: days.length > 0 ? Math.max(...days) : null,
    longestGaps: [...gaps]
      .sort((a, b) => b.days - a.days || (a.fromDate < b.fromDate ? -1 : 1))
      .slice(0, top),
  };
}

/** The stalling profile of every party named in the rounds (positions, parties or `by`). */
export function stallingProfile(
  talks: string,
  rounds: readonly NegotiationRound[],
  top = 3,
): StallingProfile {
  const parties = new Set<string>();
  for (const r of rounds) {
    for (const p of r.parties) parties.add(p);
    for (const p of Object.keys(r.positions)) parties.add(p);
    if (r.by) parties.add(r.by);
  }
  return {
    talks,
    pacing: talksPacing(rounds, top),
    parties: [...parties].sort().map((party) => partyProfile(party, rounds, top)),
  };
}
