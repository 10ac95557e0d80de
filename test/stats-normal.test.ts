import { describe, expect, it } from 'vitest';
import { normalCdf } from '../src/stats/normalCdf';
import { normalQuantile } from '../src/stats/normalQuantile';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('normalCdf (via the incomplete gamma function, A&S 7.1.2 / 6.5.17)', () => {
  it('matches R pnorm: pnorm(-1) = 0.158655253931457, pnorm(1.959963984540054) = 0.975', () => {
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(0)).toBe(0.5);
  });
  it('keeps relative precision in the tails: pnorm(-5) = 2.866515718791939e-7, pnorm(-20) = 2.753624118606e-89', () => {
    expect(rel(normalCdf(-5), 2.866515718791939e-7)).toBeLessThan(1e-13);
    expect(rel(normalCdf(-20), 2.7536241186062e-89)).toBeLessThan(1e-12);
  });
  it('is symmetric and honours mean and sd', () => {
    for (const x of [0.1, 0.8, 2.5, 6]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    expect(normalCdf(130, 100, 15)).toBeCloseTo(normalCdf(2), 15);
    expect(() => normalCdf(1, 0, 0)).toThrow(RangeError);
  });
});

describe('normalQuantile (Acklam 2003 + Halley refinement)', () => {
  it('matches R qnorm: 0.975 → 1.959963984540054, 0.995 → 2.575829303548901, 0.9 → 1.281551565544601', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829303548901, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281551565544601, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });
  it('is accurate far in the tails: qnorm(1e-10) = -6.361340902404056, qnorm(1e-300) = -37.04710', () => {
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0471, 4);
  });
  it('inverts normalCdf on a grid and handles 0, 1 and location/scale', () => {
    for (const p of [1e-15, 1e-6, 0.01, 0.02425, 0.2, 0.5, 0.7, 0.97575, 0.999]) {
      expect(rel(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-13);
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.975, 100, 15)).toBeCloseTo(100 + 15 * 1.959963984540054, 12);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
  });
});
