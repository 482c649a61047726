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

/** The features of featureFamilies, as hashes with their counts. */
function hashedFamilies(text: string, lang: Lang): Map<number, number>[] {
  const words = tokenize(text).norms.map((w) => (/^\d+$/.test(w) ? '0' : w));
  const unigrams = new Map<number, number>();
  const bigrams = new Map<number, number>();
  const chars = new Map<number, number>();
  let previous = '^';
  for (const word of words) {
    tally(unigrams, finish(fnvFrom(WORD, word)));
    tally(bigrams, finish(fnvFrom(Math.imul(fnvFrom(BIGRAM, previous) ^ SPACE, FNV_PRIME), word)));
    previous = word;
    // Character n-grams of " word ", extended one character at a time from each start.
    const length = word.length + 2;
    const code = (i: number) => (i === 0 || i === length - 1 ? SPACE : word.charCodeAt(i - 1));
    for (let start = 0; start + MIN_CHAR_GRAM <= length; start++) {
      let h = CHARS;
      for (let n = 1; n <= MAX_CHAR_GRAM && start + n <= length; n++) {
        h = Math.imul(h ^ code(start + n - 1), FNV_PRIME);
        if (n >= MIN_CHAR_GRAM) tally(chars, finish(h));
      }
    }
  }
  if (words.length > 0) tally(bigrams, finish(fnvFrom(BIGRAM, `${previous} $`)));
  const language = new Map<number, number>([[finish(fnvFrom(FNV_OFFSET, `l:${lang}`)), 1]]);
  return [unigrams, bigrams, chars, language].filter((family) => family.size > 0);
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

/**
 * Calls `visit(bucket, value)` for every feature of a statement, with the value it has in
 * hashedFeatures' vector before features sharing a bucket are summed: what a dot product needs,
 * without building, summing and sorting the vector (prediction's hot path).
 */
export function visitHashedFeatures(
  text: string,
  lang: Lang,
  buckets: number,
  visit: (bucket: number, value: number) => void,
): void {
  const families = hashedFamilies(text, lang);
  const scale = 1 / Math.sqrt(families.length);
  const mask = buckets - 1;
  for (const family of families) {
    let squares = 0;
    for (const n of family.values()) squares += n * n;
    const weight = scale / Math.sqrt(squares);
    for (const [h, n] of family) visit(h & mask, (h >>> 31 === 1 ? -n : n) * weight);
  }
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
