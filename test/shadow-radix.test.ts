import { describe, expect, it } from 'vitest';
import { sortByKey64InPlace } from '../src/shadow/radix';
import { randomInt, seededRandom } from '../src/stats/random';

function reference(hi: Uint32Array, lo: Uint32Array, a: Int32Array): Array<[number, number, number]> {
  return Array.from(hi, (h, i) => [h, lo[i]!, a[i]!] as [number, number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
}

describe('sortByKey64InPlace (MSD radix, American flag sort)', () => {
  it('sorts by (hi, lo) and carries both payloads, for sizes around the insertion-sort cut-off', () => {
    const rng = seededRandom(11);
    for (const n of [0, 1, 2, 31, 32, 33, 100, 5000, 70000]) {
      const hi = new Uint32Array(n), lo = new Uint32Array(n), a = new Int32Array(n), b = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        // few distinct hi values force deep levels (equal hi, compare lo); duplicates of whole keys too
        hi[i] = randomInt(rng, 4) === 0 ? 0xffffffff : randomInt(rng, 50) * 0x01010101;
        lo[i] = randomInt(rng, 3) === 0 ? 7 : Math.floor(rng() * 2 ** 32);
        a[i] = i;
        b[i] = (hi[i]! ^ lo[i]!) >>> 0; // a function of the key: must stay aligned
      }
      const ref = reference(hi, lo, a);
      sortByKey64InPlace(hi, lo, a, b);
      const got = Array.from(hi, (h, i) => [h, lo[i]!, a[i]!] as [number, number, number]);
      let unordered = 0, misaligned = 0;
      for (let i = 1; i < n; i++) if (!(hi[i - 1]! < hi[i]! || (hi[i - 1] === hi[i] && lo[i - 1]! <= lo[i]!))) unordered++;
      for (let i = 0; i < n; i++) if (b[i] !== (hi[i]! ^ lo[i]!) >>> 0) misaligned++;
      expect([n, unordered, misaligned]).toEqual([n, 0, 0]);
      // same multiset of (key, payload) triples
      expect(got.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2])).toEqual(ref);
    }
  });
  it('handles all-equal keys and keys differing only in the last byte', () => {
    const n = 1000;
    const hi = new Uint32Array(n).fill(5), lo = new Uint32Array(n), a = new Int32Array(n);
    for (let i = 0; i < n; i++) { lo[i] = (n - i) & 0xff; a[i] = i; }
    sortByKey64InPlace(hi, lo, a);
    for (let i = 1; i < n; i++) expect(lo[i - 1]! <= lo[i]!).toBe(true);
    for (let i = 0; i < n; i++) expect(lo[i]).toBe((n - a[i]!) & 0xff);
  });
  it('refuses arrays of different lengths', () => {
    expect(() => sortByKey64InPlace(new Uint32Array(2), new Uint32Array(3), new Int32Array(2))).toThrow(/same length/);
  });
});
