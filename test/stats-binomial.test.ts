import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../src/stats/binomialCdf';
import { binomialPmf } from '../src/stats/binomialPmf';
import { binomialUpperTail } from '../src/stats/binomialUpperTail';
import { logBinomialPmf } from '../src/stats/logBinomialPmf';
import { binomialDeviance } from '../src/stats/binomialDeviance';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('binomialPmf / logBinomialPmf (Loader 2000)', () => {
  it('gives exact small values: dbinom(3, 10, 0.5) = 120/1024, dbinom(0, 5, 0.2) = 0.8^5', () => {
    expect(binomialPmf(3, 10, 0.5)).toBeCloseTo(120 / 1024, 15);
    expect(binomialPmf(0, 5, 0.2)).toBeCloseTo(0.8 ** 5, 15);
    expect(binomialPmf(5, 5, 0.2)).toBeCloseTo(0.2 ** 5, 17);
    expect(logBinomialPmf(3, 10, 0.5)).toBeCloseTo(Math.log(120 / 1024), 14);
  });
  it('stays accurate for n = 10^6: C(10^6, 5·10^5)/2^(10^6) = 7.9788436133175008909e-4 (exact, 30-digit arithmetic)', () => {
    expect(rel(binomialPmf(500_000, 1_000_000, 0.5), 7.9788436133175008909e-4)).toBeLessThan(1e-13);
  });
  it('sums to 1 and is symmetric under k → n − k, p → 1 − p', () => {
    let s = 0;
    for (let k = 0; k <= 1000; k++) s += binomialPmf(k, 1000, 0.37);
    expect(s).toBeCloseTo(1, 12);
    expect(rel(binomialPmf(30, 100, 0.2), binomialPmf(70, 100, 0.8))).toBeLessThan(1e-14);
  });
  it('returns 0 outside the support and handles p = 0 and p = 1', () => {
    expect(binomialPmf(-1, 10, 0.5)).toBe(0);
    expect(binomialPmf(11, 10, 0.5)).toBe(0);
    expect(binomialPmf(2.5, 10, 0.5)).toBe(0);
    expect(binomialPmf(0, 10, 0)).toBe(1);
    expect(binomialPmf(10, 10, 1)).toBe(1);
    expect(binomialPmf(3, 10, 1)).toBe(0);
    expect(() => binomialPmf(1, 10, 1.2)).toThrow(RangeError);
  });
});

describe('binomialDeviance', () => {
  it('is 0 at x = m, x ln(x/m) + m − x elsewhere, ≈ (x − m)²/(2m) near m', () => {
    expect(binomialDeviance(10, 10)).toBe(0);
    expect(binomialDeviance(3, 1)).toBeCloseTo(3 * Math.log(3) + 1 - 3, 15);
    expect(rel(binomialDeviance(1000.5, 1000), 0.25 / 2000)).toBeLessThan(1e-3);
    expect(binomialDeviance(0, 4)).toBe(4);
  });
});

describe('binomialCdf / binomialUpperTail (via the incomplete beta function)', () => {
  it('gives exact small values: pbinom(3, 10, 0.5) = 176/1024, P(X ≥ 8) = 56/1024', () => {
    expect(binomialCdf(3, 10, 0.5)).toBeCloseTo(176 / 1024, 15);
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 15);
  });
  it('matches pbinom(400, 1000, 0.45) = 7.9336936966434455954e-4 (exact, 30-digit arithmetic)', () => {
    expect(rel(binomialCdf(400, 1000, 0.45), 7.9336936966434455954e-4)).toBeLessThan(1e-12);
  });
  it('agrees with summed pmfs and complements to 1', () => {
    for (const [n, p] of [[20, 0.3], [137, 0.02], [500, 0.5]] as const) {
      let cum = 0;
      for (let k = 0; k <= n; k += 1) {
        cum += binomialPmf(k, n, p);
        if (k % 7 === 0) {
          expect(binomialCdf(k, n, p)).toBeCloseTo(cum, 12);
          expect(binomialCdf(k, n, p) + binomialUpperTail(k + 1, n, p)).toBeCloseTo(1, 13);
        }
      }
    }
  });
  it('keeps relative precision in tiny tails: P(X ≥ 300 | n = 300, p = ½) = 2^−300', () => {
    expect(rel(binomialUpperTail(300, 300, 0.5), 2 ** -300)).toBeLessThan(1e-12);
    expect(rel(binomialCdf(0, 300, 0.5), 2 ** -300)).toBeLessThan(1e-12);
  });
  it('handles edges and non-integers as R does (floor for the CDF)', () => {
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(3.7, 10, 0.5)).toBe(binomialCdf(3, 10, 0.5));
    expect(binomialUpperTail(0, 10, 0.5)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.5)).toBe(0);
    expect(() => binomialCdf(1, 10.5, 0.5)).toThrow(RangeError);
  });
});
