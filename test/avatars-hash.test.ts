/**
 * Perceptual hashes: worked values, the mathematical invariances each hash has by construction,
 * and the DCT checked against a direct evaluation of the DCT-II definition
 * (Ahmed, Natarajan & Rao, IEEE Trans. Computers C-23, 1974).
 */
import { describe, expect, it } from 'vitest';
import {
  aHashFromLuma, areaResize, bitsToHex, dHashFromLuma, dctLowFrequencies, hammingDistanceHex, hashPixels, lumaBT601, pHashFromLuma, randomAvatarScene, renderScene,
} from '../src/avatars';
import { seededRandom } from '../src/stats/random';

function scene(seed: number, size: number): Uint8Array {
  return renderScene(randomAvatarScene(seededRandom(seed)), size);
}

describe('grey conversion and resampling', () => {
  it('uses BT.601 luma weights 0.299, 0.587, 0.114', () => {
    const y = lumaBT601(new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]), 4, 1);
    expect(y[0]).toBeCloseTo(76.245, 3);
    expect(y[1]).toBeCloseTo(149.685, 3);
    expect(y[2]).toBeCloseTo(29.07, 3);
    expect(y[3]).toBeCloseTo(255, 3);
  });

  it('area resize is the exact mean over covered areas, fractional edges weighted', () => {
    expect(Array.from(areaResize(new Float32Array([0, 2, 4, 6]), 4, 1, 2, 1))).toEqual([1, 5]);
    // 3 -> 2: cells cover [0,1.5) and [1.5,3): (0 + 0.5*3)/1.5 = 1, (0.5*3 + 6)/1.5 = 5
    const r = areaResize(new Float32Array([0, 3, 6]), 3, 1, 2, 1);
    expect(r[0]).toBeCloseTo(1, 12);
    expect(r[1]).toBeCloseTo(5, 12);
  });
});

describe('hash definitions', () => {
  it('aHash: left half dark, right half bright reads 00001111 per row', () => {
    const luma = new Float32Array(64).map((_, i) => (i % 8 < 4 ? 0 : 255));
    expect(aHashFromLuma(luma, 8, 8)).toBe('0f0f0f0f0f0f0f0f');
  });

  it('dHash: brightness falling to the right sets every bit; rising clears them', () => {
    expect(dHashFromLuma(new Float32Array(72).map((_, i) => 255 - (i % 9) * 20), 9, 8)).toBe('ffffffffffffffff');
    expect(dHashFromLuma(new Float32Array(72).map((_, i) => (i % 9) * 20), 9, 8)).toBe('0000000000000000');
  });

  it('bitsToHex puts bit 0 in the most significant place', () => {
    const bits = new Array(64).fill(0);
    bits[0] = 1;
    bits[63] = 1;
    expect(bitsToHex(bits)).toBe('8000000000000001');
  });

  it('the DCT matches the DCT-II definition evaluated directly', () => {
    const rng = seededRandom(5);
    const g = Float64Array.from({ length: 1024 }, () => rng() * 255);
    const c = dctLowFrequencies(g);
    for (const [v, u] of [[0, 0], [3, 5], [7, 7], [2, 0]] as const) {
      let s = 0;
      for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) {
        s += g[y * 32 + x]! * Math.cos(((2 * x + 1) * (u + 1) * Math.PI) / 64) * Math.cos(((2 * y + 1) * (v + 1) * Math.PI) / 64);
      }
      expect(c[v * 8 + u]).toBeCloseTo(s, 6);
    }
  });

  it('pHash has 32 ones (median split), so pHash distances are even', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const px = scene(seed, 64);
      const h = hashPixels({ pixels: px, width: 64, height: 64 }).pHash;
      const ones = [...h].reduce((n, d) => n + parseInt(d, 16).toString(2).replace(/0/g, '').length, 0);
      expect(ones).toBe(32);
    }
  });
});

describe('invariances that hold by construction', () => {
  const px = scene(42, 96);
  const luma = lumaBT601(px, 96, 96);

  it('aHash and pHash ignore a brightness offset and a contrast gain (they are affine-invariant)', () => {
    const changed = luma.map((v) => 0.8 * v + 20);
    expect(aHashFromLuma(changed, 96, 96)).toBe(aHashFromLuma(luma, 96, 96));
    expect(pHashFromLuma(changed, 96, 96)).toBe(pHashFromLuma(luma, 96, 96));
  });

  it('dHash ignores any increasing transform of the grey levels', () => {
    const changed = luma.map((v) => Math.sqrt(v) * 10);
    expect(dHashFromLuma(changed, 96, 96)).toBe(dHashFromLuma(luma, 96, 96));
  });

  it('an exact 2x pixel-replication upscale gives identical hashes (area averaging is exact)', () => {
    const big = new Uint8Array(192 * 192 * 3);
    for (let y = 0; y < 192; y++) for (let x = 0; x < 192; x++) {
      for (let c = 0; c < 3; c++) big[(y * 192 + x) * 3 + c] = px[((y >> 1) * 96 + (x >> 1)) * 3 + c]!;
    }
    expect(hashPixels({ pixels: big, width: 192, height: 192 })).toEqual(hashPixels({ pixels: px, width: 96, height: 96 }));
  });

  it('a mirrored image is a different hash (no false invariance)', () => {
    const mirrored = new Uint8Array(px.length);
    for (let y = 0; y < 96; y++) for (let x = 0; x < 96; x++) for (let c = 0; c < 3; c++) mirrored[(y * 96 + x) * 3 + c] = px[(y * 96 + 95 - x) * 3 + c]!;
    const a = hashPixels({ pixels: px, width: 96, height: 96 });
    const b = hashPixels({ pixels: mirrored, width: 96, height: 96 });
    expect(hammingDistanceHex(a.dHash, b.dHash)).toBeGreaterThan(10);
  });
});

describe('hashPixels', () => {
  it('equals the one-at-a-time hashes (aHash via exact 4 x 4 block averaging of the 32 x 32 grid)', () => {
    for (const [seed, size] of [[1, 96], [2, 100], [3, 160], [4, 41]] as const) {
      const px = scene(seed, size);
      const luma = lumaBT601(px, size, size);
      expect(hashPixels({ pixels: px, width: size, height: size })).toEqual({
        aHash: aHashFromLuma(luma, size, size), dHash: dHashFromLuma(luma, size, size), pHash: pHashFromLuma(luma, size, size),
      });
    }
  });
});
