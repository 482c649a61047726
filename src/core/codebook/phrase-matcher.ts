// One matcher for every phrase of the codebook (signal rules, exclusions, actor aliases,
// negators, reporting verbs, stance cues). Each distinct term gets an id; a word of a statement
// is looked up once — an exact-word map plus a character trie of glob prefixes, in the manner of
// an Aho–Corasick goto function restricted to word starts — and the result is cached by word. A
// phrase is looked at only in a statement holding its rarest word, so the cost per statement
// grows with its words and the phrases keyed by them, not with the size of the codebook.

import { sortSmall } from '../sort-small.js';
import { INTERN_LIMIT, type TokenList } from '../text/tokenize.js';
import { type Phrase, phraseKey } from './pattern.js';

export interface Occurrence {
  readonly phrase: number;
  /** Token indices: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Indices of the tokens the pattern's words matched (gap words excluded). */
  readonly matched: readonly number[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  prefixTerms: number[];
}

type CompiledSlot =
  | { kind: 'word'; terms: ReadonlySet<number>; isOptional: boolean }
  | { kind: 'gap'; max: number };

export interface PhraseMatcher {
  /** Phrase id of a phrase (the same id for the same phrase added twice). */
  add(phrase: Phrase): number;
  readonly phraseCount: number;
  phrase(id: number): Phrase;
  /** Every occurrence of every phrase in the tokens, ordered by start. */
  /**
   * `gate`, when given, marks term ids (by index) at least one of which must occur for the
   * statement to be worth matching at all; without one nothing is matched.
   */
  find(tokens: TokenList, gate?: Uint8Array): Occurrence[];
  /**
   * Marks a phrase as found on demand: `find` leaves it out, and `occurrencesOf` finds it in the
   * statement `find` was last given. For phrases that matter only once something else has
   * occurred (a proximity rule's second part, a rule's `require` and `unless`).
   */
  defer(phrase: number): void;
  /** Whether a phrase is found on demand (see defer). */
  isDeferred(phrase: number): boolean;
  /**
   * Every occurrence of a phrase, by start, in the statement `find` was last given (whether or
   * not the phrase is deferred; [] when the gate closed that statement and anyOccurs has not
   * opened it since).
   */
  occurrencesOf(phrase: number): readonly Occurrence[];
  /**
   * Whether any phrase, deferred ones included, occurs in the statement `find` was last given,
   * whether or not it passed the gate.
   */
  anyOccurs(): boolean;
  /**
   * Term ids of the phrase's key word, the rarest of its required words as the matcher judges
   * them once every phrase is known (see chooseKeys): a statement holding none of them cannot
   * match it. Asking packs the matcher's tables: add every phrase first.
   */
  requiredTerms(phrase: number): readonly number[];
  /**
   * How common a phrase's key word is likely to be (its terms' uses by every phrase, scaled up
   * for short words; see chooseKeys): for choosing which of several phrases to look for first.
   */
  keyCost(phrase: number): number;
  /** Term ids of the phrase's longest required word (none when it has no required word). */
  longestTerms(phrase: number): readonly number[];
  /**
   * Whether a word of the statement `find` was last given has a term marked in `gate` (a gate
   * other than the one find was given).
   */
  lastHas(gate: Uint8Array): boolean;
  readonly termCount: number;
  /** Term ids a folded word matches (for explanations and tests). */
  termsOf(norm: string): readonly number[];
  /**
   * The matcher's tables as plain data (maps, sets, arrays and typed arrays, no functions), packed
   * first: what createPhraseMatcher(snapshot) restores, for a cache that keeps a compiled
   * codebook between runs (structured clone, v8.serialize).
   */
  snapshot(): MatcherSnapshot;
}

/**
 * Everything a matcher knows once its phrases are added and its tables packed (see the fields of
 * the same names in createPhraseMatcher). Opaque to callers: made by snapshot(), read back only by
 * createPhraseMatcher, by a program of the same version (the codebook cache's key says so).
 */
export interface MatcherSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly termIds: Map<string, number>;
  readonly exact: Map<string, number[]>;
  readonly root: TrieNode;
  readonly phrases: Phrase[];
  readonly compiled: CompiledSlot[][];
  readonly requiredSlots: Array<readonly number[]>;
  readonly slotRarities: Array<readonly number[]>;
  readonly longestOf: Array<readonly number[]>;
  readonly anchors: number[];
  readonly anchorTerms: Array<ReadonlySet<number>>;
  readonly isSingleWord: boolean[];
  readonly deferred: boolean[];
  readonly byKeyTerm: Array<number[] | undefined>;
  readonly requiredOf: Array<readonly number[]>;
  readonly filters: Int32Array[];
  readonly classIds: Map<string, number>;
  readonly classTerms: Int32Array[];
  readonly keyFrom: Int32Array;
  readonly keyList: Int32Array;
  readonly allKeyFrom: Int32Array;
  readonly allKeyList: Int32Array;
  readonly singleWord: Uint8Array<ArrayBuffer>;
  readonly filterFrom: Int32Array;
  readonly filterList: Int32Array;
  readonly classFrom: Int32Array;
  readonly classList: Int32Array;
  readonly anchorFrom: Int32Array;
  readonly anchorList: Int32Array;
}

const SNAPSHOT_FORMAT = 'overture-phrase-matcher/1';

const NO_TERMS: readonly number[] = [];

function growTo(buffer: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(buffer);
  return next;
}
const CACHE_LIMIT = 200_000;
/** Token positions whose one-word occurrences are shared (statements rarely run longer; at most
 * phrases × 64 small objects, a few MB in practice). */
const SHARED_POSITIONS = 64;

// `matched` of a one-word occurrence at token i: one frozen array per index, shared by every
// statement (occurrences are read, never changed), so the commonest match allocates nothing.
const SINGLES: Array<readonly number[]> = [];
function single(i: number): readonly number[] {
  for (let k = SINGLES.length; k <= i; k++) SINGLES.push(Object.freeze([k]));
  return SINGLES[i] as readonly number[];
}

/** A matcher with no phrases, or the one a snapshot was taken of (see PhraseMatcher.snapshot). */
export function createPhraseMatcher(from?: MatcherSnapshot): PhraseMatcher {
  if (from !== undefined && from.format !== SNAPSHOT_FORMAT)
    throw new Error(`not a phrase matcher snapshot (expected format ${SNAPSHOT_FORMAT})`);
  const termIds = from?.termIds ?? new Map<string, number>();
  const exact = from?.exact ?? new Map<string, number[]>();
  const root: TrieNode = from?.root ?? { children: new Map(), prefixTerms: [] };
  const phrases: Phrase[] = from?.phrases ?? [];
  const compiled: CompiledSlot[][] = from?.compiled ?? [];
  // Phrase ids by phraseKey, for add; rebuilt on the first add after a restore (a restored
  // matcher is rarely added to, and the keys are a tenth of a snapshot).
  let phraseIds: Map<string, number> | null = from === undefined ? new Map() : null;
  // Phrases by the term id of their key word, the rarest required word anywhere in the phrase
  // (an array: term ids are dense small integers). A phrase is looked at only in a statement that
  // holds its key word and, after one stamp lookup per slot, every other required word, so the
  // cost per statement follows the rare words it holds, not the common ones ("talks", «не»).
  // Chosen when the tables are packed, when every phrase is known (see chooseKeys).
  let byKeyTerm: Array<number[] | undefined> = [];
  // Per phrase, the terms of its key word (none when it has no required word).
  let requiredOf: Array<readonly number[]> = [];
  // Per phrase, its required words (slot indices, longest first) and each slot's length rank.
  const requiredSlots: Array<readonly number[]> = from?.requiredSlots ?? [];
  const slotRarities: Array<readonly number[]> = from?.slotRarities ?? [];
  // Per phrase, the terms of its longest required word (see longestTerms).
  const longestOf: Array<readonly number[]> = from?.longestOf ?? [];
  // Where a match is tried from: the rarest leading word (before any gap or optional word), whose
  // terms are anchorTerms; the words before it are checked backwards.
  const anchors: number[] = from?.anchors ?? [];
  const anchorTerms: Array<ReadonlySet<number>> = from?.anchorTerms ?? [];
  // Phrases of one required word and nothing else: matched by their anchor alone.
  const isSingleWord: boolean[] = from?.isSingleWord ?? [];
  // Phrases found only on demand (defer): left out of the key index find walks.
  const deferred: boolean[] = from?.deferred ?? [];
  // Per phrase, the word classes (distinct term sets: «$talks» in a hundred rules is one class)
  // of each required word other than the key, rarest first: a statement lacking any of them
  // cannot match, whatever the backtracking would try. Most phrases whose key word occurs fail
  // here. Whether a class occurs is found once per statement, at its first question.
  let filters: Int32Array[] = [];
  let classIds = new Map<string, number>();
  let classTerms: Int32Array[] = [];
  let classHas: boolean[] = [];
  // The tables find reads, packed into flat typed arrays (offsets + items) on the first find
  // after an add: the lists above are one small object each, scattered over the heap, and a
  // statement touches a few hundred of them.
  let packed = false;
  let keyFrom: Int32Array = new Int32Array(1);
  let keyList: Int32Array = new Int32Array(0);
  // The same index with the deferred phrases (anyOccurs).
  let allKeyFrom: Int32Array = new Int32Array(1);
  let allKeyList: Int32Array = new Int32Array(0);
  let singleWord = new Uint8Array(0);
  let filterFrom: Int32Array = new Int32Array(1);
  let filterList: Int32Array = new Int32Array(0);
  let classFrom: Int32Array = new Int32Array(1);
  let classList: Int32Array = new Int32Array(0);
  let classSeen = new Int32Array(0);
  // Each phrase's anchor terms, flat: a small list is scanned, a long one asked of its set.
  let anchorFrom: Int32Array = new Int32Array(1);
  let anchorList: Int32Array = new Int32Array(0);

  function flatten(
    lists: ReadonlyArray<ArrayLike<number> | undefined>,
    count: number,
  ): [Int32Array, Int32Array] {
    const from = new Int32Array(count + 1);
    for (let k = 0; k < count; k++) from[k + 1] = (from[k] as number) + (lists[k]?.length ?? 0);
    const items = new Int32Array(from[count] as number);
    for (let k = 0; k < count; k++) {
      const list = lists[k];
      if (list !== undefined) items.set(Array.from(list), from[k] as number);
    }
    return [from, items];
  }

  /** How many phrases (deferred ones too, or not) use each term in a required word. */
  function termUsage(withDeferred: boolean): Int32Array {
    const usage = new Int32Array(termIds.size);
    // The phrase that last counted a term: each phrase counts a term once.
    const countedBy = new Int32Array(termIds.size).fill(-1);
    for (let p = 0; p < phrases.length; p++) {
      if (!withDeferred && deferred[p] === true) continue;
      for (const k of requiredSlots[p] as readonly number[]) {
        const slot = compiled[p]?.[k];
        if (slot?.kind !== 'word') continue;
        for (const t of slot.terms) {
          if (countedBy[t] === p) continue;
          countedBy[t] = p;
          usage[t] = (usage[t] as number) + 1;
        }
      }
    }
    return usage;
  }

  /** The cost of word k of phrase p as a key: its terms' uses, scaled up for short words. */
  function slotCost(usage: Int32Array, p: number, k: number): number {
    const slot = compiled[p]?.[k];
    let used = 5;
    if (slot?.kind === 'word') for (const t of slot.terms) used += usage[t] as number;
    const length = slotRarities[p]?.[k] ?? 0;
    return used * (length <= 2 ? 1000 : length <= 3 ? 30 : length <= 4 ? 5 : 1);
  }

  let allUsage: Int32Array | null = null;
  let allUsagePhrases = -1;
  function keyCost(p: number): number {
    if (allUsage === null || allUsagePhrases !== phrases.length) {
      allUsage = termUsage(true);
      allUsagePhrases = phrases.length;
    }
    let least = Number.POSITIVE_INFINITY;
    for (const k of requiredSlots[p] ?? []) least = Math.min(least, slotCost(allUsage, p, k));
    return least;
  }

  /**
   * Picks each phrase's key word and orders its other required words, cheapest first. A word's
   * cost is how many phrases use its terms (a word the codebook uses everywhere, "talks» or
   * «переговор*», is a word the texts it reads use everywhere too), scaled up for short terms
   * (2 letters: "to", «не»; 3: "the", «для»; 4: a short prefix such as «пере*»), which are common
   * in any text whatever the codebook says. On the benchmark corpus this halves the phrases
   * looked at per statement against the longest word, and cuts them by a third on real speech.
   */
  function chooseKeys(): void {
    const usage = termUsage(false);
    const costOf = (p: number, k: number) => slotCost(usage, p, k);
    byKeyTerm = [];
    requiredOf = [];
    filters = [];
    classIds = new Map();
    classTerms = [];
    for (let p = 0; p < phrases.length; p++) {
      const slots = compiled[p] as CompiledSlot[];
      const required = requiredSlots[p] as readonly number[];
      // Cheapest first; among equals, the longer word, then the earlier one (the stable sort
      // keeps required's order, longest first).
      const costs = required.map((k) => costOf(p, k));
      const ranked = required.map((_, r) => r);
      sortSmall(ranked, (x, y) => (costs[x] as number) - (costs[y] as number));
      for (let r = 0; r < ranked.length; r++) ranked[r] = required[ranked[r] as number] as number;
      const keyWord = ranked[0] ?? (anchors[p] as number);
      filters.push(
        Int32Array.from(
          ranked
            .filter((k) => k !== keyWord)
            .map((k) => {
              const slot = slots[k];
              const terms = [...(slot?.kind === 'word' ? slot.terms : [])].sort((x, y) => x - y);
              const classKey = terms.join(',');
              let cls = classIds.get(classKey);
              if (cls === undefined) {
                cls = classTerms.length;
                classIds.set(classKey, cls);
                classTerms.push(Int32Array.from(terms));
              }
              return cls;
            }),
        ),
      );
      const keySlot = slots[keyWord];
      requiredOf.push(required.length > 0 && keySlot?.kind === 'word' ? [...keySlot.terms] : NO_TERMS);
      if (keySlot?.kind === 'word') {
        for (const t of keySlot.terms) {
          while (byKeyTerm.length <= t) byKeyTerm.push(undefined);
          const list = byKeyTerm[t] ?? [];
          list.push(p);
          byKeyTerm[t] = list;
        }
      }
    }
  }

  function pack(): void {
    chooseKeys();
    [keyFrom, keyList] = flatten(
      byKeyTerm.map((list) => list?.filter((p) => deferred[p] !== true)),
      termIds.size,
    );
    [allKeyFrom, allKeyList] = flatten(byKeyTerm, termIds.size);
    [filterFrom, filterList] = flatten(filters, phrases.length);
    [classFrom, classList] = flatten(classTerms, classTerms.length);
    [anchorFrom, anchorList] = flatten(
      anchorTerms.map((terms) => [...terms]),
      phrases.length,
    );
    singleWord = Uint8Array.from(isSingleWord, (single) => (single ? 1 : 0));
    sizeScratch();
  }

  /** The per-statement stamps and answers, one per phrase and word class: empty, packed tables. */
  function sizeScratch(): void {
    classHas = new Array(classTerms.length).fill(false);
    classSeen = new Int32Array(classTerms.length);
    seenStamp = new Int32Array(phrases.length);
    seenInStatement = new Int32Array(phrases.length);
    onDemandStamp = new Int32Array(phrases.length);
    onDemand = new Array(phrases.length);
    packed = true;
  }

  function snapshot(): MatcherSnapshot {
    if (!packed) pack();
    return {
      format: SNAPSHOT_FORMAT,
      termIds,
      exact,
      root,
      phrases,
      compiled,
      requiredSlots,
      slotRarities,
      longestOf,
      anchors,
      anchorTerms,
      isSingleWord,
      deferred,
      byKeyTerm,
      requiredOf,
      filters,
      classIds,
      classTerms,
      keyFrom,
      keyList,
      allKeyFrom,
      allKeyList,
      singleWord,
      filterFrom,
      filterList,
      classFrom,
      classList,
      anchorFrom,
      anchorList,
    };
  }
  let present = new Int32Array(0);
  let presentStamp = 0;
  // Per phrase, the token (stamp) or statement (statementStamp) it was last looked at for.
  let seenStamp = new Int32Array(0);
  let stamp = 0;
  let seenInStatement = new Int32Array(0);
  let statementStamp = 0;
  // Whether the statement find was last given got past the gate (its term stamps are set).
  let statementOpen = false;
  // occurrencesOf's answers for the current statement, by phrase (valid where the stamp is).
  let onDemandStamp = new Int32Array(0);
  let onDemand: Array<readonly Occurrence[] | undefined> = [];
  let cache = new Map<string, readonly number[]>();
  // The same answers by the words' intern ids (TokenList.ids), each beside its word: an array
  // lookup and a pointer comparison per word where the map cost a hash lookup.
  let idWords: Array<string | undefined> = [];
  let idTerms: Array<readonly number[]> = [];
  let matched: Int32Array<ArrayBuffer> = new Int32Array(64);

  function termId(text: string, isPrefix: boolean): number {
    const key = isPrefix ? `${text}*` : text;
    const known = termIds.get(key);
    if (known !== undefined) return known;
    const id = termIds.size;
    termIds.set(key, id);
    if (isPrefix) {
      let node = root;
      for (const ch of text) {
        let next = node.children.get(ch);
        if (!next) {
          next = { children: new Map(), prefixTerms: [] };
          node.children.set(ch, next);
        }
        node = next;
      }
      node.prefixTerms.push(id);
    } else {
      const list = exact.get(text) ?? [];
      list.push(id);
      exact.set(text, list);
    }
    if (cache.size > 0) cache = new Map();
    if (idWords.length > 0) {
      idWords = [];
      idTerms = [];
    }
    return id;
  }

  /** termsOf the word at token i, by its intern id when the tokens have ids. */
  function termsAt(tokens: TokenList, i: number): readonly number[] {
    const norm = tokens.norms[i] as string;
    const id = tokens.ids?.[i];
    if (id === undefined) return termsOf(norm);
    if (idWords.length === 0) {
      // Filled whole once, so the arrays stay dense whatever order ids come in.
      idWords = new Array<string | undefined>(INTERN_LIMIT).fill(undefined);
      idTerms = new Array<readonly number[]>(INTERN_LIMIT).fill(NO_TERMS);
    }
    if (idWords[id] === norm) return idTerms[id] as readonly number[];
    const terms = termsOf(norm);
    idWords[id] = norm;
    idTerms[id] = terms;
    return terms;
  }

  function termsOf(norm: string): readonly number[] {
    const hit = cache.get(norm);
    if (hit !== undefined) return hit;
    let ids: number[] | null = null;
    const exactIds = exact.get(norm);
    if (exactIds) ids = [...exactIds];
    let node: TrieNode | undefined = root;
    for (let i = 0; i < norm.length && node; i++) {
      node = node.children.get(norm[i] as string);
      if (node && node.prefixTerms.length > 0) {
        ids ??= [];
        ids.push(...node.prefixTerms);
      }
    }
    const result = ids ?? NO_TERMS;
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(norm, result);
    return result;
  }

  function add(phrase: Phrase): number {
    if (phraseIds === null) phraseIds = new Map(phrases.map((known, id) => [phraseKey(known), id]));
    const key = phraseKey(phrase);
    const known = phraseIds.get(key);
    if (known !== undefined) return known;
    const id = phrases.length;
    phraseIds.set(key, id);
    packed = false;
    phrases.push(phrase);
    const slots: CompiledSlot[] = phrase.map((slot) =>
      slot.kind === 'gap'
        ? slot
        : {
            kind: 'word',
            terms: new Set(slot.terms.map((t) => termId(t.text, t.isPrefix))),
            isOptional: slot.isOptional,
          },
    );
    compiled.push(slots);
    isSingleWord.push(slots.length === 1 && slots[0]?.kind === 'word' && !slots[0].isOptional);
    deferred.push(false);
    // Words are ranked by how rare they are likely to be: the longest term of a word (an exact
    // word counts one more than a prefix of the same length), so that "the", «не» or «в» start
    // nothing. The anchor is the rarest leading word (before any gap or optional word).
    const rarities = phrase.map((slot) => {
      if (slot.kind !== 'word' || slot.isOptional) return -1;
      let least = Infinity;
      for (const t of slot.terms) least = Math.min(least, t.text.length + (t.isPrefix ? 0 : 1));
      return least;
    });
    const rarity = (k: number): number => rarities[k] ?? -1;
    let anchor = 0;
    let best = -1;
    for (let k = 0; k < phrase.length && rarity(k) >= 0; k++) {
      if (rarity(k) > best) {
        best = rarity(k);
        anchor = k;
      }
    }
    anchors.push(anchor);
    const anchorSlot = slots[anchor];
    anchorTerms.push(anchorSlot?.kind === 'word' ? anchorSlot.terms : new Set());
    const required = phrase
      .map((_, k) => k)
      .filter((k) => rarity(k) >= 0)
      .sort((x, y) => rarity(y) - rarity(x) || x - y);
    requiredSlots.push(required);
    slotRarities.push(rarities);
    const longestSlot = slots[required[0] ?? -1];
    longestOf.push(longestSlot?.kind === 'word' ? [...longestSlot.terms] : NO_TERMS);
    return id;
  }

  // One-word occurrences by phrase and token index, made once and shared by every statement that
  // has the phrase at that index (occurrences are read, never changed): a statement has about two
  // per token, and allocating them was much of the coder's garbage.
  const singleOccurrences: Array<Occurrence[] | undefined> = [];
  function singleOccurrence(p: number, i: number): Occurrence {
    if (i >= SHARED_POSITIONS) return { phrase: p, start: i, end: i + 1, matched: single(i) };
    let row = singleOccurrences[p];
    if (row === undefined) {
      row = [];
      singleOccurrences[p] = row;
    }
    let occurrence = row[i];
    if (occurrence === undefined) {
      occurrence = Object.freeze({ phrase: p, start: i, end: i + 1, matched: single(i) });
      row[i] = occurrence;
    }
    return occurrence;
  }

  // The statement being matched, shared by find and its helpers (no closures per statement).
  let tokTerms: Array<readonly number[]> = [];
  let breaks: readonly number[] = [];
  let n = 0;
  let currentTokens: TokenList | null = null;
  // The token indices the current attempt matched, as a stack: matched[0..depth).
  let depth = 0;

  function wordMatches(i: number, terms: ReadonlySet<number>): boolean {
    const ids = tokTerms[i] as readonly number[];
    for (let k = 0; k < ids.length; k++) if (terms.has(ids[k] as number)) return true;
    return false;
  }

  // Backtracking over slots; shortest gaps first. Returns the end token index or -1.
  function matchFrom(slots: CompiledSlot[], si: number, ti: number, afterGap: boolean): number {
    if (si === slots.length) return ti;
    const slot = slots[si] as CompiledSlot;
    if (slot.kind === 'gap') {
      // A gap may step over commas (Slavic syntax is full of them) but not a stronger boundary.
      for (let k = 0; k <= slot.max && ti + k <= n; k++) {
        if (k > 0 && (breaks[ti + k - 1] as number) >= 2) break;
        const end = matchFrom(slots, si + 1, ti + k, true);
        if (end >= 0) return end;
      }
      return -1;
    }
    const limit = afterGap ? 1 : 0;
    if (ti < n && (breaks[ti] as number) <= limit && wordMatches(ti, slot.terms)) {
      if (depth >= matched.length) matched = growTo(matched, depth * 2 + 8);
      matched[depth++] = ti;
      const end = matchFrom(slots, si + 1, ti + 1, false);
      if (end >= 0) return end;
      depth--;
    }
    return slot.isOptional ? matchFrom(slots, si + 1, ti, afterGap) : -1;
  }

  function find(tokens: TokenList, gate?: Uint8Array): Occurrence[] {
    n = tokens.count;
    breaks = tokens.breakBefore;
    if (tokTerms.length < n) tokTerms = new Array(n * 2);
    let open = gate === undefined;
    statementOpen = false;
    currentTokens = tokens;
    // The terms are marked present as they are found, also in a statement the gate closes
    // (anyOccurs may open it later: openStatement).
    if (!packed) pack();
    if (present.length < termIds.size || presentStamp === 0x7fffffff) {
      present = new Int32Array(Math.max(present.length, termIds.size * 2));
      presentStamp = 0;
    }
    presentStamp++;
    for (let i = 0; i < n; i++) {
      const ids = termsAt(tokens, i);
      tokTerms[i] = ids;
      for (let k = 0; k < ids.length; k++) {
        const term = ids[k] as number;
        present[term] = presentStamp;
        if (!open && gate?.[term] === 1) open = true;
      }
    }
    // A statement the gate closed is opened by anyOccurs if it is asked (openStatement).
    if (!open) return [];
    statementStamp++;
    statementOpen = true;
    // One-word matches are found in order (start, then term, then phrase); the few multi-word
    // ones are sorted apart and merged in, in the order a scan by anchor token would give.
    const out: Occurrence[] = [];
    multiCount = 0;
    let singles = 0;
    for (let i = 0; i < n; i++) {
      const ids = tokTerms[i] as readonly number[];
      if (ids.length === 0) continue;
      stamp++;
      for (let x = 0; x < ids.length; x++) {
        const term = ids[x] as number;
        const last = keyFrom[term + 1] as number;
        for (let c = keyFrom[term] as number; c < last; c++) {
          const p = keyList[c] as number;
          if (singleWord[p] === 1) {
            if (seenStamp[p] === stamp) continue;
            seenStamp[p] = stamp;
            out.push(singleOccurrence(p, i));
            singleRank[singles++] = x;
            continue;
          }
          if (seenInStatement[p] === statementStamp) continue;
          seenInStatement[p] = statementStamp;
          const lastFilter = filterFrom[p + 1] as number;
          let fits = true;
          for (let f = filterFrom[p] as number; f < lastFilter && fits; f++)
            fits = classOccurs(filterList[f] as number);
          if (fits) matchEverywhere(p, tokens);
        }
      }
    }
    return multiCount === 0 ? out : mergeMulti(out);
  }

  /**
   * Opens the statement find was last given after its gate closed it: find marked its terms
   * present already, whatever the gate said, so only its stamp is new.
   */
  function openStatement(): void {
    statementStamp++;
    statementOpen = true;
  }

  function lastHas(gate: Uint8Array): boolean {
    if (currentTokens === null) return false;
    for (let i = 0; i < n; i++) {
      const ids = tokTerms[i] as readonly number[];
      for (let k = 0; k < ids.length; k++) if (gate[ids[k] as number] === 1) return true;
    }
    return false;
  }

  function classOccurs(cls: number): boolean {
    if (classSeen[cls] === statementStamp) return classHas[cls] as boolean;
    classSeen[cls] = statementStamp;
    const last = classFrom[cls + 1] as number;
    let found = false;
    for (let k = classFrom[cls] as number; k < last && !found; k++)
      found = present[classList[k] as number] === presentStamp;
    classHas[cls] = found;
    return found;
  }

  // The statement's one-word matches' term ranks, and its multi-word matches with the token
  // their anchor matched and that token's first term in the anchor word (multi[0, multiCount)).
  // Scratch lists overwritten, never emptied: setting an array's length to 0 drops its storage,
  // and every push then reallocates it.
  let multiCount = 0;
  const singleRank: number[] = [];
  const multi: Occurrence[] = [];
  const anchorAt: number[] = [];
  const anchorRank: number[] = [];
  const multiOrder: number[] = [];

  /** Order of a one-word match s (of out) against multi-word match m: negative when s is first. */
  function singleVsMulti(out: readonly Occurrence[], s: number, m: number): number {
    const a = out[s] as Occurrence;
    const b = multi[m] as Occurrence;
    return (
      a.start - b.start ||
      a.end - b.end ||
      a.start - (anchorAt[m] as number) ||
      (singleRank[s] as number) - (anchorRank[m] as number) ||
      a.phrase - b.phrase
    );
  }
  function multiVsMulti(x: number, y: number): number {
    const a = multi[x] as Occurrence;
    const b = multi[y] as Occurrence;
    return (
      a.start - b.start ||
      a.end - b.end ||
      (anchorAt[x] as number) - (anchorAt[y] as number) ||
      (anchorRank[x] as number) - (anchorRank[y] as number) ||
      a.phrase - b.phrase
    );
  }
  function mergeMulti(out: readonly Occurrence[]): Occurrence[] {
    const m = multiCount;
    multiOrder.length = m;
    for (let k = 0; k < m; k++) multiOrder[k] = k;
    if (m > 1) sortSmall(multiOrder, multiVsMulti);
    const merged: Occurrence[] = new Array(out.length + m);
    let s = 0;
    let k = 0;
    for (let w = 0; w < merged.length; w++) {
      if (k < m && (s === out.length || singleVsMulti(out, s, multiOrder[k] as number) > 0))
        merged[w] = multi[multiOrder[k++] as number] as Occurrence;
      else merged[w] = out[s++] as Occurrence;
    }
    return merged;
  }

  /**
   * Every match of a multi-word phrase, tried from each token its anchor word matches: into
   * `multi` (with anchorAt and anchorRank) for find, or into `into` for occurrencesOf.
   */
  function matchEverywhere(p: number, tokens: TokenList, into?: Occurrence[]): void {
    const slots = compiled[p] as CompiledSlot[];
    const a = anchors[p] as number;
    const anchorWord = anchorTerms[p] as ReadonlySet<number>;
    const first = anchorFrom[p] as number;
    const last = anchorFrom[p + 1] as number;
    const scan = last - first <= 4;
    for (let i = a; i < n; i++) {
      const ids = tokTerms[i] as readonly number[];
      if (ids.length === 0) continue;
      let rank = -1;
      for (let k = 0; k < ids.length && rank < 0; k++) {
        const term = ids[k] as number;
        if (scan) {
          for (let j = first; j < last; j++) if (anchorList[j] === term) rank = k;
        } else if (anchorWord.has(term)) rank = k;
      }
      if (rank < 0) continue;
      const start = i - a;
      // The words before the anchor: contiguous, no boundary between them.
      let fits = true;
      for (let k = 0; k < a && fits; k++) {
        const ti = start + k;
        const slot = slots[k] as CompiledSlot;
        fits =
          slot.kind === 'word' && (k === 0 || tokens.breakBefore[ti] === 0) && wordMatches(ti, slot.terms);
      }
      if (!fits || (a > 0 && tokens.breakBefore[i] !== 0)) continue;
      if (a + 1 > matched.length) matched = growTo(matched, a + 8);
      for (let k = 0; k <= a; k++) matched[k] = start + k;
      depth = a + 1;
      const end = matchFrom(slots, a + 1, i + 1, false);
      if (end >= 0) {
        const indices: number[] = new Array(depth);
        for (let k = 0; k < depth; k++) indices[k] = matched[k] as number;
        const occurrence: Occurrence = { phrase: p, start, end, matched: indices };
        if (into !== undefined) {
          into.push(occurrence);
          continue;
        }
        multi[multiCount] = occurrence;
        anchorAt[multiCount] = i;
        anchorRank[multiCount] = rank;
        multiCount++;
      }
    }
  }

  const NO_OCCURRENCES: readonly Occurrence[] = Object.freeze([]);

  /** Whether a term occurs in the current statement (its stamps are set: statementOpen). */
  function termPresent(term: number): boolean {
    return present[term] === presentStamp;
  }

  function occurrencesOf(p: number): readonly Occurrence[] {
    if (!statementOpen || currentTokens === null || p < 0 || p >= phrases.length) return NO_OCCURRENCES;
    if (!packed) pack();
    if (onDemandStamp[p] === statementStamp) return onDemand[p] as readonly Occurrence[];
    onDemandStamp[p] = statementStamp;
    let found: readonly Occurrence[] = NO_OCCURRENCES;
    // The key word and every other required word must occur somewhere, as in find.
    const key = requiredOf[p] as readonly number[];
    let fits = key.length === 0;
    for (let k = 0; k < key.length && !fits; k++) fits = termPresent(key[k] as number);
    const lastFilter = filterFrom[p + 1] as number;
    for (let f = filterFrom[p] as number; f < lastFilter && fits; f++)
      fits = classOccurs(filterList[f] as number);
    if (fits) {
      const out: Occurrence[] = [];
      if (singleWord[p] === 1) {
        const terms = anchorTerms[p] as ReadonlySet<number>;
        for (let i = 0; i < n; i++) if (wordMatches(i, terms)) out.push(singleOccurrence(p, i));
      } else matchEverywhere(p, currentTokens, out);
      if (out.length > 0) found = out;
    }
    onDemand[p] = found;
    return found;
  }

  function anyOccurs(): boolean {
    if (currentTokens === null) return false;
    // A statement the gate closed is opened now: whether a phrase occurs is asked of it all the same.
    if (!statementOpen) openStatement();
    for (let i = 0; i < n; i++) {
      const ids = tokTerms[i] as readonly number[];
      for (let x = 0; x < ids.length; x++) {
        const term = ids[x] as number;
        const last = allKeyFrom[term + 1] as number;
        for (let c = allKeyFrom[term] as number; c < last; c++) {
          const p = allKeyList[c] as number;
          if (singleWord[p] === 1 || occurrencesOf(p).length > 0) return true;
        }
      }
    }
    return false;
  }

  if (from !== undefined) {
    ({ byKeyTerm, requiredOf, filters, classIds, classTerms, keyFrom, keyList, allKeyFrom, allKeyList } =
      from);
    ({ singleWord, filterFrom, filterList, classFrom, classList, anchorFrom, anchorList } = from);
    sizeScratch();
  }

  return {
    add,
    anyOccurs,
    snapshot,
    defer: (phrase) => {
      if (deferred[phrase] === true || phrase < 0 || phrase >= phrases.length) return;
      deferred[phrase] = true;
      packed = false;
    },
    isDeferred: (phrase) => deferred[phrase] === true,
    occurrencesOf,
    requiredTerms: (id) => {
      if (!packed) pack();
      return requiredOf[id] ?? NO_TERMS;
    },
    longestTerms: (id) => longestOf[id] ?? NO_TERMS,
    keyCost,
    lastHas,
    get termCount() {
      return termIds.size;
    },
    get phraseCount() {
      return phrases.length;
    },
    phrase: (id) => phrases[id] as Phrase,
    find,
    termsOf,
  };
}
