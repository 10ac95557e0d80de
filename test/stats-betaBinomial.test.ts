import { describe, expect, it } from 'vitest';
import { betaBinomialCdf } from '../src/stats/betaBinomialCdf';
import { betaBinomialPmf } from '../src/stats/betaBinomialPmf';
import { binomialPmf } from '../src/stats/binomialPmf';

describe('betaBinomialPmf / betaBinomialCdf (Johnson, Kemp & Kotz 2005, §6.7.2)', () => {
  it('is the discrete uniform on 0..n when α = β = 1', () => {
    for (let k = 0; k <= 4; k++) expect(betaBinomialPmf(k, 4, 1, 1)).toBeCloseTo(0.2, 14);
    expect(betaBinomialCdf(1, 4, 1, 1)).toBeCloseTo(0.4, 14);
  });
  it('gives the exact value P(0 | n = 10, α = 2, β = 3) = B(2, 13)/B(2, 3) = 12/182', () => {
    expect(betaBinomialPmf(0, 10, 2, 3)).toBeCloseTo(12 / 182, 14);
  });
  it('has mean nα/(α + β), sums to 1, and tends to the binomial as α + β → ∞', () => {
    let s = 0, m = 0;
    for (let k = 0; k <= 30; k++) { const f = betaBinomialPmf(k, 30, 2.5, 4); s += f; m += k * f; }
    expect(s).toBeCloseTo(1, 13);
    expect(m).toBeCloseTo((30 * 2.5) / 6.5, 11);
    for (const k of [0, 5, 12]) expect(betaBinomialPmf(k, 20, 3e7, 7e7)).toBeCloseTo(binomialPmf(k, 20, 0.3), 6);
  });
  it('cdf agrees with summed pmfs on both summation branches', () => {
    let cum = 0;
    for (let k = 0; k <= 25; k++) {
      cum += betaBinomialPmf(k, 25, 0.7, 1.9);
      expect(betaBinomialCdf(k, 25, 0.7, 1.9)).toBeCloseTo(cum, 12);
    }
    expect(betaBinomialCdf(-1, 25, 1, 1)).toBe(0);
  });
  it('returns 0 outside the support and rejects bad parameters', () => {
    expect(betaBinomialPmf(5, 4, 1, 1)).toBe(0);
    expect(() => betaBinomialPmf(1, 4, 0, 1)).toThrow(RangeError);
    expect(() => betaBinomialCdf(1, 4, 1, -1)).toThrow(RangeError);
  });
});
