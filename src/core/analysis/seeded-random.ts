// A small seeded pseudo-random generator (mulberry32, Tommy Ettinger, public domain) so that the
// bootstrap bands and the backtests are reproducible from the CLI: same seed, same numbers.

/** Returns a function yielding uniform numbers in [0, 1), determined by `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
