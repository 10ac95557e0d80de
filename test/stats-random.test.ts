import { describe, expect, it } from 'vitest';
import { aliasSampler, buildAliasTable, deriveSeed, randomInt, seededRandom, shuffleInPlace } from '../src/stats/random';

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

describe('buildAliasTable', () => {
  // Walker (1977) / Vose (1991): column i keeps i with prob[i] and gives alias[i] otherwise, so
  // P(i) = (prob[i] + sum over columns j aliased to i of (1 - prob[j])) / size.
  const implied = (prob: Float64Array, alias: Int32Array, offset: number, size: number) => {
    const p = new Array<number>(size).fill(0);
    for (let j = 0; j < size; j++) {
      p[j]! += prob[offset + j]! / size;
      p[alias[offset + j]!]! += (1 - prob[offset + j]!) / size;
    }
    return p;
  };
  it('builds the hand-computed table for weights 1, 3, 6', () => {
    // scaled 0.3, 0.9, 1.8; column 1 takes 0.1 from 2 (1.7), column 0 takes 0.7 (1.0, left over)
    const prob = new Float64Array(3), alias = new Int32Array(3);
    buildAliasTable([1, 3, 6], prob, alias);
    expect(Array.from(prob)).toEqual([0.3, 0.9, 1]);
    expect(Array.from(alias)).toEqual([2, 2, 2]);
  });
  it('reproduces the weights exactly, writing only its own segment', () => {
    const rng = seededRandom(11);
    const w = Array.from({ length: 50 }, () => (rng() < 0.2 ? 0 : rng()));
    const prob = new Float64Array(60).fill(-5), alias = new Int32Array(60).fill(-5);
    buildAliasTable([0, 0, 0, 0, 0, ...w], prob, alias, 5, 50);
    const total = w.reduce((s, x) => s + x, 0);
    const p = implied(prob, alias, 5, 50);
    for (let i = 0; i < 50; i++) expect(p[i]!).toBeCloseTo(w[i]! / total, 12);
    for (const j of [0, 4, 55, 59]) {
      expect(prob[j]).toBe(-5);
      expect(alias[j]).toBe(-5);
    }
    for (let j = 5; j < 55; j++) expect(alias[j]! >= 0 && alias[j]! < 50).toBe(true);
  });
  it('gives a uniform table when the weights sum to 0', () => {
    const prob = new Float64Array(4), alias = new Int32Array(4);
    buildAliasTable([0, 0, 0, 0], prob, alias);
    expect(Array.from(prob)).toEqual([1, 1, 1, 1]);
    expect(Array.from(alias)).toEqual([0, 1, 2, 3]);
  });
  it('can scale in place (weights array = prob array)', () => {
    const prob = Float64Array.from([1, 3, 6]), alias = new Int32Array(3);
    buildAliasTable(prob, prob, alias);
    expect(Array.from(prob)).toEqual([0.3, 0.9, 1]);
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
