// What the codebook finds in one statement: the phrases that occur, and from them the rules that
// fire, the rules an exclusion, an `unless`, a missing `require` or a negator stopped, the actors
// named, the reporting verbs, the stance cues. The coder turns this into signals; `explain`
// prints it. Only the rules whose trigger phrases occur are ever looked at.
import type {
  CompiledCodebook,
  CompiledExclusion,
  CompiledRule,
  CompiledStanceCue,
  PhraseRole,
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
  /**
   * The model's gate (false when the caller did not ask for it): whether a word of the model gate occurs (the longest word of a rule
   * trigger phrase, compile-codebook.ts) and any phrase of the codebook, deferred ones included.
   */
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

// The statement being analysed, for the helpers below (no closures built per statement).
let current: {
  compiled: CompiledCodebook;
  occurrences: readonly Occurrence[];
  stamp: number;
} | null = null;

/** The first occurrence of a phrase in the current statement (deferred phrases are asked of the matcher). */
function firstOf(p: number): Occurrence | undefined {
  const { compiled, occurrences, stamp } = current as NonNullable<typeof current>;
  if (compiled.matcher.isDeferred(p)) return compiled.matcher.occurrencesOf(p)[0];
  return phraseSeen[p] === stamp ? occurrences[phraseHead[p] as number] : undefined;
}

/** The first occurrence of any of the phrases, in their order. */
function firstOfAny(phrases: readonly number[]): Occurrence | undefined {
  for (let k = 0; k < phrases.length; k++) {
    const first = firstOf(phrases[k] as number);
    if (first !== undefined) return first;
  }
  return undefined;
}

/** Every occurrence of the phrases, phrase by phrase, each phrase's by start. */
function occurrencesOf(phrases: readonly number[]): Occurrence[] {
  const { compiled, occurrences, stamp } = current as NonNullable<typeof current>;
  const out: Occurrence[] = [];
  for (let q = 0; q < phrases.length; q++) {
    const p = phrases[q] as number;
    if (compiled.matcher.isDeferred(p)) {
      for (const occ of compiled.matcher.occurrencesOf(p)) out.push(occ);
      continue;
    }
    if (phraseSeen[p] !== stamp) continue;
    for (let k = phraseHead[p] as number; k >= 0; k = nextOfPhrase[k] as number)
      out.push(occurrences[k] as Occurrence);
  }
  return out;
}

/** The readings of a triggered rule: one part per pattern match, or an (a, b) pair within reach. */
function readingsOf(rule: CompiledRule): Occurrence[][] {
  const candidates: Occurrence[][] = [];
  if (rule.any.length > 0) {
    // Trigger phrases are never deferred: their occurrences are the statement's own lists.
    const { occurrences, stamp } = current as NonNullable<typeof current>;
    for (let q = 0; q < rule.any.length; q++) {
      const p = rule.any[q] as number;
      if (phraseSeen[p] !== stamp) continue;
      for (let k = phraseHead[p] as number; k >= 0; k = nextOfPhrase[k] as number)
        candidates.push([occurrences[k] as Occurrence]);
    }
    return candidates;
  }
  const within = rule.spec.near?.within ?? 0;
  const ordered = rule.spec.near?.ordered ?? true;
  const bs = occurrencesOf(rule.nearB);
  if (bs.length === 0) return candidates;
  for (const a of occurrencesOf(rule.nearA)) {
    for (const b of bs) {
      if (b.start >= a.end && b.start - a.end <= within) candidates.push([a, b]);
      else if (!ordered && a.start >= b.end && a.start - b.end <= within) candidates.push([b, a]);
    }
  }
  return candidates;
}

// The cue findNegator is asked about: one object, refilled per reading.
const cueParts: { parts: readonly Occurrence[] } = { parts: NONE };
const cue = {
  start: 0,
  end: 0,
  scope: 0,
  // Asked only where a negator stands, which is rare.
  matched: { has: (k: number) => cueParts.parts.some((p) => p.matched.includes(k)) },
};

interface Reading {
  readonly parts: Occurrence[];
  readonly start: number;
  readonly end: number;
  readonly negator: number;
}

function judge(rule: CompiledRule, tokens: TokenList, parts: Occurrence[]): Reading {
  const start = parts[0]?.start ?? 0;
  const end = parts[parts.length - 1]?.end ?? 0;
  let negator = -1;
  if (rule.negation !== 'ignore') {
    cueParts.parts = parts;
    cue.start = start;
    cue.end = end;
    cue.scope = rule.negationScope;
    negator = findNegator(tokens, negatorAt, clauseBreakAt, cue);
    cueParts.parts = NONE;
  }
  return { parts, start, end, negator };
}

const EMPTY_EXCLUSIONS: ReadonlyMap<SignalCategory, string> = new Map();

/**
 * `full` keeps the actors, frames and cues of a statement in which no rule fires (for
 * `explain`); the coder skips that work, which is most statements. With `modelGate` false,
 * `anyPhrase` is false without being asked (for a caller that runs no model on the statement).
 */
export function analyzeStatement(
  compiled: CompiledCodebook,
  tokens: TokenList,
  lang: Lang,
  full = false,
  modelGate = true,
): StatementAnalysis {
  askModelGate = modelGate;
  const occurrences = compiled.matcher.find(tokens, full ? undefined : compiled.ruleGate);
  let anyRule = false;
  for (let k = 0; k < occurrences.length && !anyRule; k++) {
    const roles = compiled.roles[(occurrences[k] as Occurrence).phrase];
    if (roles !== undefined)
      for (let r = 0; r < roles.length && !anyRule; r++) anyRule = roles[r]?.kind === 'rule';
  }
  if (occurrences.length === 0 || (!full && !anyRule)) return bare(compiled, lang, tokens, occurrences);
  const everyLang = compiled.languages[lang] === undefined;
  prepareScratch(compiled.matcher.phraseCount, compiled.rules.length, occurrences.length, tokens.count);
  const stamp = callStamp;
  current = { compiled, occurrences, stamp };
  // The rules triggered, triggered[0, triggeredCount): a scratch list overwritten, never
  // emptied (setting an array's length to 0 drops its storage, and every push then reallocates).
  const triggered = triggeredScratch;
  let triggeredCount = 0;
  let excludedSignals: Map<SignalCategory, string> | null = null;

  // First what decides whether any rule fires: the rules triggered, the exclusions, the negators
  // and clause breaks. The actors, verbs and cues are gathered only when one does (or for explain).
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
    const roles = compiled.roles[p] ?? NONE;
    for (let r = 0; r < roles.length; r++) {
      const role = roles[r] as PhraseRole;
      switch (role.kind) {
        case 'rule':
          if (ruleSeen[role.rule] !== stamp && (everyLang || compiled.rules[role.rule]?.lang === lang)) {
            ruleSeen[role.rule] = stamp;
            triggered[triggeredCount++] = role.rule;
          }
          break;
        case 'exclusion': {
          const exclusion = compiled.exclusions[role.exclusion] as CompiledExclusion;
          if (!everyLang && exclusion.lang !== lang) break;
          excludedSignals ??= new Map();
          if (!excludedSignals.has(exclusion.signal)) excludedSignals.set(exclusion.signal, exclusion.id);
          break;
        }
        case 'negator':
          if (everyLang || role.lang === lang) for (const k of occ.matched) negatorAt[k] = 1;
          break;
        case 'clause-break':
          if (everyLang || role.lang === lang) for (const k of occ.matched) clauseBreakAt[k] = 1;
          break;
        default:
      }
    }
  }

  const excluded = excludedSignals ?? EMPTY_EXCLUSIONS;
  let hits: RuleHit[] | null = null;
  let suppressed: Suppression[] | null = null;
  const stop = (s: Suppression) => {
    suppressed ??= [];
    suppressed.push(s);
  };
  sortSmall(triggered, (a, b) => a - b, triggeredCount);
  for (let t = 0; t < triggeredCount; t++) {
    const index = triggered[t] as number;
    const rule = compiled.rules[index] as CompiledRule;
    // The rule's readings first: a proximity rule is triggered by either of its parts, and most
    // triggered rules have no complete reading, so nothing else is asked of them (and `explain`
    // does not list a rule as stopped that could not have fired).
    const candidates = readingsOf(rule);
    if (candidates.length === 0) continue;
    const excludedBy = excluded.get(rule.signal);
    if (excludedBy !== undefined) {
      stop({ rule, reason: 'exclusion', detail: excludedBy });
      continue;
    }
    const unless = firstOfAny(rule.unless);
    if (unless !== undefined) {
      stop({ rule, reason: 'unless', detail: describe(compiled, tokens, unless) });
      continue;
    }
    if (rule.require.length > 0 && firstOfAny(rule.require) === undefined) {
      stop({ rule, reason: 'require', detail: 'none of its required patterns occurs' });
      continue;
    }
    // Negation is judged per candidate: a reading free of negators wins over one that reaches
    // across a negated clause («затягивает переговоры и не подписывает договор»).
    let chosen: Reading[];
    if (candidates.length === 1) chosen = [judge(rule, tokens, candidates[0] as Occurrence[])];
    else {
      const judged = candidates.map((parts) => judge(rule, tokens, parts));
      const clean = judged.filter((j) => j.negator < 0);
      const pool = clean.length > 0 ? clean : judged;
      const keep = new Set(outermost(pool.map((j) => j.parts)));
      chosen = pool.filter((j) => keep.has(j.parts));
    }
    for (const { parts, start, end, negator } of chosen) {
      if (negator >= 0 && rule.negation === 'suppress') {
        stop({ rule, reason: 'negation', detail: tokens.norms[negator] ?? '' });
        continue;
      }
      const signal = negator >= 0 && typeof rule.negation === 'object' ? rule.negation.flip : rule.signal;
      if (signal !== rule.signal && excluded.has(signal)) {
        stop({ rule, reason: 'exclusion', detail: excluded.get(signal) as string });
        continue;
      }
      hits ??= [];
      hits.push({ rule, signal, parts, start, end, negator });
    }
  }
  current = null;
  if (hits !== null) sortSmall(hits, (a, b) => a.start - b.start || a.end - b.end);
  if (hits === null && !full) {
    const analysis = bare(compiled, lang, tokens, occurrences);
    return suppressed === null ? analysis : { ...analysis, suppressed };
  }

  // What the coder needs once a rule fires: who is named, the reporting verbs, the stance cues.
  const exclusions: Array<{ exclusion: CompiledExclusion; occurrence: Occurrence }> = [];
  const actors: ActorMention[] = [];
  const verbs: Occurrence[] = [];
  const frames: Occurrence[] = [];
  const acts: Occurrence[] = [];
  const accusations: Occurrence[] = [];
  const stanceCues: Array<{ cue: CompiledStanceCue; occurrence: Occurrence }> = [];
  for (let index = 0; index < occurrences.length; index++) {
    const occ = occurrences[index] as Occurrence;
    const roles = compiled.roles[occ.phrase] ?? NONE;
    for (let r = 0; r < roles.length; r++) {
      const role = roles[r] as PhraseRole;
      switch (role.kind) {
        case 'rule':
        case 'negator':
        case 'clause-break':
          break;
        case 'exclusion': {
          const exclusion = compiled.exclusions[role.exclusion] as CompiledExclusion;
          if (everyLang || exclusion.lang === lang) exclusions.push({ exclusion, occurrence: occ });
          break;
        }
        case 'actor':
          actors.push({ actor: role.actor, start: occ.start, end: occ.end });
          break;
        case 'stance': {
          const stanceCue = compiled.stanceCues[role.cue] as CompiledStanceCue;
          if (everyLang || stanceCue.lang === lang) stanceCues.push({ cue: stanceCue, occurrence: occ });
          break;
        }
        default:
          if (!everyLang && role.lang !== lang) break;
          if (role.kind === 'verb') verbs.push(occ);
          else if (role.kind === 'frame') frames.push(occ);
          else if (role.kind === 'accusation') accusations.push(occ);
          else acts.push(occ);
      }
    }
  }
  return {
    lang,
    tokens,
    occurrences,
    anyPhrase: modelMayCode(compiled, occurrences),
    hits: hits ?? NONE,
    suppressed: suppressed ?? NONE,
    exclusions,
    actors,
    verbs,
    frames,
    acts,
    accusations,
    stanceCues,
  };
}

const triggeredScratch: number[] = [];

// Whether the current call asked for the model's gate (analyzeStatement's `modelGate`).
let askModelGate = true;

function modelMayCode(compiled: CompiledCodebook, occurrences: readonly Occurrence[]): boolean {
  if (!askModelGate) return false;
  const { matcher } = compiled;
  return matcher.lastHas(compiled.modelGate) && (occurrences.length > 0 || matcher.anyOccurs());
}

/** A statement in which no rule fires: one shared empty list for every field, nothing allocated. */
function bare(
  compiled: CompiledCodebook,
  lang: Lang,
  tokens: TokenList,
  occurrences: readonly Occurrence[],
): StatementAnalysis {
  return {
    lang,
    tokens,
    occurrences,
    anyPhrase: modelMayCode(compiled, occurrences),
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
