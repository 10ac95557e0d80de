import { describe, expect, it } from 'vitest';
import { aliasSampler, deriveSeed, randomInt, seededRandom, shuffleInPlace } from '../src/stats/random';

describe('seededRandom', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = seededRandom(7), b = seededRandom(7), c = seededRandom(8);
    const xa = Array.from({ length: 5 }, a), xb = Array.from({ length: 5 }, b), xc = Array.from({ length: 5 }, c);
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });
  it('is roughly uniform (mean 0.5, variance 1/12 within 4 standard errors on 100k draws)', () => {
    const r = seededRandom(1);
    const n = 100_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) { const x = r(); s += x; s2 += x * x; }
    const mean = s / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });
  it('rejects a non-integer seed', () => {
    expect(() => seededRandom(1.5)).toThrow(/integer/);
  });
  it('derives distinct child seeds per label', () => {
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
  });
});

describe('aliasSampler', () => {
  it('draws categories in proportion to their weights', () => {
    const draw = aliasSampler([1, 3, 6]);
    const rng = seededRandom(3);
    const counts = [0, 0, 0];
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[draw(rng)]!++;
    expect(counts[0]! / n).toBeCloseTo(0.1, 1);
    expect(counts[1]! / n).toBeCloseTo(0.3, 1);
    expect(counts[2]! / n).toBeCloseTo(0.6, 1);
  });
  it('rejects negative weights', () => {
    expect(() => aliasSampler([1, -1])).toThrow(/weight 1/);
  });
});

describe('shuffleInPlace / randomInt', () => {
  it('permutes without losing elements', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8];
    shuffleInPlace(seededRandom(2), xs);
    expect([...xs].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const r = seededRandom(4);
    for (let i = 0; i < 100; i++) { const k = randomInt(r, 6); expect(k >= 0 && k < 6).toBe(true); }
  });
});
