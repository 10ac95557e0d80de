import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta as I } from '../src/stats/regularizedIncompleteBeta';
import { lnGamma } from '../src/stats/lnGamma';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('regularizedIncompleteBeta (NR §6.4 continued fraction, Lentz)', () => {
  it('matches closed forms: I_x(1,1) = x, I_x(a,1) = x^a, I_x(1,b) = 1 − (1−x)^b, I_½(a,a) = ½', () => {
    for (const x of [0.001, 0.2, 0.5, 0.77, 0.999]) {
      expect(I(x, 1, 1)).toBeCloseTo(x, 15);
      expect(rel(I(x, 3.5, 1), x ** 3.5)).toBeLessThan(1e-13);
      expect(rel(I(x, 1, 4.25), 1 - (1 - x) ** 4.25)).toBeLessThan(1e-13);
    }
    for (const a of [0.3, 2, 17, 1000]) expect(I(0.5, a, a)).toBeCloseTo(0.5, 13);
  });
  it('matches I_x(½, ½) = (2/π) arcsin √x (arcsine law)', () => {
    for (const x of [0.01, 0.1, 0.4, 0.9]) {
      expect(I(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 13);
    }
  });
  it('R: pbeta(0.5, 2, 3) = 0.6875 exactly (11/16)', () => {
    expect(I(0.5, 2, 3)).toBeCloseTo(0.6875, 15);
    expect(I(0.5, 2, 3, false)).toBeCloseTo(0.3125, 15);
  });
  it('equals the binomial tail Σ_{j≥k} C(n,j) p^j (1−p)^{n−j} (A&S 26.5.24), including tiny tails', () => {
    const cases: [number, number, number][] = [[3, 10, 0.2], [40, 100, 0.3], [90, 100, 0.5], [250, 1000, 0.1]];
    for (const [k, n, p] of cases) {
      let tail = 0;
      for (let j = k; j <= n; j++) {
        tail += Math.exp(lnGamma(n + 1) - lnGamma(j + 1) - lnGamma(n - j + 1) + j * Math.log(p) + (n - j) * Math.log1p(-p));
      }
      expect(rel(I(p, k, n - k + 1), tail)).toBeLessThan(1e-11);
      expect(rel(I(1 - p, n - k + 1, k, false), tail)).toBeLessThan(1e-11);
    }
  });
  it('keeps relative precision in the upper tail where 1 − lower would be 0', () => {
    // I_x(a,1) = x^a, so the upper tail of I_{1−x}(1, a) ... use 1 − I_x(1, b) = (1 − x)^b
    const up = I(0.9, 1, 50, false); // (0.1)^50
    expect(rel(up, 1e-50)).toBeLessThan(1e-12);
  });
  it('handles the ends and rejects bad arguments', () => {
    expect(I(0, 2, 3)).toBe(0);
    expect(I(1, 2, 3)).toBe(1);
    expect(() => I(1.5, 2, 3)).toThrow(RangeError);
    expect(() => I(0.5, 0, 3)).toThrow(RangeError);
  });
});
