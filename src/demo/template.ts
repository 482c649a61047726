// The shape of the sentence banks the synthetic scenario and the benchmark corpus are written
// from. A template is one sentence with slots, written knowing which signals it carries under
// CODING-GUIDE.md; that intended coding travels with every sentence generated from it, so a test
// or a benchmark can later measure the coder against it.
import type { SignalCategory, Stance } from '../core/types.js';

export type DemoLang = 'ru' | 'uk' | 'en';

/**
 * One value a slot can take: its grammatical forms (`nom` always; `gen`, `acc`, `loc`, `ins` where
 * a template asks for them), and what it means for the coding — the actor it names, the position
 * key it states, whether verbs agree in the feminine.
 */
export interface Filler {
  forms: Readonly<Record<string, string>>;
  actor?: string;
  key?: string;
  female?: boolean;
}

/**
 * A signal a template carries. `speaker` and `target` are an actor id, `'source'` (nobody is
 * quoted: the source speaks) or `$slot` (the actor of the filler chosen for that slot);
 * `position` is a key or `$slot` (the key of the filler chosen for that slot).
 */
export interface IntendedSpec {
  signal: SignalCategory;
  speaker: string;
  target?: string;
  position?: string;
  stance?: Stance;
}

/** The coding a generated sentence is meant to receive, resolved to actor ids and keys. */
export interface IntendedSignal {
  signal: SignalCategory;
  /** null: nobody is quoted, so the source itself speaks. */
  speaker: string | null;
  target: string | null;
  position: string | null;
  stance: Stance | null;
}

/** `[text, signals]`; an empty signal list marks a background sentence that carries nothing. */
export type TemplateEntry = readonly [string, readonly IntendedSpec[]];

/**
 * A language's bank. Slots in a text are `{pool}`, `{pool.form}`, `{pool2}` (the same pool, a
 * different value), `{said}` (a reporting verb agreeing with the template's speaker) and
 * `{num:MIN-MAX}` or `{num:MIN-MAXxSTEP}` (an integer, times STEP).
 */
export interface LanguageBank {
  lang: DemoLang;
  pools: Readonly<Record<string, readonly Filler[]>>;
  /** Reporting verbs per slot name, as [masculine, feminine] (the same twice in English). */
  verbs: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>>;
  /** Templates grouped by kind: the scenario asks for a kind ('ru-overture'), the bank answers. */
  templates: Readonly<Record<string, readonly TemplateEntry[]>>;
}

// Small builders so that the banks read as sentences with their codes beside them.
export const overture = (speaker: string, target?: string): IntendedSpec => spec('overture', speaker, target);
export const refusal = (speaker: string, target?: string): IntendedSpec => spec('refusal', speaker, target);
export const blame = (speaker: string, target?: string): IntendedSpec => spec('blame', speaker, target);
export const wedge = (speaker: string, target?: string): IntendedSpec => spec('wedge', speaker, target);
export const delegitimize = (speaker: string, target?: string): IntendedSpec =>
  spec('delegitimize', speaker, target);
export const threat = (speaker: string, target?: string): IntendedSpec => spec('threat', speaker, target);
export const stall = (speaker: string, target?: string): IntendedSpec => spec('stall', speaker, target);
export const stalemate = (speaker: string): IntendedSpec => spec('stalemate', speaker);
export const commitment = (speaker: string, target?: string): IntendedSpec =>
  spec('commitment', speaker, target);
export const position = (speaker: string, key: string, stance: Stance): IntendedSpec => ({
  signal: 'position',
  speaker,
  position: key,
  stance,
});

function spec(signal: SignalCategory, speaker: string, target?: string): IntendedSpec {
  return target === undefined ? { signal, speaker } : { signal, speaker, target };
}

/** A filler that names an actor (a speaker slot), with its forms. */
export function actorFiller(actor: string, forms: Record<string, string>, female = false): Filler {
  return female ? { actor, forms, female } : { actor, forms };
}

/** A filler that states a position key, with its forms. */
export function keyFiller(key: string, forms: Record<string, string>): Filler {
  return { key, forms };
}

/** Plain fillers (places, venues) from their forms. */
export function plainFillers(...forms: Array<Record<string, string>>): Filler[] {
  return forms.map((f) => ({ forms: f }));
}
