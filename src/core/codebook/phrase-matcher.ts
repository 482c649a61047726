// One matcher for every phrase of the codebook (signal rules, exclusions, actor aliases,
// negators, reporting verbs, stance cues). Each distinct term gets an id; a word of a statement
// is looked up once — an exact-word map plus a character trie of glob prefixes, in the manner of
// an Aho–Corasick goto function restricted to word starts — and the result is cached by word, so
// the cost per statement grows with its words and with the phrases that could start at them,
// not with the size of the codebook.
import type { TokenList } from '../text/tokenize.js';
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
   * Term ids of the rarest required word of a phrase (the longest, anywhere in the phrase): a
   * statement holding none of them cannot match it.
   */
  requiredTerms(phrase: number): readonly number[];
  readonly termCount: number;
  /** Term ids a folded word matches (for explanations and tests). */
  termsOf(norm: string): readonly number[];
}

const NO_TERMS: readonly number[] = [];

function growTo(buffer: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(buffer);
  return next;
}
const CACHE_LIMIT = 200_000;

// `matched` of a one-word occurrence at token i: one frozen array per index, shared by every
// statement (occurrences are read, never changed), so the commonest match allocates nothing.
const SINGLES: Array<readonly number[]> = [];
function single(i: number): readonly number[] {
  for (let k = SINGLES.length; k <= i; k++) SINGLES.push(Object.freeze([k]));
  return SINGLES[i] as readonly number[];
}

export function createPhraseMatcher(): PhraseMatcher {
  const termIds = new Map<string, number>();
  const exact = new Map<string, number[]>();
  const root: TrieNode = { children: new Map(), prefixTerms: [] };
  const phrases: Phrase[] = [];
  const compiled: CompiledSlot[][] = [];
  const phraseIds = new Map<string, number>();
  // Phrases by the term id of their anchor word (an array: term ids are dense small integers).
  const byAnchorTerm: Array<number[] | undefined> = [];
  const anchors: number[] = [];
  // Phrases of one required word and nothing else: matched by their anchor alone.
  const isSingleWord: boolean[] = [];
  // Per phrase, the terms of its rarest required word other than the anchor (null when it has
  // none): a statement holding none of them cannot match, whatever the backtracking would try.
  // Most attempts fail, and this check is one stamp lookup per term instead of a walk over gaps.
  const filters: Array<Int32Array | null> = [];
  let present = new Int32Array(0);
  let presentStamp = 0;
  let seenStamp = new Int32Array(0);
  let stamp = 0;
  let cache = new Map<string, readonly number[]>();
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
    cache = new Map();
    return id;
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
    const key = phraseKey(phrase);
    const known = phraseIds.get(key);
    if (known !== undefined) return known;
    const id = phrases.length;
    phraseIds.set(key, id);
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
    // Index the phrase by its rarest leading word (the longest term among the required words
    // before any gap or optional word), so that "the", «не» or «в» do not start an attempt at
    // every occurrence: the words before the anchor are checked backwards.
    let anchor = 0;
    let best = -1;
    for (let k = 0; k < phrase.length; k++) {
      const slot = phrase[k];
      if (slot?.kind !== 'word' || slot.isOptional) break;
      const score = Math.min(...slot.terms.map((t) => t.text.length + (t.isPrefix ? 0 : 1)));
      if (score > best) {
        best = score;
        anchor = k;
      }
    }
    anchors.push(anchor);
    let filter: ReadonlySet<number> | null = null;
    let filterScore = -1;
    phrase.forEach((slot, k) => {
      const compiledSlot = slots[k];
      if (k === anchor || slot.kind !== 'word' || slot.isOptional || compiledSlot?.kind !== 'word') return;
      const score = Math.min(...slot.terms.map((t) => t.text.length + (t.isPrefix ? 0 : 1)));
      if (score > filterScore) {
        filterScore = score;
        filter = compiledSlot.terms;
      }
    });
    filters.push(filter === null ? null : Int32Array.from(filter as ReadonlySet<number>));
    const anchorSlot = slots[anchor];
    if (anchorSlot?.kind === 'word') {
      for (const t of anchorSlot.terms) {
        while (byAnchorTerm.length <= t) byAnchorTerm.push(undefined);
        const list = byAnchorTerm[t] ?? [];
        list.push(id);
        byAnchorTerm[t] = list;
      }
    }
    return id;
  }

  // The statement being matched, shared by find and its helpers (no closures per statement).
  let tokTerms: Array<readonly number[]> = [];
  let breaks: readonly number[] = [];
  let n = 0;
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
    for (let i = 0; i < n; i++) {
      const ids = termsOf(tokens.norms[i] as string);
      tokTerms[i] = ids;
      if (!open) for (let k = 0; k < ids.length && !open; k++) open = gate?.[ids[k] as number] === 1;
    }
    if (!open) return [];
    if (present.length < termIds.size || presentStamp === 0x7fffffff) {
      present = new Int32Array(Math.max(present.length, termIds.size * 2));
      presentStamp = 0;
    }
    presentStamp++;
    for (let i = 0; i < n; i++) {
      const ids = tokTerms[i] as readonly number[];
      for (let k = 0; k < ids.length; k++) present[ids[k] as number] = presentStamp;
    }
    const out: Occurrence[] = [];

    if (seenStamp.length < phrases.length) seenStamp = new Int32Array(phrases.length);
    for (let i = 0; i < n; i++) {
      const ids = tokTerms[i] as readonly number[];
      if (ids.length === 0) continue;
      stamp++;
      for (let x = 0; x < ids.length; x++) {
        const candidates = byAnchorTerm[ids[x] as number];
        if (candidates === undefined) continue;
        for (let c = 0; c < candidates.length; c++) {
          const p = candidates[c] as number;
          if (seenStamp[p] === stamp) continue;
          seenStamp[p] = stamp;
          if (isSingleWord[p] === true) {
            out.push({ phrase: p, start: i, end: i + 1, matched: single(i) });
            continue;
          }
          const slots = compiled[p] as CompiledSlot[];
          const a = anchors[p] as number;
          const start = i - a;
          if (start < 0) continue;
          const filter = filters[p];
          if (filter != null) {
            let found = false;
            for (let k = 0; k < filter.length && !found; k++)
              found = present[filter[k] as number] === presentStamp;
            if (!found) continue;
          }
          // The words before the anchor: contiguous, no boundary between them.
          let fits = true;
          for (let k = 0; k < a && fits; k++) {
            const ti = start + k;
            const slot = slots[k] as CompiledSlot;
            fits =
              slot.kind === 'word' &&
              (k === 0 || tokens.breakBefore[ti] === 0) &&
              wordMatches(ti, slot.terms);
          }
          if (!fits || (a > 0 && tokens.breakBefore[i] !== 0)) continue;
          if (a + 1 > matched.length) matched = growTo(matched, a + 8);
          for (let k = 0; k <= a; k++) matched[k] = start + k;
          depth = a + 1;
          const end = matchFrom(slots, a + 1, i + 1, false);
          if (end >= 0) {
            const tokens: number[] = new Array(depth);
            for (let k = 0; k < depth; k++) tokens[k] = matched[k] as number;
            out.push({ phrase: p, start, end, matched: tokens });
          }
        }
      }
    }
    // Found in order of their anchor word, so mostly in order already: sort only when not.
    let sorted = true;
    for (let k = 1; k < out.length && sorted; k++) {
      const x = out[k - 1] as Occurrence;
      const y = out[k] as Occurrence;
      sorted = x.start < y.start || (x.start === y.start && x.end <= y.end);
    }
    if (!sorted) out.sort((x, y) => x.start - y.start || x.end - y.end);
    return out;
  }

  return {
    add,
    requiredTerms: (id) => {
      let best: ReadonlySet<number> | null = null;
      let bestScore = -1;
      const phrase = phrases[id] ?? [];
      phrase.forEach((slot, k) => {
        if (slot.kind !== 'word' || slot.isOptional) return;
        const score = Math.min(...slot.terms.map((t) => t.text.length + (t.isPrefix ? 0 : 1)));
        const compiledSlot = compiled[id]?.[k];
        if (score > bestScore && compiledSlot?.kind === 'word') {
          bestScore = score;
          best = compiledSlot.terms;
        }
      });
      return best ? [...(best as ReadonlySet<number>)] : [];
    },
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
