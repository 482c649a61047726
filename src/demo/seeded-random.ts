// A seeded pseudo-random source, so that the synthetic scenario and the benchmark corpus are the
// same on every machine for the same seed. The generator is mulberry32 (Tommy Ettinger, 2017,
// public domain): one 32-bit state word, fast, and well distributed for sampling text; it is not
// for cryptography.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** One draw from N(0, 1) (Box–Muller). */
  normal(): number;
  /** One draw from Poisson(mean) (Knuth's multiplication method; fine for the small means used here). */
  poisson(mean: number): number;
  /** Picks an item with probability proportional to its weight; weights ≤ 0 are never picked. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance(probability) {
      return next() < probability;
    },
    normal() {
      // 1 - next() lies in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    poisson(mean) {
      if (mean <= 0) return 0;
      const limit = Math.exp(-mean);
      let count = 0;
      let product = next();
      while (product > limit) {
        count += 1;
        product *= next();
      }
      return count;
    },
    weighted(entries) {
      let total = 0;
      for (const [, weight] of entries) if (weight > 0) total += weight;
      if (total <= 0) throw new RangeError('cannot pick from weights that are all zero');
      let remaining = next() * total;
      let last: (typeof entries)[number] | undefined;
      for (const entry of entries) {
        if (entry[1] <= 0) continue;
        last = entry;
        remaining -= entry[1];
        if (remaining < 0) return entry[0];
      }
      return (last as (typeof entries)[number])[0];
    },
  };
}
