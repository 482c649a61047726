// MinHash signatures over word shingles (Broder 1997, "On the resemblance and containment of
// documents") and the banding of a signature into LSH keys (Indyk & Motwani 1998; the banding
// scheme as in Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3). Everything is
// 32-bit integer arithmetic on typed arrays: signing a million statements must take seconds and
// allocate little.
//
// The i-th hash function is fmix32(h1 + i·h2) over a shingle's two base hashes (Kirsch &
// Mitzenmacher 2006 double hashing), finished with MurmurHash3's avalanche so that neighbouring
// i give independent-looking orders.

export interface MinHashOptions {
  /** Words per shingle. Three words keep sentence-level near duplicates apart from topic overlap. */
  shingleSize: number;
  /** Hash functions in a signature; must equal bands × rows when the signature is banded. */
  numHashes: number;
  /** Seed of the hash family: signatures compare only under the same seed. */
  seed: number;
}

export const DEFAULT_MINHASH: MinHashOptions = { shingleSize: 3, numHashes: 40, seed: 0x5eed };

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cased words (letters and digits; an apostrophe inside a word stays in it). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** MurmurHash3's 32-bit finaliser. */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over UTF-16 code units, seeded. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * The hash of every k-word shingle of `tokens`, two independent hashes per shingle (for double
 * hashing). A text shorter than k words is one shingle of all its words; an empty text has none.
 */
export function shingleHashes(
  tokens: readonly string[],
  shingleSize: number,
  seed: number,
): [Uint32Array, Uint32Array] {
  if (tokens.length === 0) return [new Uint32Array(0), new Uint32Array(0)];
  const k = Math.min(shingleSize, tokens.length);
  const count = tokens.length - k + 1;
  const tokenHashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) tokenHashes[i] = hashString(tokens[i]!, seed);
  const first = new Uint32Array(count);
  const second = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let a = seed ^ 0x9e3779b9;
    let b = seed ^ 0x7f4a7c15;
    for (let j = 0; j < k; j++) {
      const t = tokenHashes[i + j]!;
      a = fmix32(Math.imul(a, 31) + t);
      b = fmix32(Math.imul(b ^ t, 0x2545f491) + j);
    }
    first[i] = a;
    // An even second hash would cycle through half the family; force it odd.
    second[i] = (b | 1) >>> 0;
  }
  return [first, second];
}

/**
 * The MinHash signature of a text: for each of the `numHashes` hash functions, the least hash
 * over the text's shingles. Two signatures agree at a position with probability equal to the
 * Jaccard similarity of the two shingle sets. An empty text gets all-0xffffffff.
 */
export function minhashSignature(text: string, options: MinHashOptions = DEFAULT_MINHASH): Uint32Array {
  return signatureOfTokens(wordTokens(text), options);
}

export function signatureOfTokens(
  tokens: readonly string[],
  options: MinHashOptions = DEFAULT_MINHASH,
): Uint32Array {
  const signature = new Uint32Array(options.numHashes).fill(0xffffffff);
  const [first, second] = shingleHashes(tokens, options.shingleSize, options.seed);
  for (let s = 0; s < first.length; s++) {
    const h1 = first[s]!;
    const h2 = second[s]!;
    for (let i = 0; i < options.numHashes; i++) {
      const h = fmix32(h1 + Math.imul(i, h2));
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length)
    throw new RangeError(`signatures of different lengths: ${a.length} and ${b.length}`);
  if (a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The exact Jaccard similarity of two texts' k-word shingle sets (for checks and small inputs). */
export function shingleJaccard(a: string, b: string, shingleSize = DEFAULT_MINHASH.shingleSize): number {
  const setA = shingleSet(wordTokens(a), shingleSize);
  const setB = shingleSet(wordTokens(b), shingleSize);
  if (setA.size === 0 && setB.size === 0) return 1;
  let shared = 0;
  for (const shingle of setA) if (setB.has(shingle)) shared++;
  return shared / (setA.size + setB.size - shared);
}

function shingleSet(tokens: readonly string[], shingleSize: number): Set<string> {
  const set = new Set<string>();
  if (tokens.length === 0) return set;
  const k = Math.min(shingleSize, tokens.length);
  for (let i = 0; i + k <= tokens.length; i++) set.add(tokens.slice(i, i + k).join(' '));
  return set;
}

/**
 * Cuts a signature into `bands` bands of `rows` rows and hashes each band to a 64-bit key, given
 * as two 32-bit halves in `out` (hi at 2b, lo at 2b+1). Two texts share a band key with
 * probability 1 − (1 − J^rows)^bands: an S-curve with its threshold near (1/bands)^(1/rows).
 * `salt` separates key spaces (we salt with the language, so only same-language texts collide).
 */
export function bandKeys(
  signature: Uint32Array,
  bands: number,
  rows: number,
  salt: number,
  out: Uint32Array,
): void {
  if (bands * rows > signature.length) {
    throw new RangeError(`bands × rows = ${bands * rows} exceeds the signature length ${signature.length}`);
  }
  for (let b = 0; b < bands; b++) {
    let hi = fmix32(salt ^ Math.imul(b + 1, 0x9e3779b1));
    let lo = fmix32((salt + 0x632be5ab) ^ Math.imul(b + 1, 0x85ebca77));
    for (let r = 0; r < rows; r++) {
      const v = signature[b * rows + r]!;
      hi = fmix32(Math.imul(hi, 31) + v);
      lo = fmix32(Math.imul(lo ^ v, 0x2545f491) + r);
    }
    out[2 * b] = hi;
    out[2 * b + 1] = lo;
  }
}

/** The probability that two texts of Jaccard similarity `j` share at least one band key. */
export function collisionProbability(j: number, bands: number, rows: number): number {
  return 1 - (1 - j ** rows) ** bands;
}
