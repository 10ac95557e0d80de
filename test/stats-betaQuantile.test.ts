import { describe, expect, it } from 'vitest';
import { betaQuantile } from '../src/stats/betaQuantile';
import { regularizedIncompleteBeta } from '../src/stats/regularizedIncompleteBeta';

describe('betaQuantile (safeguarded Newton/bisection)', () => {
  it('inverts the incomplete beta function over a grid of shapes and probabilities', () => {
    for (const [a, b] of [[0.2, 0.3], [1, 1], [2, 5], [81, 183], [0.5, 30], [500, 20]]) {
      for (const p of [1e-12, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999]) {
        const x = betaQuantile(p, a, b);
        if (x === 1) {
          // The true quantile is within 1e-16 of 1 (not representable below 1): check the mirror
          // problem I_{1−x}(b, a) = 1 − p instead, which holds the digits.
          const y = betaQuantile(1 - p, b, a);
          expect(Math.abs(regularizedIncompleteBeta(y, b, a) - (1 - p)) / (1 - p)).toBeLessThan(1e-9);
          expect(y).toBeLessThan(1e-15);
          continue;
        }
        const back = regularizedIncompleteBeta(x, a, b);
        expect(Math.abs(back - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
      }
    }
  });
  it('matches closed forms: Beta(a,1): p^{1/a}; Beta(1,b): 1 − (1−p)^{1/b}', () => {
    expect(betaQuantile(0.3, 4, 1)).toBeCloseTo(0.3 ** 0.25, 14);
    // R: qbeta(0.975, 1, 20) = 0.1684335 (Clopper-Pearson upper bound for 0/20, Newcombe 1998)
    expect(betaQuantile(0.975, 1, 20)).toBeCloseTo(1 - 0.025 ** (1 / 20), 14);
    expect(betaQuantile(0.975, 1, 20)).toBeCloseTo(0.1684335, 7);
  });
  it('R: qbeta(0.025, 81, 183) = 0.2527367 and qbeta(0.975, 82, 182) = 0.3676219', () => {
    expect(betaQuantile(0.025, 81, 183)).toBeCloseTo(0.2527367, 7);
    expect(betaQuantile(0.975, 82, 182)).toBeCloseTo(0.3676219, 7);
  });
  it('is robust at the edges: p = 1e-100 for Beta(2, 5) where I_x ≈ 15x² (so x ≈ √(p/15))', () => {
    const x = betaQuantile(1e-100, 2, 5);
    expect(Math.abs(x / Math.sqrt(1e-100 / 15) - 1)).toBeLessThan(1e-10);
    expect(betaQuantile(0, 2, 5)).toBe(0);
    expect(betaQuantile(1, 2, 5)).toBe(1);
    const y = betaQuantile(1 - 1e-15, 3, 3);
    expect(y).toBeGreaterThan(0.99);
    expect(y).toBeLessThan(1);
  });
  it('rejects bad arguments', () => {
    expect(() => betaQuantile(-0.1, 1, 1)).toThrow(RangeError);
    expect(() => betaQuantile(0.5, -1, 1)).toThrow(RangeError);
  });
});
