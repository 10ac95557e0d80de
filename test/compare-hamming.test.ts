/**
 * Hamming distance and popcount (Warren, Hacker's Delight 2nd ed., section 5-1), checked
 * against bit-by-bit counting; the all-pairs scan checked against the pairwise definition.
 */
import { describe, expect, it } from 'vitest';
import { allPairsHamming, crossPairsHamming } from '../src/avatars';
import { hammingDistanceHex, hammingPacked, packHashes, popcount32 } from '../src/compare';
import { randomInt, seededRandom } from '../src/stats/random';

function naivePop(x: number): number {
  let n = 0;
  for (let i = 0; i < 32; i++) n += (x >>> i) & 1;
  return n;
}
function randomHex(rng: () => number): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += randomInt(rng, 16).toString(16);
  return s;
}

describe('popcount32', () => {
  it('counts bits like the bit-by-bit definition', () => {
    const rng = seededRandom(1);
    for (const x of [0, 1, 0xffffffff, 0x80000000, 0xff00ff00, 0x55555555]) expect(popcount32(x)).toBe(naivePop(x));
    for (let i = 0; i < 2000; i++) {
      const x = Math.floor(rng() * 2 ** 32) >>> 0;
      expect(popcount32(x)).toBe(naivePop(x));
    }
  });
});

describe('hammingDistanceHex', () => {
  it('worked values', () => {
    expect(hammingDistanceHex('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistanceHex('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistanceHex('ABCDEF0123456789', 'abcdef0123456789')).toBe(0);
    expect(hammingDistanceHex('f0', '0f')).toBe(8); // any equal length
    expect(hammingDistanceHex('fffffffff', '000000000')).toBe(36); // a length not a multiple of 8
  });

  it('refuses non-hex and unequal lengths, naming the values', () => {
    expect(() => hammingDistanceHex('zz00000000000000', '0000000000000000')).toThrow(/"zz00000000000000"/);
    expect(() => hammingDistanceHex('00', '000')).toThrow(/same length/);
    expect(() => packHashes(['0000'])).toThrow(/hash 0 is not 16 hexadecimal digits/);
  });

  it('packed and hex distances agree', () => {
    const rng = seededRandom(2);
    const hs = Array.from({ length: 50 }, () => randomHex(rng));
    const p = packHashes(hs);
    for (let i = 0; i < 50; i++) for (let j = 0; j < 50; j++) expect(hammingPacked(p, i, j)).toBe(hammingDistanceHex(hs[i]!, hs[j]!));
  });
});

describe('all pairs', () => {
  it('histogram and close pairs equal the pairwise definition', () => {
    const rng = seededRandom(3);
    const hs = Array.from({ length: 120 }, () => randomHex(rng));
    hs[7] = hs[3]!; // an exact duplicate
    hs[9] = hs[3]!.slice(0, 15) + ((parseInt(hs[3]!.slice(15), 16) ^ 1).toString(16)); // one bit away
    const r = allPairsHamming(packHashes(hs), { threshold: 1 });
    const hist = new Array(65).fill(0);
    const close: string[] = [];
    for (let i = 0; i < hs.length; i++) for (let j = i + 1; j < hs.length; j++) {
      const d = hammingDistanceHex(hs[i]!, hs[j]!);
      hist[d]++;
      if (d <= 1) close.push(`${i}-${j}-${d}`);
    }
    expect(Array.from(r.histogram)).toEqual(hist);
    expect(r.pairs).toBe((120 * 119) / 2);
    expect(Array.from(r.close.i, (i, k) => `${i}-${r.close.j[k]}-${r.close.distance[k]}`)).toEqual(close);
    expect(close).toEqual(expect.arrayContaining(['3-7-0', '3-9-1', '7-9-1']));
  });

  it('cross pairs count every (a, b) pair and cap returned pairs', () => {
    const a = packHashes(['0000000000000000', 'ffffffffffffffff']);
    const b = packHashes(['0000000000000001', '0000000000000003', 'fffffffffffffffe']);
    const r = crossPairsHamming(a, b, { threshold: 2, maxPairs: 2 });
    expect(r.pairs).toBe(6);
    expect(r.closeCount).toBe(3);
    expect(r.close.i.length).toBe(2);
    expect(r.histogram[1]).toBe(2);
    expect(r.histogram[2]).toBe(1);
  });
});
