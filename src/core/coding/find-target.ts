// The actor a blame, wedge or delegitimisation is aimed at, looked for on the side the signal's
// grammar puts it: for blame the subject before the evidence ("Kyiv refuses to negotiate"), for
// a label the name inside or after it («киевский режим», «нелегитимный Зеленский»); then the rest.
// The speaker is never their own target, nor is the name that serves as a reporting frame's subject.
import type { TargetSide } from '../codebook/compile-codebook.js';
import type { ActorSpec } from '../codebook/schema.js';
import type { RuleHit } from './analyze-statement.js';
import type { MentionGroup } from './attribute-speaker.js';

export interface TargetChoice {
  readonly target: string | null;
  readonly reason: string;
}

const WINDOW = 8;

export function findTarget(
  hit: RuleHit,
  side: TargetSide,
  groups: readonly MentionGroup[],
  actors: readonly ActorSpec[],
  speaker: string | null,
  speakerGroup: MentionGroup | null,
): TargetChoice {
  if (side === 'none') return { target: null, reason: 'the signal takes no target' };
  const fixed = hit.rule.spec.target;
  if (fixed !== undefined && fixed !== 'none') return { target: fixed, reason: `the rule names its target` };
  const candidates = groups.filter((g) => g !== speakerGroup && actors[g.actor]?.id !== speaker);
  const id = (g: MentionGroup) => actors[g.actor]?.id ?? null;
  const inside = candidates.find((g) => g.start >= hit.start && g.end <= hit.end);
  const beforeHit = candidates.filter((g) => g.end <= hit.start && hit.start - g.end <= WINDOW).pop();
  const afterHit = candidates.find((g) => g.start >= hit.end && g.start - hit.end <= WINDOW);
  const order: Array<[MentionGroup | undefined, string]> =
    side === 'before'
      ? [
          [beforeHit, 'the nearest actor named before the evidence'],
          [inside, 'named inside the evidence'],
          [afterHit, 'the nearest actor named after the evidence'],
        ]
      : [
          [inside, 'named inside the evidence'],
          [afterHit, 'the nearest actor named after the evidence'],
          [beforeHit, 'the nearest actor named before the evidence'],
        ];
  for (const [group, reason] of order) if (group) return { target: id(group), reason };
  return { target: null, reason: 'no other actor is named near the evidence' };
}
