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

/** The hashed, normalised feature vector of a statement in `buckets` buckets. */
export function hashedFeatures(text: string, lang: Lang, buckets: number = DEFAULT_BUCKETS): SparseVector {
  const families = featureFamilies(text, lang);
  const scale = 1 / Math.sqrt(families.length);
  const mask = buckets - 1;
  const summed = new Map<number, number>();
  for (const family of families) {
    let squares = 0;
    for (const n of family.values()) squares += n * n;
    const norm = Math.sqrt(squares);
    for (const [feature, n] of family) {
      const h = hashFeature(feature);
      const bucket = h & mask;
      const sign = h >>> 31 === 1 ? -1 : 1;
      summed.set(bucket, (summed.get(bucket) ?? 0) + (sign * n * scale) / norm);
    }
  }
  const indices = Uint32Array.from([...summed.keys()].sort((a, b) => a - b));
  const values = Float64Array.from(indices, (i) => summed.get(i) as number);
  return { indices, values };
}
