import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { tokenize } from '../text/tokenize.js';
import { expandPattern, type Phrase } from './pattern.js';
import { createPhraseMatcher, type MatcherSnapshot } from './phrase-matcher.js';

function matcherFor(patterns: string[]) {
  const m = createPhraseMatcher();
  const ids = patterns.map((p) => expandPattern(p).map((phrase) => m.add(phrase)));
  return { m, ids };
}

test('a glob matches every inflected form and an exact word only itself', () => {
  const { m } = matcherFor(['переговор*', 'мир']);
  const found = m.find(tokenize('Переговоры, переговорах, мир, мира'));
  assert.deepEqual(
    found.map((o) => o.start),
    [0, 1, 2],
  );
});

test('a gap skips up to N words, steps over commas but not over a stronger boundary', () => {
  const { m } = matcherFor(['готов* ~2 переговор*', 'мирн* переговор*']);
  assert.equal(m.find(tokenize('готовы к новым переговорам')).length, 1);
  assert.equal(m.find(tokenize('готовы к совсем новым переговорам')).length, 0);
  assert.equal(m.find(tokenize('готовы, как всегда, к переговорам')).length, 0);
  assert.equal(m.find(tokenize('готовы, вновь к переговорам')).length, 1);
  assert.equal(m.find(tokenize('готовы: к переговорам')).length, 0);
  // Words next to each other in a pattern never match across a comma.
  assert.equal(m.find(tokenize('мирные, переговоры')).length, 0);
});

test('the same phrase added twice gets one id, so rules share the work', () => {
  const m = createPhraseMatcher();
  const [a] = expandPattern('open to talks');
  const [b] = expandPattern('Open  TO talks');
  assert.equal(m.add(a!), m.add(b!));
});

test('matched token indices leave out the words a gap skipped', () => {
  const { m } = matcherFor(['ready ~3 talks']);
  const [occ] = m.find(tokenize('ready for serious talks'));
  assert.deepEqual(occ?.matched, [0, 3]);
});

test('every occurrence lies inside the tokens and its first and last words match the pattern', () => {
  const words = [
    'готовы',
    'к',
    'переговорам',
    'не',
    'мир',
    'ready',
    'to',
    'talk',
    'open',
    ',',
    '«',
    'пеpеговоры',
  ];
  const patterns = ['готов* ~2 переговор*', 'ready [to] talk*', 'open ~1 talk', 'мир', 'не ~1 переговор*'];
  const { m } = matcherFor(patterns);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
      const text = parts.join(' ');
      const tokens = tokenize(text);
      for (const occ of m.find(tokens)) {
        assert.ok(occ.start >= 0 && occ.end <= tokens.count && occ.start < occ.end);
        const first = tokens.norms[occ.start] as string;
        const last = tokens.norms[occ.end - 1] as string;
        const phrase = m.phrase(occ.phrase);
        const head = phrase[0];
        const tail = [...phrase]
          .reverse()
          .find((s) => s.kind === 'word' && (!s.isOptional || occ.matched.includes(occ.end - 1)));
        const fits = (word: string, slot: typeof head) =>
          slot?.kind === 'word' &&
          slot.terms.some((t) => (t.isPrefix ? word.startsWith(t.text) : word === t.text));
        assert.ok(fits(first, head), `${first} fits the first slot`);
        assert.ok(fits(last, tail), `${last} fits the last slot`);
      }
    }),
    { numRuns: 300 },
  );
});

// Words and patterns of the property tests below: globs, gaps, optional words, one-word phrases.
const MIXED_WORDS = [
  'готовы',
  'к',
  'переговорам',
  'не',
  'мир',
  'ready',
  'to',
  'talk',
  'talks',
  ',',
  'россия',
];
const MIXED_PATTERNS = [
  'готов* ~2 переговор*',
  'ready [to] talk*',
  'мир',
  'не ~1 переговор*',
  'росси*',
  'talks',
];

test('a deferred phrase is left out of find and found on demand, with the same occurrences', () => {
  const words = MIXED_WORDS;
  const patterns = MIXED_PATTERNS;
  const eager = matcherFor(patterns);
  const lazy = matcherFor(patterns);
  const deferred = new Set([...(lazy.ids[1] ?? []), ...(lazy.ids[4] ?? []), ...(lazy.ids[5] ?? [])]);
  for (const p of deferred) lazy.m.defer(p);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
      const tokens = tokenize(parts.join(' '));
      const all = eager.m.find(tokens);
      const found = lazy.m.find(tokens);
      assert.deepEqual(
        found,
        all.filter((o) => !deferred.has(o.phrase)),
      );
      for (let p = 0; p < lazy.m.phraseCount; p++) {
        assert.equal(lazy.m.isDeferred(p), deferred.has(p));
        assert.deepEqual(
          lazy.m.occurrencesOf(p),
          all.filter((o) => o.phrase === p),
        );
      }
    }),
    { numRuns: 300 },
  );
});

test('occurrencesOf answers for the statement find was last given, and nothing past a closed gate', () => {
  const { m, ids } = matcherFor(['росси*', 'talks']);
  const russia = ids[0]?.[0] as number;
  const talks = ids[1]?.[0] as number;
  m.defer(russia);
  m.find(tokenize('Россия и Россия'));
  assert.equal(m.occurrencesOf(russia).length, 2);
  m.find(tokenize('talks'));
  assert.deepEqual(m.occurrencesOf(russia), []);
  const gate = new Uint8Array(m.termCount);
  for (const t of m.requiredTerms(talks)) gate[t] = 1;
  assert.deepEqual(m.find(tokenize('Россия'), gate), []);
  assert.deepEqual(m.occurrencesOf(russia), []);
});

test('a phrase is keyed by the word the codebook uses least, not by its longest word', () => {
  // "negotiations" is the longest word of the last phrase, but every other phrase uses it too:
  // a statement about negotiations need not look at the last phrase unless «postpon*» occurs.
  const { m, ids } = matcherFor([
    'negotiations',
    'ready ~2 negotiations',
    'resume negotiations',
    'negotiations stalled',
    'postpon* ~4 negotiations',
  ]);
  const postpone = ids[4]?.[0] as number;
  const key = m.requiredTerms(postpone);
  assert.deepEqual(
    key.map((t) => m.termsOf('postponed').includes(t)),
    [true],
  );
  assert.ok(!key.some((t) => m.termsOf('negotiations').includes(t)));
  assert.deepEqual(
    m.longestTerms(postpone).map((t) => m.termsOf('negotiations').includes(t)),
    [true],
  );
  // Whatever the key, what is found is the same.
  assert.deepEqual(
    m.find(tokenize('They postponed the negotiations')).map((o) => o.phrase),
    [postpone, ids[0]?.[0]],
  );
});

test('a matcher restored from its snapshot (through v8 serialisation) matches exactly as the original', () => {
  const words = [...MIXED_WORDS, ':'];
  const patterns = MIXED_PATTERNS;
  const original = matcherFor(patterns);
  for (const p of original.ids[4] ?? []) original.m.defer(p);
  const restored = createPhraseMatcher(deserialize(serialize(original.m.snapshot())) as MatcherSnapshot);
  assert.equal(restored.phraseCount, original.m.phraseCount);
  assert.equal(restored.termCount, original.m.termCount);
  const gate = new Uint8Array(original.m.termCount);
  for (const t of original.m.requiredTerms(original.ids[5]?.[0] as number)) gate[t] = 1;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), fc.boolean(), (parts, gated) => {
      const tokens = tokenize(parts.join(' '));
      const g = gated ? gate : undefined;
      assert.deepEqual(restored.find(tokens, g), original.m.find(tokens, g));
      assert.equal(restored.anyOccurs(), original.m.anyOccurs());
      for (let p = 0; p < original.m.phraseCount; p++) {
        assert.equal(restored.isDeferred(p), original.m.isDeferred(p));
        assert.deepEqual(restored.occurrencesOf(p), original.m.occurrencesOf(p));
        assert.deepEqual(restored.requiredTerms(p), original.m.requiredTerms(p));
        assert.deepEqual(restored.longestTerms(p), original.m.longestTerms(p));
        assert.equal(restored.keyCost(p), original.m.keyCost(p));
      }
      for (const word of tokens.norms) assert.deepEqual(restored.termsOf(word), original.m.termsOf(word));
    }),
    { numRuns: 200 },
  );
  // It can still be added to: a known phrase keeps its id, a new one comes next, and is found.
  const [known] = expandPattern('ready to talks');
  assert.equal(restored.add(known as Phrase), original.m.add(known as Phrase));
  const [fresh] = expandPattern('peace talks');
  const id = restored.add(fresh as Phrase);
  assert.equal(id, original.m.phraseCount);
  assert.deepEqual(
    restored.find(tokenize('peace talks')).map((o) => o.phrase),
    [id, original.ids[5]?.[0]],
  );
  assert.throws(() => createPhraseMatcher({ format: 'other' } as unknown as MatcherSnapshot), /snapshot/);
});

/** A fresh word whose intern id is `target`, made after the intern table has started again. */
function wordTakingIdAfterRestart(target: number): string {
  let previous = -1;
  let restarted = false;
  for (let k = 0; ; k++) {
    const word = `q${k.toString(36)}restart`;
    const id = tokenize(word).ids?.[0] as number;
    if (id < previous) restarted = true;
    previous = id;
    if (restarted && id === target) return word;
  }
}

test('a word cached by its intern id is never answered for another word given that id later', () => {
  const { m, ids } = matcherFor(['мир']);
  const peace = ids[0]?.[0] as number;
  const tokens = tokenize('мир');
  assert.deepEqual(
    m.find(tokens).map((o) => o.phrase),
    [peace],
  );
  const other = wordTakingIdAfterRestart(tokens.ids?.[0] as number);
  const reused = tokenize(other);
  assert.equal(reused.ids?.[0], tokens.ids?.[0]);
  assert.deepEqual(m.find(reused), []);
  // And a statement without ids (made by hand) is matched by its words alone.
  const { ids: _ids, ...bare } = tokenize('мир');
  assert.deepEqual(
    m.find(bare).map((o) => o.phrase),
    [peace],
  );
  assert.deepEqual(
    m.find(tokenize('мир')).map((o) => o.phrase),
    [peace],
  );
});
