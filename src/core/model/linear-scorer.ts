// Prediction's hot path: the logits of every signal for one statement, straight from the hashes
// of its features, without building its sparse vector. The vector's value for a feature is
// sign·count·scale/‖family‖ (hashed-features.ts); a dot product is linear in the counts, so each
// family's dot product is summed over feature occurrences and scaled once its norm is known.
//
// Three things make it cheap, each measured on the benchmark corpus:
// - Per word, its character n-grams (most of a statement's features) are hashed and looked up
//   once and cached: their hashes, and their signed weights summed per signal. A statement then
//   adds one row of sums per word instead of one per n-gram.
// - The norm needs the count of each distinct feature. Character n-grams get dense ids when their
//   word is cached and are counted in plain arrays by id; the few word and bigram features go to
//   an open-addressing table with generation stamps. Neither allocates (a JS Map per statement
//   was most of the cost), and the n-grams, most of the features, are neither hashed nor probed.
// - Which buckets carry weights is a bit set with a rank directory (Jacobson 1989): 2^18 buckets
//   take 64 KB that stay in cache, where a bucket → row table took 1 MB and a miss per feature.
//   Rows are in bucket order, so a bucket's row is its rank. Weights are single precision, at a
//   relative error (6·10⁻⁸) far below the model file's resolution (10⁻⁴).
import { INTERN_LIMIT } from '../text/tokenize.js';
import { type Lang, SIGNALS } from '../types.js';
import {
  bigramHashAfter,
  bigramPrefix,
  emitCharGramHashes,
  endBigramHash,
  FAMILY_BIGRAMS,
  FAMILY_CHARS,
  FAMILY_COUNT,
  FAMILY_LANGUAGE,
  FAMILY_WORDS,
  featureWord,
  languageHash,
  unigramHash,
} from './hashed-features.js';
import type { LinearModelData } from './model-body.js';

/**
 * The logits of a statement, in SIGNALS order. The array is reused by the next call: read it
 * first. With `below`, a statement whose every logit is surely below it gets upper bounds
 * instead (each below `below`), without the costliest part of the work: for a caller that only
 * asks which logits reach a threshold. `ignore` (bits by SIGNALS index) names signals the caller
 * does not need: with `below`, their logits do not keep a statement from being settled by the
 * bound, and are then given as −∞.
 */
export type LinearScorer = (
  words: readonly string[],
  lang: Lang,
  below?: number,
  ids?: readonly number[],
  ignore?: number,
) => Float64Array;

/** Set bits of a 32-bit word (Hacker's Delight, 5-2). */
function popcount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

// A cached word, by its index e in flat arrays (one object per word was a pointer chase per word
// per statement, and on two threads sharing a core's caches that showed): the dense id of its
// unigram (see idOf), the hash state a bigram starting with it continues from, its unigram's
// sign·weights and the sum of its character n-grams' sign·weights per signal (2·width numbers
// from e·2·width), and the dense ids of its n-grams, in order, repeats included
// (chars[charFrom[e] … charFrom[e + 1])).
/** Distinct words cached; past this the cache starts again (memory stays bounded). */
const WORD_CACHE_LIMIT = 100_000;
const START_PREFIX = bigramPrefix('^');

export function createLinearScorer(
  data: LinearModelData,
  options: { wordCacheLimit?: number } = {},
): LinearScorer {
  const wordCacheLimit = options.wordCacheLimit ?? WORD_CACHE_LIMIT;
  const width = SIGNALS.length;
  const bits = new Uint32Array(Math.max(1, data.buckets >>> 5));
  const rank = new Int32Array(bits.length);
  // Each bucket's row padded to 16 weights (64 bytes), so that every row has the same offset in
  // its cache line (a large array is mapped fresh, at a fixed offset from a page) and one fetch
  // brings it: packed at 40 bytes, six rows in ten straddled two lines. A statement's bigram rows
  // are misses the model cannot avoid, one per word; measured 3–4% faster on the whole path.
  const stride = 16;
  const weights = new Float32Array(data.indices.length * stride);
  data.indices.forEach((bucket, k) => {
    bits[bucket >>> 5] = (bits[bucket >>> 5] as number) | (1 << (bucket & 31));
    SIGNALS.forEach((signal, s) => {
      weights[k * stride + s] = data.signals[signal].values[k] as number;
    });
  });
  for (let word = 1, total = 0; word < bits.length; word++) {
    total += popcount(bits[word - 1] as number);
    rank[word] = total;
  }
  const biases = Float64Array.from(SIGNALS, (signal) => data.signals[signal].bias);
  const mask = data.buckets - 1;

  /** Row of a feature hash's bucket, or −1 when the model has no weight there. */
  function rowOf(hash: number): number {
    const bucket = hash & mask;
    const word = bits[bucket >>> 5] as number;
    const bit = 1 << (bucket & 31);
    if ((word & bit) === 0) return -1;
    return (rank[bucket >>> 5] as number) + popcount(word & (bit - 1));
  }

  /** Adds sign·weights of a feature hash to `into` at `at`. */
  function addWeights(hash: number, into: Float64Array, at: number): void {
    const r = rowOf(hash);
    if (r < 0) return;
    const from = r * stride;
    if (hash >>> 31 === 1)
      for (let s = 0; s < width; s++) into[at + s] = (into[at + s] as number) - (weights[from + s] as number);
    else
      for (let s = 0; s < width; s++) into[at + s] = (into[at + s] as number) + (weights[from + s] as number);
  }

  // A word's unigram and character n-grams are only counted per statement (their weights are
  // summed per word), so each distinct feature hash gets a dense id when its word is first
  // cached, one id space per family, and a statement counts them in plain arrays indexed by id:
  // no hashing or probing per occurrence.
  let wordIds = new Map<number, number>();
  let charIds = new Map<number, number>();
  let nextId = 0;
  // Per dense id, [stamp, count] side by side: one cache line for both.
  let idState = new Uint32Array(2 << 16);
  function idOf(ids: Map<number, number>, hash: number): number {
    const known = ids.get(hash);
    if (known !== undefined) return known;
    const id = nextId++;
    ids.set(hash, id);
    if (2 * id >= idState.length) {
      const state = new Uint32Array(idState.length * 2);
      state.set(idState);
      idState = state;
    }
    return id;
  }

  let cache = new Map<string, number>();
  // The entries by the words' intern ids (TokenList.ids), each beside its word, which an id names
  // only while the tokenizer's table does not start again: an array lookup and a pointer
  // comparison per word where the map (and featureWord) cost a hash lookup and a scan.
  let idWords: Array<string | undefined> = [];
  let idEntries = new Int32Array(0);
  let entries = 0;
  // Each entry's feature word, which bigrams hash.
  let entryWords: string[] = [];
  let wordUnigram = new Int32Array(1024);
  let wordPrefix = new Int32Array(1024);
  let wordWeights = new Float64Array(1024 * 2 * width);
  let charFrom = new Int32Array(1025);
  let chars = new Int32Array(1024 * 16);
  const gathered: number[] = [];
  const gather = (hash: number) => {
    gathered.push(hash);
  };
  function growEntries(): void {
    const size = wordUnigram.length * 2;
    const unigrams = new Int32Array(size);
    unigrams.set(wordUnigram);
    wordUnigram = unigrams;
    const prefixes = new Int32Array(size);
    prefixes.set(wordPrefix);
    wordPrefix = prefixes;
    const weightRows = new Float64Array(size * 2 * width);
    weightRows.set(wordWeights);
    wordWeights = weightRows;
    const from = new Int32Array(size + 1);
    from.set(charFrom);
    charFrom = from;
  }
  function entryOf(word: string): number {
    const known = cache.get(word);
    if (known !== undefined) return known;
    gathered.length = 0;
    emitCharGramHashes(word, gather);
    const e = entries++;
    if (e >= wordUnigram.length) growEntries();
    const at = charFrom[e] as number;
    if (at + gathered.length > chars.length) {
      const more = new Int32Array(Math.max(chars.length * 2, at + gathered.length));
      more.set(chars);
      chars = more;
    }
    const row = e * 2 * width;
    wordWeights.fill(0, row, row + 2 * width);
    for (let k = 0; k < gathered.length; k++) {
      const hash = gathered[k] as number;
      addWeights(hash, wordWeights, row + width);
      chars[at + k] = idOf(charIds, hash);
    }
    charFrom[e + 1] = at + gathered.length;
    const unigram = unigramHash(word);
    addWeights(unigram, wordWeights, row);
    wordUnigram[e] = idOf(wordIds, unigram);
    wordPrefix[e] = bigramPrefix(word);
    entryWords[e] = word;
    cache.set(word, e);
    return e;
  }

  /** The entry of the statement's word w, by its intern id when there is one. */
  function entryAt(words: readonly string[], w: number, ids: readonly number[] | undefined): number {
    const norm = words[w] as string;
    const id = ids?.[w];
    if (id === undefined) return entryOf(featureWord(norm));
    if (idWords.length === 0) {
      idWords = new Array<string | undefined>(INTERN_LIMIT).fill(undefined);
      idEntries = new Int32Array(INTERN_LIMIT);
    }
    if (idWords[id] === norm) return idEntries[id] as number;
    const e = entryOf(featureWord(norm));
    idWords[id] = norm;
    idEntries[id] = e;
    return e;
  }

  // Distinct features of the current statement: key = hash, tagged with its family.
  let capacity = 1024;
  let keys = new Int32Array(capacity);
  let families = new Uint8Array(capacity);
  let counts = new Int32Array(capacity);
  let stamps = new Uint32Array(capacity);
  let stamp = 0;
  let size = 0;
  const squares = new Float64Array(FAMILY_COUNT);
  const sums = new Float64Array(FAMILY_COUNT * width);
  const z = new Float64Array(width);

  /** Counts one more occurrence of a feature; returns how many there were before. */
  function insert(family: number, hash: number, count: number): number {
    let slot = Math.imul(hash ^ (family << 29), 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= capacity - 1;
      if (stamps[slot] !== stamp) {
        stamps[slot] = stamp;
        keys[slot] = hash;
        families[slot] = family;
        counts[slot] = count;
        size++;
        return 0;
      }
      if (keys[slot] === hash && families[slot] === family) {
        const before = counts[slot] as number;
        counts[slot] = before + count;
        return before;
      }
      slot++;
    }
  }

  function grow(): void {
    const old = { keys, families, counts, stamps, capacity };
    capacity *= 2;
    keys = new Int32Array(capacity);
    families = new Uint8Array(capacity);
    counts = new Int32Array(capacity);
    stamps = new Uint32Array(capacity);
    size = 0;
    for (let i = 0; i < old.capacity; i++) {
      if (old.stamps[i] === stamp)
        insert(old.families[i] as number, old.keys[i] as number, old.counts[i] as number);
    }
  }

  /** Counts a feature for its family's norm: (c+1)² − c² = 2c + 1. */
  function count(family: number, hash: number): void {
    if (size * 2 >= capacity) grow();
    const before = insert(family, hash | 0, 1);
    squares[family] = (squares[family] as number) + 2 * before + 1;
  }

  function feature(family: number, hash: number): void {
    count(family, hash);
    addWeights(hash, sums, family * width);
  }

  // The entries of the current statement's words, in order (the second pass reads them).
  let statementEntries = new Int32Array(256);

  return (words, lang, below, ids, ignore = 0) => {
    if (cache.size + words.length > wordCacheLimit) {
      // Ids are only meaningful with the words that hold them: all start again together, and
      // between statements, never within one (no stamp then equals the current statement's).
      cache = new Map();
      wordIds = new Map();
      charIds = new Map();
      nextId = 0;
      entries = 0;
      entryWords = [];
      if (idWords.length > 0) idWords.fill(undefined);
    }
    stamp = stamp === 0xffffffff ? 1 : stamp + 1;
    if (stamp === 1) {
      stamps.fill(0);
      idState.fill(0);
    }
    size = 0;
    squares.fill(0);
    sums.fill(0);
    if (statementEntries.length < words.length) statementEntries = new Int32Array(words.length * 2);
    let previous = '^';
    let prefix = START_PREFIX;
    let wordSquares = 0;
    // How many character n-grams the statement has, repeats included.
    let grams = 0;
    const charsAt = FAMILY_CHARS * width;
    const wordsAt = FAMILY_WORDS * width;
    for (let w = 0; w < words.length; w++) {
      const e = entryAt(words, w, ids);
      const word = entryWords[e] as string;
      statementEntries[w] = e;
      // Taken after entryOf, which may have grown them.
      const state = idState;
      const rows = wordWeights;
      const unigram = 2 * (wordUnigram[e] as number);
      if (state[unigram] !== stamp) {
        state[unigram] = stamp;
        state[unigram + 1] = 1;
        wordSquares += 1;
      } else {
        const before = state[unigram + 1] as number;
        state[unigram + 1] = before + 1;
        wordSquares += 2 * before + 1;
      }
      const row = e * 2 * width;
      for (let s = 0; s < width; s++) {
        sums[wordsAt + s] = (sums[wordsAt + s] as number) + (rows[row + s] as number);
        sums[charsAt + s] = (sums[charsAt + s] as number) + (rows[row + width + s] as number);
      }
      feature(FAMILY_BIGRAMS, bigramHashAfter(prefix, word));
      previous = word;
      prefix = wordPrefix[e] as number;
      grams += (charFrom[e + 1] as number) - (charFrom[e] as number);
    }
    if (words.length > 0) feature(FAMILY_BIGRAMS, endBigramHash(previous));
    feature(FAMILY_LANGUAGE, languageHash(lang));
    squares[FAMILY_WORDS] = wordSquares;
    let present = 0;
    for (let f = 0; f < FAMILY_COUNT; f++)
      if ((squares[f] as number) > 0 || (f === FAMILY_CHARS && grams > 0)) present++;
    const scale = 1 / Math.sqrt(present);
    if (below !== undefined && grams > 0 && boundedBelow(below, scale, grams, ignore)) return z;
    // The character n-grams' norm needs the count of each distinct n-gram: a second pass.
    let charSquares = 0;
    const state = idState;
    for (let w = 0; w < words.length; w++) {
      const e = statementEntries[w] as number;
      const last = charFrom[e + 1] as number;
      for (let k = charFrom[e] as number; k < last; k++) {
        const id = 2 * (chars[k] as number);
        if (state[id] !== stamp) {
          state[id] = stamp;
          state[id + 1] = 1;
          charSquares += 1;
        } else {
          const before = state[id + 1] as number;
          state[id + 1] = before + 1;
          charSquares += 2 * before + 1;
        }
      }
    }
    squares[FAMILY_CHARS] = charSquares;
    z.set(biases);
    for (let f = 0; f < FAMILY_COUNT; f++) {
      const sq = squares[f] as number;
      if (sq === 0) continue;
      const factor = scale / Math.sqrt(sq);
      for (let s = 0; s < width; s++) z[s] = (z[s] as number) + (sums[f * width + s] as number) * factor;
    }
    return z;
  };

  /**
   * Whether every logit is surely below `below` whatever the character n-grams' norm: that norm
   * squared, Σ count², lies between the number of n-grams N (all distinct) and N² (all one), so
   * a family sum c contributes at most c·scale/√N when positive and c·scale/N when negative.
   * When so, z holds those upper bounds (−∞ for the signals in `ignore`) and the counting pass is
   * skipped.
   */
  function boundedBelow(below: number, scale: number, grams: number, ignore: number): boolean {
    const high = scale / Math.sqrt(grams);
    const low = scale / grams;
    for (let s = 0; s < width; s++) {
      if ((ignore & (1 << s)) !== 0) {
        z[s] = Number.NEGATIVE_INFINITY;
        continue;
      }
      let bound = biases[s] as number;
      for (let f = 0; f < FAMILY_COUNT; f++) {
        if (f === FAMILY_CHARS) continue;
        const sq = squares[f] as number;
        if (sq > 0) bound += ((sums[f * width + s] as number) * scale) / Math.sqrt(sq);
      }
      const c = sums[FAMILY_CHARS * width + s] as number;
      bound += c * (c > 0 ? high : low);
      // A margin far above rounding, so that a logit at the threshold is always computed.
      if (bound >= below - 1e-9) return false;
      z[s] = bound;
    }
    return true;
  }
}
