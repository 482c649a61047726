// The hash that maps a feature string to a bucket. FNV-1a (Fowler, Noll, Vo; 32-bit offset basis
// 2166136261, prime 16777619) over the UTF-16 code units, then MurmurHash3's fmix32 finaliser
// (Appleby 2011) so that the low bits — the ones a power-of-two bucket count keeps — depend on
// every character. Written out here because the core may not use node:crypto, and because a
// model's weights are only meaningful with the exact hash it was trained with: this function
// must never change without bumping the model format version.

/** Unsigned 32-bit hash of `text`. */
export function hashFeature(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
