// From what the codebook found in a statement to its signals: drop codes that yield to another
// signal (a precondition that is itself a position is not a stall), find each code's speaker,
// target and stance, and merge codes that agree on all four, keeping every piece of evidence.
import type { CompiledCodebook } from '../codebook/compile-codebook.js';
import { sortSmall } from '../sort-small.js';
import type { Evidence, SignalCode, Stance } from '../types.js';
import type { RuleHit, StatementAnalysis } from './analyze-statement.js';
import {
  type Attribution,
  attributeSpeaker,
  type Frame,
  findFrames,
  groupMentions,
  type MentionGroup,
  quotedRanges,
} from './attribute-speaker.js';
import { findTarget, type TargetChoice } from './find-target.js';

export interface HitTrace {
  readonly hit: RuleHit;
  /** Why the hit gave no code, when it gave none. */
  readonly dropped: string | null;
  readonly attribution: Attribution | null;
  readonly target: TargetChoice | null;
  readonly stance: Stance | null;
  readonly stanceReason: string | null;
}

export interface StatementCoding {
  readonly signals: SignalCode[];
  readonly traces: HitTrace[];
  readonly frames: Frame[];
  readonly groups: MentionGroup[];
}

const STANCE_ORDER: readonly Stance[] = ['drop', 'soften', 'harden'];

/** Words between two token ranges (0 when they touch or overlap). */
function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

/**
 * The stance of a position hit from the statement's stance cues. With one position in the
 * statement every cue bears on it; with several («настаивает на признании новых регионов, но
 * больше не требует нейтралитета») a cue bears on the position nearest to it (ties: on each of
 * them), so that "no longer demands" drops neutrality without dropping the regions.
 */
function chooseStance(analysis: StatementAnalysis, hit: RuleHit): [Stance, string] {
  if (hit.rule.spec.stance) return [hit.rule.spec.stance, 'the rule sets its stance'];
  const positions = analysis.hits.filter(
    (h) => h.signal === 'position' && h.rule.position !== hit.rule.position,
  );
  const bearsOnHit = (occurrence: { start: number; end: number }) => {
    const mine = distance(occurrence, hit);
    return positions.every((other) => distance(occurrence, other) >= mine);
  };
  for (const stance of STANCE_ORDER) {
    const cue = analysis.stanceCues.find((c) => c.cue.stance === stance && bearsOnHit(c.occurrence));
    if (cue)
      return [
        stance,
        `stance cue ${cue.cue.id} ("${analysis.tokens.norms.slice(cue.occurrence.start, cue.occurrence.end).join(' ')}")`,
      ];
  }
  return ['assert', 'no stance cue: the default stance'];
}

function evidenceOf(hit: RuleHit, analysis: StatementAnalysis): Evidence[] {
  const { starts, ends } = analysis.tokens;
  return hit.parts.map((p) => ({
    rule: hit.rule.id,
    start: starts[p.start] as number,
    end: ends[p.end - 1] as number,
  }));
}

export function codeStatement(
  compiled: CompiledCodebook,
  analysis: StatementAnalysis,
  text: string,
  span: { start: number; end: number },
  defaultSpeaker: string | null,
): StatementCoding {
  const traces: HitTrace[] = [];
  if (analysis.hits.length === 0) return { signals: [], traces, frames: [], groups: [] };
  const isCue: boolean[] = [];
  for (const list of [analysis.verbs, analysis.frames, analysis.acts, analysis.accusations])
    for (const occ of list) for (let k = occ.start; k < occ.end; k++) isCue[k] = true;
  const groups = groupMentions(analysis.actors, compiled.actors, analysis.tokens, isCue);
  const frames = findFrames(analysis, groups, text);
  const quotes = quotedRanges(analysis.tokens, text, span.start, span.end);
  const present = new Set(analysis.hits.map((h) => h.signal));
  const merged = new Map<string, SignalCode>();
  for (const hit of analysis.hits) {
    const yieldsTo = hit.rule.spec.unlessSignal?.find((s) => s !== hit.signal && present.has(s));
    // A negated cue is a weaker reading than a rule written for the words it overlaps
    // («не заинтересован в мире» is blame, not a negated overture).
    const explicit =
      hit.negator >= 0 && hit.signal !== hit.rule.signal
        ? analysis.hits.find(
            (o) => o.negator < 0 && o.signal !== hit.rule.signal && o.start < hit.end && hit.start < o.end,
          )
        : undefined;
    const dropped = yieldsTo
      ? `yields to ${yieldsTo}, also found in the statement`
      : explicit
        ? `the negated cue yields to ${explicit.rule.id} on the same words`
        : null;
    if (dropped) {
      traces.push({ hit, dropped, attribution: null, target: null, stance: null, stanceReason: null });
      continue;
    }
    const attribution = attributeSpeaker(hit, frames, quotes, compiled.actors, defaultSpeaker);
    const speakerGroup = attribution.frame?.speaker ?? null;
    const target = findTarget(
      hit,
      hit.rule.targetSide,
      groups,
      compiled.actors,
      attribution.speaker,
      speakerGroup,
    );
    const [stance, stanceReason] = hit.signal === 'position' ? chooseStance(analysis, hit) : [null, null];
    traces.push({ hit, dropped: null, attribution, target, stance, stanceReason });
    const position = hit.signal === 'position' ? hit.rule.position : null;
    const key = `${hit.signal}|${attribution.speaker}|${target.target}|${position}`;
    const confidence = hit.negator >= 0 ? hit.rule.confidence * 0.9 : hit.rule.confidence;
    const known = merged.get(key);
    if (known) {
      // Keep each stretch of text once: a span inside one already kept adds nothing to read.
      for (const e of evidenceOf(hit, analysis)) {
        if (known.evidence.some((k) => k.start <= e.start && k.end >= e.end)) continue;
        known.evidence = known.evidence.filter((k) => !(e.start <= k.start && e.end >= k.end));
        known.evidence.push(e);
      }
      sortSmall(known.evidence, (x, y) => x.start - y.start);
      known.confidence = Math.max(known.confidence, confidence);
      continue;
    }
    merged.set(key, {
      signal: hit.signal,
      speaker: attribution.speaker,
      target: target.target,
      position,
      stance,
      confidence,
      origin: 'rule',
      evidence: evidenceOf(hit, analysis),
    });
  }
  return { signals: [...merged.values()], traces, frames, groups };
}
