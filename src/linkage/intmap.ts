/**
 * Open-addressing hash map from non-negative integer keys (< 2^53, stored as float64) to
 * dense ids 0, 1, 2, ... in order of first insertion. Typed arrays only: it indexes millions
 * of blocking keys without making a JavaScript object per key.
 *
 * Linear probing (Knuth, TAOCP vol. 3, 6.4, Algorithm L) on a power-of-two table kept at most
 * half full; the hash mixes both 32-bit halves of the key (murmur3 finaliser constants).
 */
export class DenseIntKeyMap {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.ids = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Number of distinct keys inserted. */
  get size(): number {
    return this.count;
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let s = h & this.mask;
    const keys = this.keys;
    while (keys[s] !== -1 && keys[s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  /** The id of `key`, or -1 when absent. */
  get(key: number): number {
    const s = this.slot(key);
    return this.keys[s] === key ? this.ids[s]! : -1;
  }

  /** The id of `key`, inserting it (with the next id) when absent. */
  intern(key: number): number {
    let s = this.slot(key);
    if (this.keys[s] === key) return this.ids[s]!;
    if ((this.count + 1) * 2 > this.keys.length) {
      this.grow();
      s = this.slot(key);
    }
    this.keys[s] = key;
    this.ids[s] = this.count;
    return this.count++;
  }

  /** Keys in id order. */
  keysById(): Float64Array {
    const out = new Float64Array(this.count);
    for (let s = 0; s < this.keys.length; s++) if (this.keys[s] !== -1) out[this.ids[s]!] = this.keys[s]!;
    return out;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.ids = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let s = 0; s < oldKeys.length; s++) {
      const k = oldKeys[s]!;
      if (k === -1) continue;
      const t = this.slot(k);
      this.keys[t] = k;
      this.ids[t] = oldIds[s]!;
    }
  }
}
