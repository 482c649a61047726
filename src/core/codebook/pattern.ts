// The rule language's patterns: what an analyst writes in the codebook, parsed into phrases the
// matcher can run. One pattern is a sequence of items separated by spaces:
//
//   word        a folded word, exact («к», "to")
//   word*       a glob: any word starting so («переговор*» matches переговоры, переговорах…)
//   a|b*|c      alternatives for one word; an alternative may be a $list or a (group of words)
//   (a b)|c     a group: several words as one alternative («(не о чем)|нечего»)
//   [a|b]       optional («[к|до]», «[(so called)]»)
//   ~N          up to N words of anything (N ≤ 10), never across a clause boundary
//   $name       a lexicon list of the language (languages.yaml), each entry a pattern itself
//
// Words are folded and split the way statements are (fold.ts, tokenize.ts), so «Переговоры»,
// «пеpеговоры» and «neo-Nazi» mean what they look like. quanteda's glob dictionaries are a
// subset: one or more words, each with an optional trailing *.
import { foldWords } from '../text/tokenize.js';

export interface Term {
  /** Folded text; for a glob, the prefix before the star. */
  readonly text: string;
  readonly isPrefix: boolean;
}

export type Slot =
  | { readonly kind: 'word'; readonly terms: readonly Term[]; readonly isOptional: boolean }
  | { readonly kind: 'gap'; readonly max: number };

/** One way a pattern can match: a sequence of slots starting with a required word. */
export type Phrase = readonly Slot[];

export class PatternError extends Error {}

const MAX_VARIANTS = 5000;
const MAX_LEXICON_DEPTH = 4;

// A term's folding, by its text: a codebook writes «переговор*» or $talks' words in hundreds of
// patterns, and folding runs the statement tokenizer. Pure, so shared by every codebook.
const folded = new Map<string, readonly string[]>();
function foldedWords(text: string): readonly string[] {
  let words = folded.get(text);
  if (words === undefined) {
    if (folded.size >= 100_000) folded.clear();
    words = foldWords(text);
    folded.set(text, words);
  }
  return words;
}

function parseTerm(raw: string, pattern: string): Term[] {
  if (raw.startsWith('~'))
    throw new PatternError(
      `"${raw}" in pattern "${pattern}": a gap ~N is an item of its own, not an alternative or an optional word (write the pattern twice, or group it: "(~2 к)|до")`,
    );
  const isPrefix = raw.endsWith('*');
  const body = isPrefix ? raw.slice(0, -1) : raw;
  if (/[()[\]]/.test(body))
    throw new PatternError(`"${raw}" in pattern "${pattern}": unbalanced bracket or parenthesis`);
  if (body.includes('*') || body.includes('?')) {
    throw new PatternError(
      `"${raw}" in pattern "${pattern}": a star may only end a word (e.g. "переговор*")`,
    );
  }
  const words = foldedWords(body);
  if (words.length === 0)
    throw new PatternError(`"${raw}" in pattern "${pattern}" holds no letters or digits`);
  return words.map((text, i) => ({ text, isPrefix: isPrefix && i === words.length - 1 }));
}

type Lexicon = Readonly<Record<string, readonly string[]>>;

/** Splits on a separator (a space or |) that stands outside parentheses; spaces of any kind count. */
function splitOutside(text: string, separator: ' ' | '|'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    const isSeparator = separator === ' ' ? /\s/.test(ch) : ch === '|';
    if (isSeparator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) throw new PatternError(`unbalanced parentheses in "${text}"`);
  parts.push(current);
  return parts;
}

// Expansions are pure functions of the lexicon and the text, and a codebook names the same lists
// ($talks, $readiness…) in hundreds of rules and expands every pattern twice (once to check it,
// once to compile it): each is expanded once per lexicon. The phrases are shared, never changed.
const expanded = new WeakMap<Lexicon, Map<string, readonly Phrase[]>>();
function memo(lexicon: Lexicon, key: string, expand: () => readonly Phrase[]): readonly Phrase[] {
  let known = expanded.get(lexicon);
  if (known === undefined) {
    known = new Map();
    expanded.set(lexicon, known);
  }
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const result = expand();
  known.set(key, result);
  return result;
}

function expandLexicon(name: string, pattern: string, lexicon: Lexicon, depth: number): readonly Phrase[] {
  const entries = lexicon[name];
  if (entries === undefined)
    throw new PatternError(`unknown lexicon list "$${name}" in pattern "${pattern}"`);
  if (depth >= MAX_LEXICON_DEPTH) throw new PatternError(`lexicon lists nest too deep at "$${name}"`);
  return memo(lexicon, `$${depth} ${name}`, () =>
    entries.flatMap((entry) => expandPattern(entry, lexicon, depth + 1)),
  );
}

/** Single-word variants merge into one slot; longer ones stay separate variants. */
function mergeVariants(variants: Phrase[], isOptional: boolean): Phrase[] {
  const single: Term[] = [];
  const multi: Phrase[] = [];
  for (const phrase of variants) {
    const only = phrase[0];
    if (phrase.length === 1 && only?.kind === 'word' && !only.isOptional) single.push(...only.terms);
    else multi.push(phrase);
  }
  const merged: Phrase[] =
    single.length > 0 ? [[{ kind: 'word', terms: single, isOptional: false }], ...multi] : multi;
  if (!isOptional) return merged;
  // An optional single word stays one optional slot; an optional longer variant may be skipped.
  return merged
    .map((phrase) =>
      phrase.length === 1 && phrase[0]?.kind === 'word' ? [{ ...phrase[0], isOptional: true }] : phrase,
    )
    .concat(merged.some((p) => p.length > 1 || p[0]?.kind !== 'word') ? [[]] : []);
}

function expandItem(item: string, pattern: string, lexicon: Lexicon, depth: number): Phrase[] {
  if (/^~\d+$/.test(item)) {
    const max = Number(item.slice(1));
    if (max < 1 || max > 10) throw new PatternError(`"${item}" in pattern "${pattern}": a gap is ~1 to ~10`);
    return [[{ kind: 'gap', max }]];
  }
  const isOptional = item.startsWith('[') && item.endsWith(']');
  const body = isOptional ? item.slice(1, -1) : item;
  if (body.length === 0) throw new PatternError(`empty "[]" in pattern "${pattern}"`);
  const alternatives = splitOutside(body, '|');
  if (alternatives.some((a) => a.length === 0))
    throw new PatternError(`empty alternative in "${item}" of pattern "${pattern}"`);
  const variants: Phrase[] = [];
  for (const alt of alternatives) {
    if (alt.startsWith('$')) variants.push(...expandLexicon(alt.slice(1), pattern, lexicon, depth));
    else if (alt.startsWith('(') && alt.endsWith(')'))
      variants.push(...expandPattern(alt.slice(1, -1), lexicon, depth + 1));
    else
      variants.push(
        parseTerm(alt, pattern).map((t): Slot => ({ kind: 'word', terms: [t], isOptional: false })),
      );
  }
  return mergeVariants(variants, isOptional);
}

function dropLeadingOptional(phrase: Phrase): Phrase[] {
  const first = phrase[0];
  if (first?.kind !== 'word' || !first.isOptional) return [phrase];
  const rest = phrase.slice(1);
  return [[{ ...first, isOptional: false }, ...rest], ...dropLeadingOptional(rest)];
}

/**
 * All the phrases a pattern stands for (alternatives of lexicon entries and leading optionals
 * expanded). The result is shared by every call with the same lexicon and pattern: read it only.
 */
export function expandPattern(pattern: string, lexicon: Lexicon = {}, depth = 0): readonly Phrase[] {
  return memo(lexicon, `${depth} ${pattern}`, () => expandFresh(pattern, lexicon, depth));
}

function expandFresh(pattern: string, lexicon: Lexicon, depth: number): Phrase[] {
  if (depth > MAX_LEXICON_DEPTH) throw new PatternError(`pattern "${pattern}" nests too deep`);
  const items = splitOutside(pattern.trim(), ' ').filter((s) => s.length > 0);
  if (items.length === 0) throw new PatternError('empty pattern');
  let variants: Phrase[] = [[]];
  for (const item of items) {
    const options = expandItem(item, pattern, lexicon, depth);
    const next: Phrase[] = [];
    for (const v of variants) for (const o of options) next.push([...v, ...o]);
    if (next.length > MAX_VARIANTS)
      throw new PatternError(`pattern "${pattern}" expands to more than ${MAX_VARIANTS} phrases`);
    variants = next;
  }
  if (depth > 0) return variants;
  const out: Phrase[] = [];
  for (const v of variants) {
    for (const phrase of dropLeadingOptional(v)) {
      if (phrase.length === 0) continue;
      const first = phrase[0];
      const last = phrase[phrase.length - 1];
      if (first?.kind === 'gap' || last?.kind === 'gap') {
        throw new PatternError(`pattern "${pattern}" cannot start or end with a gap`);
      }
      out.push(phrase);
    }
  }
  if (out.length === 0) throw new PatternError(`pattern "${pattern}" matches nothing required`);
  return out;
}

/** A stable text form of a phrase: the key that lets rules share one phrase in the matcher. */
export function phraseKey(phrase: Phrase): string {
  return phrase
    .map((slot) => {
      if (slot.kind === 'gap') return `~${slot.max}`;
      const alts = slot.terms.map((t) => t.text + (t.isPrefix ? '*' : '')).join('|');
      return slot.isOptional ? `[${alts}]` : alts;
    })
    .join(' ');
}
