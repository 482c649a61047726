// Compiles a checked codebook into one phrase matcher plus the tables that say what each phrase
// is for (a rule's trigger, an exclusion, an actor's alias, a negator, a reporting verb, a stance
// cue). Rules are reached only through the phrases that occur in a statement, so the work per
// statement does not grow with the number of rules.
import type { Lang, SignalCategory, Stance } from '../types.js';
import type { Codebook } from './codebook.js';
import { expandPattern } from './pattern.js';
import { createPhraseMatcher, type MatcherSnapshot, type PhraseMatcher } from './phrase-matcher.js';
import type { ActorSpec, LanguageSpec, NegationSpec, RuleSpec, StanceCueSpec } from './schema.js';

export type TargetSide = 'none' | 'before' | 'after';

export interface CompiledRule {
  /** `signal.lang.name`, what evidence carries. */
  readonly id: string;
  readonly signal: SignalCategory;
  readonly lang: Lang;
  /** Set for position rules (positions.yaml). */
  readonly position: string | null;
  readonly negation: NegationSpec;
  readonly negationScope: number;
  readonly confidence: number;
  readonly targetSide: TargetSide;
  readonly spec: RuleSpec;
  readonly file: string;
  readonly any: readonly number[];
  readonly nearA: readonly number[];
  readonly nearB: readonly number[];
  readonly require: readonly number[];
  readonly unless: readonly number[];
}

export interface CompiledExclusion {
  readonly id: string;
  readonly signal: SignalCategory;
  readonly lang: Lang;
  readonly rationale: string;
  readonly example: string;
}

export interface CompiledStanceCue {
  readonly id: string;
  readonly stance: Stance;
  readonly lang: Lang;
  readonly spec: StanceCueSpec;
}

export type PhraseRole =
  | { readonly kind: 'rule'; readonly rule: number }
  | { readonly kind: 'exclusion'; readonly exclusion: number }
  | { readonly kind: 'actor'; readonly actor: number }
  | {
      readonly kind: 'negator' | 'clause-break' | 'verb' | 'frame' | 'act' | 'accusation';
      readonly lang: Lang;
    }
  | { readonly kind: 'stance'; readonly cue: number };

export interface CompiledCodebook {
  readonly codebook: Codebook;
  readonly matcher: PhraseMatcher;
  readonly rules: readonly CompiledRule[];
  readonly exclusions: readonly CompiledExclusion[];
  readonly stanceCues: readonly CompiledStanceCue[];
  readonly actors: readonly ActorSpec[];
  /** What each phrase (by id) is for. */
  readonly roles: readonly (readonly PhraseRole[])[];
  /**
   * Term ids one of which every rule trigger phrase needs (its rarest required word): a
   * statement without any of them cannot be coded, so the matcher skips it.
   */
  readonly ruleGate: Uint8Array;
  /**
   * Term ids of the longest word of every rule pattern (`any`) and proximity rule's first part
   * (`near.a`): a statement holding none of them gets no model code (see coder.ts). Fixed so,
   * whatever the matcher keys phrases by and whichever part triggers a rule, so that neither
   * ever changes what the model codes.
   */
  readonly modelGate: Uint8Array;
  readonly languages: Readonly<Record<Lang, LanguageSpec>>;
}

export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const matcher = createPhraseMatcher();
  const roles: PhraseRole[][] = [];
  const rules: CompiledRule[] = [];
  const exclusions: CompiledExclusion[] = [];
  const stanceCues: CompiledStanceCue[] = [];

  const addPatterns = (patterns: readonly string[] | undefined, lang: Lang, role?: PhraseRole): number[] => {
    const ids: number[] = [];
    const lexicon = codebook.languages[lang]?.lexicon ?? {};
    for (const pattern of patterns ?? []) {
      for (const phrase of expandPattern(pattern, lexicon)) {
        const id = matcher.add(phrase);
        while (roles.length <= id) roles.push([]);
        if (role) roles[id]?.push(role);
        ids.push(id);
      }
    }
    return [...new Set(ids)];
  };

  const addRule = (
    spec: RuleSpec,
    signal: SignalCategory,
    lang: Lang,
    file: string,
    defaults: { negation: NegationSpec; negationScope: number; confidence: number; targetSide: TargetSide },
    position: string | null,
  ): void => {
    const index = rules.length;
    const trigger: PhraseRole = { kind: 'rule', rule: index };
    const rule: CompiledRule = {
      id: `${signal}.${lang}.${spec.id}`,
      signal,
      lang,
      position,
      negation: spec.negation ?? defaults.negation,
      negationScope: spec.negationScope ?? defaults.negationScope,
      confidence: spec.confidence ?? defaults.confidence,
      targetSide: spec.target === 'none' ? 'none' : defaults.targetSide,
      spec,
      file,
      any: addPatterns(spec.any, lang, trigger),
      // Which part of a proximity rule triggers it is decided once every rule is known (below).
      nearA: addPatterns(spec.near?.a, lang),
      nearB: addPatterns(spec.near?.b, lang),
      require: addPatterns(spec.require, lang),
      unless: addPatterns(spec.unless, lang),
    };
    rules.push(rule);
  };

  const scopeOf = (lang: Lang) => codebook.languages[lang]?.negationScope ?? 3;

  for (const set of codebook.signals) {
    for (const [lang, specs] of Object.entries(set.rules)) {
      const defaults = {
        negation: set.negation,
        negationScope: set.negationScope ?? scopeOf(lang),
        confidence: set.confidence,
        targetSide: set.target,
      };
      for (const spec of specs) addRule(spec, set.signal, lang, set.file, defaults, null);
    }
    for (const [lang, specs] of Object.entries(set.exclude)) {
      for (const spec of specs) {
        const index = exclusions.length;
        exclusions.push({
          id: `${set.signal}.${lang}.${spec.id}`,
          signal: set.signal,
          lang,
          rationale: spec.rationale,
          example: spec.example,
        });
        addPatterns(spec.any, lang, { kind: 'exclusion', exclusion: index });
      }
    }
  }

  for (const position of codebook.positions) {
    for (const [lang, specs] of Object.entries(position.rules)) {
      const defaults = {
        negation: 'suppress' as const,
        negationScope: codebook.positionNegationScope,
        confidence: 0.85,
        targetSide: 'none' as const,
      };
      for (const spec of specs) addRule(spec, 'position', lang, 'positions.yaml', defaults, position.key);
    }
  }
  for (const stance of ['harden', 'soften', 'drop'] as const) {
    for (const [lang, cues] of Object.entries(codebook.stances[stance])) {
      for (const spec of cues) {
        const index = stanceCues.length;
        stanceCues.push({ id: `stance.${lang}.${spec.id}`, stance, lang, spec });
        addPatterns(spec.any, lang, { kind: 'stance', cue: index });
      }
    }
  }

  codebook.actors.forEach((actor, index) => {
    for (const [lang, aliases] of Object.entries(actor.aliases))
      addPatterns(aliases, lang, { kind: 'actor', actor: index });
  });
  for (const [lang, language] of Object.entries(codebook.languages)) {
    addPatterns(language.negators, lang, { kind: 'negator', lang });
    addPatterns(language.clauseBreaks, lang, { kind: 'clause-break', lang });
    addPatterns(language.reporting.verbs, lang, { kind: 'verb', lang });
    addPatterns(language.reporting.frames, lang, { kind: 'frame', lang });
    addPatterns(language.reporting.acts, lang, { kind: 'act', lang });
    addPatterns(language.reporting.accusations, lang, { kind: 'accusation', lang });
  }
  while (roles.length < matcher.phraseCount) roles.push([]);
  // A proximity rule needs both its parts, so either may trigger it: the part likelier to be
  // missing does (its phrases' key words are the rarer, as the matcher judges them), so that a
  // statement holding only the common part ("talks", in dozens of rules, without "empty" or
  // "impossible") triggers nothing. Nine in ten proximity rules triggered by their first part
  // on the benchmark corpus had no second part.
  const weight = (phrases: readonly number[]) => phrases.reduce((sum, p) => sum + matcher.keyCost(p), 0);
  rules.forEach((rule, index) => {
    if (rule.any.length > 0) return;
    const side = weight(rule.nearB) < weight(rule.nearA) ? rule.nearB : rule.nearA;
    for (const p of side) roles[p]?.push({ kind: 'rule', rule: index });
  });
  // A phrase that stands for nothing by itself (the part of a proximity rule that does not
  // trigger it, a `require` or an `unless`) matters only in a statement where one of its rules is triggered: it is found
  // then, on demand, not in every statement. On the benchmark corpus these were four in five of
  // all occurrences ("Russia", «переговоры» in their dozens of word classes).
  roles.forEach((list, phrase) => {
    if (list.length === 0) matcher.defer(phrase);
  });
  const ruleGate = new Uint8Array(matcher.termCount);
  roles.forEach((list, phrase) => {
    if (!list.some((r) => r.kind === 'rule')) return;
    for (const t of matcher.requiredTerms(phrase)) ruleGate[t] = 1;
  });
  // The model's gate stays what it was measured as: the longest word of every pattern and every
  // first part of a proximity rule, whichever part triggers it.
  const modelGate = new Uint8Array(matcher.termCount);
  for (const rule of rules)
    for (const p of [...rule.any, ...rule.nearA]) for (const t of matcher.longestTerms(p)) modelGate[t] = 1;

  return assemble(codebook, matcher, { rules, exclusions, stanceCues, roles, ruleGate, modelGate });
}

/** A compiled codebook from its matcher and tables; what is the codebook's own is taken from it. */
function assemble(codebook: Codebook, matcher: PhraseMatcher, tables: CompiledTables): CompiledCodebook {
  return { codebook, matcher, ...tables, actors: codebook.actors, languages: codebook.languages };
}

/** What compiling adds to a codebook besides the matcher. */
export type CompiledTables = Pick<
  CompiledCodebook,
  'rules' | 'exclusions' | 'stanceCues' | 'roles' | 'ruleGate' | 'modelGate'
>;

/**
 * A compiled codebook as plain data (see PhraseMatcher.snapshot), to be kept with the codebook it
 * was compiled from and restored by restoreCompiled: compiling the default codebook costs a worker
 * thread half a second, restoring a fraction of that.
 */
export type CompiledSnapshot = CompiledTables & {
  /** The version of the codebook it was compiled from. */
  readonly codebookVersion: string;
  readonly matcher: MatcherSnapshot;
};

export function snapshotCompiled(compiled: CompiledCodebook): CompiledSnapshot {
  // Actors and languages are the codebook's own: restoreCompiled takes them from it again.
  const { codebook, matcher, actors: _actors, languages: _languages, ...tables } = compiled;
  return { codebookVersion: codebook.version, matcher: matcher.snapshot(), ...tables };
}

/** The compiled codebook a snapshot was taken of; `codebook` must be the one it was compiled from. */
export function restoreCompiled(codebook: Codebook, snapshot: CompiledSnapshot): CompiledCodebook {
  if (snapshot.codebookVersion !== codebook.version)
    throw new Error(
      `a compiled snapshot of codebook ${snapshot.codebookVersion} cannot be restored for ${codebook.version}`,
    );
  const { codebookVersion: _version, matcher, ...tables } = snapshot;
  return assemble(codebook, createPhraseMatcher(matcher), tables);
}
