import { describe, expect, it } from 'vitest';
import { lnGamma } from '../src/stats/lnGamma';
import { logBeta } from '../src/stats/logBeta';
import { stirlingError } from '../src/stats/stirlingError';

/** ln((n − 1)!) by direct summation of logs: an independent reference for integer n. */
function logFactorialSum(m: number): number {
  let s = 0;
  for (let i = 2; i <= m; i++) s += Math.log(i);
  return s;
}

describe('lnGamma (Lanczos; Numerical Recipes 3rd ed. §6.1)', () => {
  it('equals ln((n − 1)!) at the integers', () => {
    for (const n of [1, 2, 3, 4, 5, 10, 19, 20, 21, 50, 100, 171, 500]) {
      const ref = logFactorialSum(n - 1);
      expect(Math.abs(lnGamma(n) - ref)).toBeLessThanOrEqual(2e-15 * Math.max(1, ref) + 1e-15);
    }
    expect(lnGamma(5)).toBe(Math.log(24));
  });
  it('matches Γ(½) = √π and Γ(n + ½) = (2n)! √π / (4ⁿ n!) (A&S 6.1.8, 6.1.12)', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    for (const n of [1, 2, 5, 10, 30]) {
      const ref = logFactorialSum(2 * n) + 0.5 * Math.log(Math.PI) - n * Math.log(4) - logFactorialSum(n);
      expect(Math.abs(lnGamma(n + 0.5) - ref)).toBeLessThan(1e-13 * Math.max(1, Math.abs(ref)));
    }
  });
  it('matches published ln Γ(100) = ln(99!) = 359.13420536957539878 and ln Γ(x) ≈ −ln x for tiny x', () => {
    expect(lnGamma(100)).toBeCloseTo(359.13420536957539878, 11);
    // Γ(x) = 1/x − γ + O(x): ln Γ(1e-8) = −ln(1e-8) − γ·1e-8
    expect(lnGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649015329e-8, 13);
  });
  it('satisfies the recurrence ln Γ(x + 1) = ln Γ(x) + ln x for non-integers', () => {
    for (const x of [0.1, 0.7, 3.3, 12.25, 1234.5]) {
      expect(lnGamma(x + 1)).toBeCloseTo(lnGamma(x) + Math.log(x), 11);
    }
  });
  it('rejects negative input', () => {
    expect(() => lnGamma(-1)).toThrow(RangeError);
    expect(lnGamma(0)).toBe(Infinity);
  });
});

describe('logBeta', () => {
  it('gives B(2, 3) = 1/12, B(½, ½) = π, B(a, 1) = 1/a (A&S 6.2.1)', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
    expect(logBeta(7.5, 1)).toBeCloseTo(-Math.log(7.5), 14);
    expect(logBeta(3, 5)).toBeCloseTo(logBeta(5, 3), 15);
  });
  it('rejects non-positive parameters', () => {
    expect(() => logBeta(0, 1)).toThrow(RangeError);
  });
});

describe('stirlingError (Loader 2000)', () => {
  it('equals ln n! − (n + ½) ln n + n − ln √(2π) across the table/series switch at 15', () => {
    for (const n of [1, 2, 7, 15, 16, 20, 35, 36, 80, 81, 120]) {
      const ref = logFactorialSum(n) - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
      expect(Math.abs(stirlingError(n) - ref)).toBeLessThan(5e-13); // the summed reference carries ~1e-13 rounding
    }
  });
  it('is 1 − ln √(2π) at n = 1 and ≈ 1/(12n) for large n', () => {
    expect(stirlingError(1)).toBeCloseTo(1 - 0.5 * Math.log(2 * Math.PI), 15);
    expect(stirlingError(1e6) * 12e6).toBeCloseTo(1, 10);
  });
});
