// What the codebook finds in one statement: the phrases that occur, and from them the rules that
// fire, the rules an exclusion, an `unless`, a missing `require` or a negator stopped, the actors
// named, the reporting verbs, the stance cues. The coder turns this into signals; `explain`
// prints it. Only the rules whose trigger phrases occur are ever looked at.
import type {
  CompiledCodebook,
  CompiledExclusion,
  CompiledRule,
  CompiledStanceCue,
} from '../codebook/compile-codebook.js';
import type { Occurrence } from '../codebook/phrase-matcher.js';
import { sortSmall } from '../sort-small.js';
import type { TokenList } from '../text/tokenize.js';
import type { Lang, SignalCategory } from '../types.js';
import { findNegator } from './negation.js';

export interface RuleHit {
  readonly rule: CompiledRule;
  /** The signal coded: the rule's own, or the one its negation flips to. */
  readonly signal: SignalCategory;
  /** One part for a pattern rule, two (a, then b) for a proximity rule. */
  readonly parts: readonly Occurrence[];
  /** Token range covering the parts. */
  readonly start: number;
  readonly end: number;
  /** Token index of the negator that flipped the rule, or -1. */
  readonly negator: number;
}

export interface Suppression {
  readonly rule: CompiledRule;
  readonly reason: 'exclusion' | 'unless' | 'require' | 'negation';
  /** The exclusion id, the negator's token index, or the phrase that stopped the rule. */
  readonly detail: string;
}

export interface ActorMention {
  readonly actor: number;
  readonly start: number;
  readonly end: number;
}

export interface StatementAnalysis {
  readonly lang: Lang;
  readonly tokens: TokenList;
  /**
   * The phrases that occur, except those the matcher finds only on demand (a proximity rule's
   * second part, a `require`, an `unless`: see compile-codebook.ts).
   */
  readonly occurrences: readonly Occurrence[];
  /** Whether any phrase of the codebook occurs, deferred ones included (the model's gate). */
  readonly anyPhrase: boolean;
  readonly hits: readonly RuleHit[];
  readonly suppressed: readonly Suppression[];
  readonly exclusions: ReadonlyArray<{ exclusion: CompiledExclusion; occurrence: Occurrence }>;
  readonly actors: readonly ActorMention[];
  readonly verbs: readonly Occurrence[];
  readonly frames: readonly Occurrence[];
  readonly acts: readonly Occurrence[];
  readonly accusations: readonly Occurrence[];
  readonly stanceCues: ReadonlyArray<{ cue: CompiledStanceCue; occurrence: Occurrence }>;
}

const NONE: readonly never[] = Object.freeze([]);

function describe(compiled: CompiledCodebook, tokens: TokenList, occ: Occurrence): string {
  return (
    tokens.norms.slice(occ.start, occ.end).join(' ') || String(compiled.matcher.phrase(occ.phrase).length)
  );
}

/** Drops candidates whose token range lies inside another's ("talks" inside "peace talks"). */
function outermost(candidates: Occurrence[][]): Occurrence[][] {
  if (candidates.length < 2) return candidates;
  const range = (parts: Occurrence[]) => [parts[0]?.start ?? 0, parts[parts.length - 1]?.end ?? 0] as const;
  const covered = (parts: Occurrence[]) => parts.reduce((n, p) => n + p.end - p.start, 0);
  return candidates.filter((c, i) => {
    const [s, e] = range(c);
    return !candidates.some((o, j) => {
      if (j === i) return false;
      const [os, oe] = range(o);
      if (os > s || oe < e) return false;
      if (oe - os !== e - s) return true;
      return covered(o) > covered(c) || (covered(o) === covered(c) && j < i);
    });
  });
}

// Scratch shared by every call (analyzeStatement runs to its end before the next call starts):
// which phrases and rules the current statement touched, by stamp, and its occurrences of each
// phrase as a linked list over occurrence indices, so that no map or set is built per statement.
let callStamp = 0;
let phraseSeen = new Int32Array(0);
let phraseHead = new Int32Array(0);
let phraseTail = new Int32Array(0);
let nextOfPhrase = new Int32Array(0);
let ruleSeen = new Int32Array(0);
let negatorAt = new Uint8Array(0);
let clauseBreakAt = new Uint8Array(0);

function prepareScratch(phrases: number, rules: number, occurrences: number, tokens: number): void {
  if (phraseSeen.length < phrases) {
    phraseSeen = new Int32Array(phrases);
    phraseHead = new Int32Array(phrases);
    phraseTail = new Int32Array(phrases);
  }
  if (ruleSeen.length < rules) ruleSeen = new Int32Array(rules);
  if (nextOfPhrase.length < occurrences) nextOfPhrase = new Int32Array(occurrences * 2);
  if (negatorAt.length < tokens) {
    negatorAt = new Uint8Array(tokens * 2);
    clauseBreakAt = new Uint8Array(tokens * 2);
  } else {
    negatorAt.fill(0, 0, tokens);
    clauseBreakAt.fill(0, 0, tokens);
  }
  if (callStamp === 0x7fffffff) {
    callStamp = 0;
    phraseSeen.fill(0);
    ruleSeen.fill(0);
  }
  callStamp++;
}

/**
 * `full` keeps the actors, frames and cues of a statement in which no rule fires (for
 * `explain`); the coder skips that work, which is most statements.
 */
export function analyzeStatement(
  compiled: CompiledCodebook,
  tokens: TokenList,
  lang: Lang,
  full = false,
): StatementAnalysis {
  const occurrences = compiled.matcher.find(tokens, full ? undefined : compiled.ruleGate);
  let anyRule = false;
  for (let k = 0; k < occurrences.length && !anyRule; k++) {
    const roles = compiled.roles[(occurrences[k] as Occurrence).phrase];
    if (roles !== undefined)
      for (let r = 0; r < roles.length && !anyRule; r++) anyRule = roles[r]?.kind === 'rule';
  }
  if (occurrences.length === 0 || (!full && !anyRule)) {
    // Most statements end here: one shared empty list for every field, nothing allocated.
    return {
      lang,
      tokens,
      occurrences,
      anyPhrase: occurrences.length > 0 || compiled.matcher.anyOccurs(),
      hits: NONE,
      suppressed: NONE,
      exclusions: NONE,
      actors: NONE,
      verbs: NONE,
      frames: NONE,
      acts: NONE,
      accusations: NONE,
      stanceCues: NONE,
    };
  }
  const everyLang = compiled.languages[lang] === undefined;
  const langOk = (l: Lang) => everyLang || l === lang;
  prepareScratch(compiled.matcher.phraseCount, compiled.rules.length, occurrences.length, tokens.count);
  const stamp = callStamp;
  const triggered: number[] = [];
  const excludedSignals = new Map<SignalCategory, string>();
  const exclusions: Array<{ exclusion: CompiledExclusion; occurrence: Occurrence }> = [];
  const actors: ActorMention[] = [];
  const verbs: Occurrence[] = [];
  const frames: Occurrence[] = [];
  const acts: Occurrence[] = [];
  const accusations: Occurrence[] = [];
  const stanceCues: Array<{ cue: CompiledStanceCue; occurrence: Occurrence }> = [];
  const isNegator = negatorAt;
  const isClauseBreak = clauseBreakAt;

  for (let index = 0; index < occurrences.length; index++) {
    const occ = occurrences[index] as Occurrence;
    const p = occ.phrase;
    nextOfPhrase[index] = -1;
    if (phraseSeen[p] === stamp) {
      nextOfPhrase[phraseTail[p] as number] = index;
      phraseTail[p] = index;
    } else {
      phraseSeen[p] = stamp;
      phraseHead[p] = index;
      phraseTail[p] = index;
    }
    for (const role of compiled.roles[p] ?? []) {
      switch (role.kind) {
        case 'rule':
          if (ruleSeen[role.rule] !== stamp && langOk(compiled.rules[role.rule]?.lang ?? '')) {
            ruleSeen[role.rule] = stamp;
            triggered.push(role.rule);
          }
          break;
        case 'exclusion': {
          const exclusion = compiled.exclusions[role.exclusion] as CompiledExclusion;
          if (!langOk(exclusion.lang)) break;
          exclusions.push({ exclusion, occurrence: occ });
          if (!excludedSignals.has(exclusion.signal)) excludedSignals.set(exclusion.signal, exclusion.id);
          break;
        }
        case 'actor':
          actors.push({ actor: role.actor, start: occ.start, end: occ.end });
          break;
        case 'stance': {
          const cue = compiled.stanceCues[role.cue] as CompiledStanceCue;
          if (langOk(cue.lang)) stanceCues.push({ cue, occurrence: occ });
          break;
        }
        default:
          if (!langOk(role.lang)) break;
          if (role.kind === 'negator') for (const k of occ.matched) isNegator[k] = 1;
          else if (role.kind === 'clause-break') for (const k of occ.matched) isClauseBreak[k] = 1;
          else if (role.kind === 'verb') verbs.push(occ);
          else if (role.kind === 'frame') frames.push(occ);
          else if (role.kind === 'accusation') accusations.push(occ);
          else acts.push(occ);
      }
    }
  }

  // Phrases the matcher defers (found only when asked: see compile-codebook.ts) are asked of it.
  const { matcher } = compiled;
  const firstOf = (p: number): Occurrence | undefined =>
    matcher.isDeferred(p)
      ? matcher.occurrencesOf(p)[0]
      : phraseSeen[p] === stamp
        ? occurrences[phraseHead[p] as number]
        : undefined;
  const has = (phrases: readonly number[]): Occurrence | undefined => {
    for (const p of phrases) {
      const first = firstOf(p);
      if (first !== undefined) return first;
    }
    return undefined;
  };
  const occurrencesOf = (phrases: readonly number[]) => {
    const out: Occurrence[] = [];
    for (const p of phrases) {
      if (matcher.isDeferred(p)) {
        for (const occ of matcher.occurrencesOf(p)) out.push(occ);
        continue;
      }
      if (phraseSeen[p] !== stamp) continue;
      for (let k = phraseHead[p] as number; k >= 0; k = nextOfPhrase[k] as number)
        out.push(occurrences[k] as Occurrence);
    }
    return out;
  };
  const hits: RuleHit[] = [];
  const suppressed: Suppression[] = [];
  sortSmall(triggered, (a, b) => a - b);
  for (const index of triggered) {
    const rule = compiled.rules[index] as CompiledRule;
    // The rule's readings first: a proximity rule is triggered by either of its parts, and most
    // triggered rules have no complete reading, so nothing else is asked of them (and `explain`
    // does not list a rule as stopped that could not have fired).
    const candidates: Occurrence[][] = [];
    if (rule.any.length > 0) {
      for (const occ of occurrencesOf(rule.any)) candidates.push([occ]);
    } else {
      const within = rule.spec.near?.within ?? 0;
      const ordered = rule.spec.near?.ordered ?? true;
      const bs = occurrencesOf(rule.nearB);
      if (bs.length > 0) {
        for (const a of occurrencesOf(rule.nearA)) {
          for (const b of bs) {
            if (b.start >= a.end && b.start - a.end <= within) candidates.push([a, b]);
            else if (!ordered && a.start >= b.end && a.start - b.end <= within) candidates.push([b, a]);
          }
        }
      }
    }
    if (candidates.length === 0) continue;
    const excludedBy = excludedSignals.get(rule.signal);
    if (excludedBy !== undefined) {
      suppressed.push({ rule, reason: 'exclusion', detail: excludedBy });
      continue;
    }
    const unless = has(rule.unless);
    if (unless !== undefined) {
      suppressed.push({ rule, reason: 'unless', detail: describe(compiled, tokens, unless) });
      continue;
    }
    if (rule.require.length > 0 && has(rule.require) === undefined) {
      suppressed.push({ rule, reason: 'require', detail: 'none of its required patterns occurs' });
      continue;
    }
    // Negation is judged per candidate: a reading free of negators wins over one that reaches
    // across a negated clause («затягивает переговоры и не подписывает договор»).
    const judged = candidates.map((parts) => {
      const start = parts[0]?.start ?? 0;
      const end = parts[parts.length - 1]?.end ?? 0;
      // Asked only where a negator stands, which is rare: no set built per candidate.
      const matched = { has: (k: number) => parts.some((p) => p.matched.includes(k)) };
      const negator =
        rule.negation === 'ignore'
          ? -1
          : findNegator(tokens, isNegator, isClauseBreak, { start, end, matched, scope: rule.negationScope });
      return { parts, start, end, negator };
    });
    const clean = judged.filter((j) => j.negator < 0);
    const chosen = clean.length > 0 ? clean : judged;
    const keep = new Set(outermost(chosen.map((j) => j.parts)));
    for (const { parts, start, end, negator } of chosen) {
      if (!keep.has(parts)) continue;
      if (negator >= 0 && rule.negation === 'suppress') {
        suppressed.push({ rule, reason: 'negation', detail: tokens.norms[negator] ?? '' });
        continue;
      }
      const signal = negator >= 0 && typeof rule.negation === 'object' ? rule.negation.flip : rule.signal;
      if (signal !== rule.signal && excludedSignals.has(signal)) {
        suppressed.push({ rule, reason: 'exclusion', detail: excludedSignals.get(signal) as string });
        continue;
      }
      hits.push({ rule, signal, parts, start, end, negator });
    }
  }
  sortSmall(hits, (a, b) => a.start - b.start || a.end - b.end);
  return {
    lang,
    tokens,
    occurrences,
    anyPhrase: true,
    hits,
    suppressed,
    exclusions,
    actors,
    verbs,
    frames,
    acts,
    accusations,
    stanceCues,
  };
}
