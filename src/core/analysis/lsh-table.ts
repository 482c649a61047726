// A fixed-size hash table from 64-bit LSH band keys to an integer (a statement ordinal), in typed
// arrays: memory is decided when it is created (16 bytes a slot) and never grows, whatever the
// size of the corpus. When the few slots a key may live in are all taken, the oldest entry (the
// least stamp) gives way: an LSH table that forgets the distant past instead of running out of
// memory. For echo detection that is the right loss, since a copy usually follows its original
// within days (bounded-memory LSH in the spirit of the streaming near-duplicate detectors of
// Manku, Jain & Das Sarma, WWW 2007).

export interface LshTableStats {
  capacity: number;
  used: number;
  evictions: number;
}

export class LshTable {
  readonly capacity: number;
  private readonly mask: number;
  private readonly probes: number;
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly values: Int32Array;
  /** -1 marks an empty slot. */
  private readonly stamps: Int32Array;
  private used = 0;
  private evictions = 0;

  /** `capacityLog2` slots (e.g. 22 → 4,194,304 slots, 64 MiB); a key may sit in `probes` slots. */
  constructor(capacityLog2: number, probes = 8) {
    if (!Number.isInteger(capacityLog2) || capacityLog2 < 4 || capacityLog2 > 28) {
      throw new RangeError(`capacityLog2 must be an integer from 4 to 28, got ${capacityLog2}`);
    }
    this.capacity = 2 ** capacityLog2;
    this.mask = this.capacity - 1;
    this.probes = Math.min(probes, this.capacity);
    this.hi = new Uint32Array(this.capacity);
    this.lo = new Uint32Array(this.capacity);
    this.values = new Int32Array(this.capacity);
    this.stamps = new Int32Array(this.capacity).fill(-1);
  }

  /** The value stored under the key, or -1. */
  get(hi: number, lo: number): number {
    let slot = lo & this.mask;
    for (let p = 0; p < this.probes; p++) {
      if (this.stamps[slot]! < 0) return -1;
      if (this.hi[slot] === hi && this.lo[slot] === lo) return this.values[slot]!;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** Stores (or replaces) the value under the key, evicting the oldest entry of its probe run if full. */
  set(hi: number, lo: number, value: number, stamp: number): void {
    let slot = lo & this.mask;
    let oldest = slot;
    for (let p = 0; p < this.probes; p++) {
      const s = this.stamps[slot]!;
      if (s < 0) {
        this.used++;
        this.write(slot, hi, lo, value, stamp);
        return;
      }
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        this.write(slot, hi, lo, value, stamp);
        return;
      }
      if (s < this.stamps[oldest]!) oldest = slot;
      slot = (slot + 1) & this.mask;
    }
    this.evictions++;
    this.write(oldest, hi, lo, value, stamp);
  }

  stats(): LshTableStats {
    return { capacity: this.capacity, used: this.used, evictions: this.evictions };
  }

  private write(slot: number, hi: number, lo: number, value: number, stamp: number): void {
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.values[slot] = value;
    this.stamps[slot] = stamp;
  }
}
