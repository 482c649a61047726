// A statement as a sparse vector: the hashing trick (Weinberger et al. 2009, "Feature hashing for
// large scale multitask learning") over four families of features of the folded text —
// word unigrams, word bigrams, character 3–5-grams inside word boundaries (which carry the stems
// of inflected Russian and Ukrainian words: «переговоров», «переговорах» share «перег», «гово»),
// and the language. Each family is L2-normalised on its own and the families weigh the same, so
// the hundreds of character n-grams of a sentence do not drown its few words. A sign bit taken
// from the hash makes colliding features cancel rather than add up, in expectation.
import { tokenize } from '../text/tokenize.js';
import type { Lang } from '../types.js';
import { hashFeature } from './hash-feature.js';

export const DEFAULT_BUCKETS = 1 << 18;
const MIN_CHAR_GRAM = 3;
const MAX_CHAR_GRAM = 5;

export interface SparseVector {
  /** Bucket indices, ascending, each once. */
  readonly indices: Uint32Array;
  readonly values: Float64Array;
}

/** True for the bucket counts a model may use: a power of two from 2^4 to 2^24. */
export function isValidBucketCount(buckets: number): boolean {
  return Number.isInteger(buckets) && buckets >= 16 && buckets <= 1 << 24 && (buckets & (buckets - 1)) === 0;
}

function count(family: Map<string, number>, feature: string): void {
  family.set(feature, (family.get(feature) ?? 0) + 1);
}

/** The raw features of a text by family, before hashing (exported for tests and inspection). */
export function featureFamilies(text: string, lang: Lang): Map<string, number>[] {
  // Numbers vary without changing what a statement says ("$400 million", "61 billion").
  const words = tokenize(text).norms.map((w) => (/^\d+$/.test(w) ? '0' : w));
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  const chars = new Map<string, number>();
  let previous = '^';
  for (const word of words) {
    count(unigrams, `w:${word}`);
    count(bigrams, `b:${previous} ${word}`);
    previous = word;
    const padded = ` ${word} `;
    for (let n = MIN_CHAR_GRAM; n <= MAX_CHAR_GRAM; n++) {
      for (let i = 0; i + n <= padded.length; i++) count(chars, `c:${padded.slice(i, i + n)}`);
    }
  }
  if (words.length > 0) count(bigrams, `b:${previous} $`);
  const language = new Map<string, number>([[`l:${lang}`, 1]]);
  return [unigrams, bigrams, chars, language].filter((family) => family.size > 0);
}

// FNV-1a state after a feature's family prefix: a feature `p:rest` hashes as the prefix state
// stepped through `rest`, so features are hashed straight from the words' characters without
// building their strings (hash-feature.ts is the reference; a test checks they agree).
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function fnvFrom(h: number, text: string): number {
  let state = h;
  for (let i = 0; i < text.length; i++) state = Math.imul(state ^ text.charCodeAt(i), FNV_PRIME);
  return state;
}
function finish(h: number): number {
  let state = h;
  state ^= state >>> 16;
  state = Math.imul(state, 0x85ebca6b);
  state ^= state >>> 13;
  state = Math.imul(state, 0xc2b2ae35);
  state ^= state >>> 16;
  return state >>> 0;
}
const WORD = fnvFrom(FNV_OFFSET, 'w:');
const BIGRAM = fnvFrom(FNV_OFFSET, 'b:');
const CHARS = fnvFrom(FNV_OFFSET, 'c:');
const SPACE = 32;

function tally(family: Map<number, number>, hash: number): void {
  family.set(hash, (family.get(hash) ?? 0) + 1);
}

/** Feature families, in the order emitFeatureHashes names them. */
export const FAMILY_WORDS = 0;
export const FAMILY_BIGRAMS = 1;
export const FAMILY_CHARS = 2;
export const FAMILY_LANGUAGE = 3;
export const FAMILY_COUNT = 4;

/** What /^\d+$/ says (ASCII digits only), without a regular expression per word. */
function isDigits(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A folded word as the features see it: numbers vary without changing what a statement says ("$400 million", "61 billion"). */
export function featureWord(norm: string): string {
  return isDigits(norm) ? '0' : norm;
}

/** The hash of a word's unigram feature. */
export function unigramHash(word: string): number {
  return finish(fnvFrom(WORD, word));
}

/** The hash of the bigram feature `previous word` ('^' before the first word, '$' after the last). */
export function bigramHash(previous: string, word: string): number {
  return bigramHashAfter(bigramPrefix(previous), word);
}

/** The hash state after `b:previous ` — what every bigram starting with `previous` shares. */
export function bigramPrefix(previous: string): number {
  return Math.imul(fnvFrom(BIGRAM, previous) ^ SPACE, FNV_PRIME);
}

/** bigramHash from the prefix state of the previous word (a scorer caches it per word). */
export function bigramHashAfter(prefix: number, word: string): number {
  return finish(fnvFrom(prefix, word));
}

/** Calls `emit(hash)` for each character n-gram of " word " (3 to 5 characters), in order. */
export function emitCharGramHashes(word: string, emit: (hash: number) => void): void {
  // Extended one character at a time from each start, without building the n-gram strings.
  const length = word.length + 2;
  for (let start = 0; start + MIN_CHAR_GRAM <= length; start++) {
    let h = CHARS;
    for (let n = 1; n <= MAX_CHAR_GRAM && start + n <= length; n++) {
      const i = start + n - 1;
      h = Math.imul(h ^ (i === 0 || i === length - 1 ? SPACE : word.charCodeAt(i - 1)), FNV_PRIME);
      if (n >= MIN_CHAR_GRAM) emit(finish(h));
    }
  }
}

const LANGUAGE_HASHES = new Map<string, number>();
/** The hash of the language feature. */
export function languageHash(lang: Lang): number {
  let h = LANGUAGE_HASHES.get(lang);
  if (h === undefined) {
    h = finish(fnvFrom(FNV_OFFSET, `l:${lang}`));
    LANGUAGE_HASHES.set(lang, h);
  }
  return h;
}

/**
 * Calls `emit(family, hash)` once per occurrence of every feature of a statement, given its
 * folded words (tokenize(text).norms). Training vectors are built from this; prediction's hot
 * path (linear-scorer.ts) from the same per-word pieces, and a test checks both against the
 * feature strings hashed one by one.
 */
export function emitFeatureHashes(
  words: readonly string[],
  lang: Lang,
  emit: (family: number, hash: number) => void,
): void {
  let previous = '^';
  const char = (hash: number) => emit(FAMILY_CHARS, hash);
  for (const norm of words) {
    const word = featureWord(norm);
    emit(FAMILY_WORDS, unigramHash(word));
    emit(FAMILY_BIGRAMS, bigramHash(previous, word));
    previous = word;
    emitCharGramHashes(word, char);
  }
  if (words.length > 0) emit(FAMILY_BIGRAMS, endBigramHash(previous));
  emit(FAMILY_LANGUAGE, languageHash(lang));
}

/** The hash of the bigram after the last word. */
export function endBigramHash(previous: string): number {
  return finish(fnvFrom(BIGRAM, `${previous} $`));
}

/** The features of featureFamilies, as hashes with their counts. */
function hashedFamilies(text: string, lang: Lang): Map<number, number>[] {
  const families = [0, 1, 2, 3].map(() => new Map<number, number>());
  emitFeatureHashes(tokenize(text).norms, lang, (family, hash) =>
    tally(families[family] as Map<number, number>, hash),
  );
  return families.filter((family) => family.size > 0);
}

/** Families of counted features → one vector: each family L2-normalised, the families weighed alike. */
function toVector<K>(families: Map<K, number>[], hashOf: (key: K) => number, buckets: number): SparseVector {
  const scale = 1 / Math.sqrt(families.length);
  const mask = buckets - 1;
  const summed = new Map<number, number>();
  for (const family of families) {
    let squares = 0;
    for (const n of family.values()) squares += n * n;
    const norm = Math.sqrt(squares);
    for (const [key, n] of family) {
      const h = hashOf(key);
      const bucket = h & mask;
      const sign = h >>> 31 === 1 ? -1 : 1;
      summed.set(bucket, (summed.get(bucket) ?? 0) + (sign * n * scale) / norm);
    }
  }
  const indices = Uint32Array.from([...summed.keys()].sort((a, b) => a - b));
  const values = Float64Array.from(indices, (i) => summed.get(i) as number);
  return { indices, values };
}

/** The hashed, normalised feature vector of a statement in `buckets` buckets. */
export function hashedFeatures(text: string, lang: Lang, buckets: number = DEFAULT_BUCKETS): SparseVector {
  return toVector(hashedFamilies(text, lang), (h) => h, buckets);
}

/** The same vector from the feature strings hashed one by one: the reference the fast path must equal. */
export function hashedFeaturesFromStrings(
  text: string,
  lang: Lang,
  buckets: number = DEFAULT_BUCKETS,
): SparseVector {
  return toVector(featureFamilies(text, lang), hashFeature, buckets);
}
