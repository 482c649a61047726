// The features on which a historical case and a detected episode are compared. Each ordinal
// feature is a small scale (0–3) with its levels written out, so that a coder of a case and the
// code that derives an episode's value read the same definition; `tactics` is the set of
// companion tactics of DESIGN.md (model point 3). A case codes each feature with a rationale.

export const TACTIC_NAMES = ['blame', 'wedge', 'delegitimize', 'threat', 'stall', 'stalemate'] as const;
export type TacticName = (typeof TACTIC_NAMES)[number];

export const ORDINAL_FEATURES = [
  'pressure',
  'overture_intensity',
  'position_movement',
  'amplification',
  'counter_commitment',
] as const;
export type OrdinalFeature = (typeof ORDINAL_FEATURES)[number];
export type FeatureName = OrdinalFeature | 'tactics';
export const FEATURE_NAMES: readonly FeatureName[] = [...ORDINAL_FEATURES, 'tactics'];

export interface OrdinalScale {
  kind: 'ordinal';
  question: string;
  /** levels[i] describes value i; the range is 0 … levels.length − 1. */
  levels: readonly string[];
}

export interface SetScale {
  kind: 'set';
  question: string;
  values: readonly string[];
}

export const FEATURE_SCALES: Record<OrdinalFeature, OrdinalScale> & { tactics: SetScale } = {
  pressure: {
    kind: 'ordinal',
    question:
      'How much pressure was the party making the overtures under (military, economic, an opponent arming)?',
    levels: [
      'none to speak of',
      'some strain',
      'serious pressure on one front',
      'severe pressure on several fronts',
    ],
  },
  overture_intensity: {
    kind: 'ordinal',
    question: 'How loud were the overtures?',
    levels: [
      'none',
      'occasional statements',
      'a sustained campaign by the leadership',
      'a coordinated campaign: leadership, media and organisations abroad',
    ],
  },
  position_movement: {
    kind: 'ordinal',
    question: 'Did the party move on its substantive demands while making the overtures?',
    levels: [
      'no movement',
      'procedural or cosmetic movement only',
      'partial concessions on substance',
      'major concessions',
    ],
  },
  amplification: {
    kind: 'ordinal',
    question: "How far did the overtures' themes travel in the opponent's camp?",
    levels: [
      'no echo',
      'marginal voices',
      'notable movements or prominent figures',
      'mass movements with mainstream political traction',
    ],
  },
  counter_commitment: {
    kind: 'ordinal',
    question:
      'How firm were the other side’s commitments (aid, alliances, guarantees, deployments) at the time?',
    levels: ['wavering or absent', 'weak', 'firm', 'strong new commitments'],
  },
  tactics: {
    kind: 'set',
    question: 'Which companion tactics came with the overtures?',
    values: TACTIC_NAMES,
  },
};

/** A case's or an episode's values; a feature left out is unknown and not compared. */
export type FeatureVector = Partial<Record<OrdinalFeature, number>> & { tactics?: readonly TacticName[] };

/** The largest value of an ordinal feature (its range, since scales start at 0). */
export function featureRange(feature: OrdinalFeature): number {
  return FEATURE_SCALES[feature].levels.length - 1;
}
