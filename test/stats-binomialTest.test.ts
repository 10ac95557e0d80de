import { describe, expect, it } from 'vitest';
import { binomialTest } from '../src/stats/binomialTest';
import { lnGamma } from '../src/stats/lnGamma';
import { seededRandom, randomInt } from '../src/stats/random';

/** Brute-force reference for R's two-sided rule: sum f(i) over all i with f(i) ≤ f(k)(1 + 1e-7). */
function bruteTwoSided(k: number, n: number, p: number): number {
  const f = (i: number) => Math.exp(lnGamma(n + 1) - lnGamma(i + 1) - lnGamma(n - i + 1) + i * Math.log(p) + (n - i) * Math.log1p(-p));
  const d = f(k) * (1 + 1e-7);
  let s = 0;
  for (let i = 0; i <= n; i++) if (f(i) <= d) s += f(i);
  return Math.min(1, s);
}

describe('binomialTest (exact; R binom.test)', () => {
  it("reproduces R's documented example binom.test(c(682, 243), p = 3/4): p = 0.3825, CI 0.7076683–0.7654066", () => {
    // R ?binom.test example (Conover 1971, p. 97f): p-value = 0.3825,
    // 95 percent confidence interval: 0.7076683 0.7654066, estimate 0.7372973
    const r = binomialTest(682, 925, 0.75);
    expect(r.pValue).toBeCloseTo(0.3825, 4);
    expect(r.confidenceInterval[0]).toBeCloseTo(0.7076683, 7);
    expect(r.confidenceInterval[1]).toBeCloseTo(0.7654066, 7);
    expect(r.estimate).toBeCloseTo(0.7372973, 7);
  });
  it('gives the exact symmetric values: binom.test(3, 10) p = 352/1024; greater/less one-sided tails', () => {
    expect(binomialTest(3, 10).pValue).toBeCloseTo(352 / 1024, 14);
    expect(binomialTest(7, 10, 0.5, 'greater').pValue).toBeCloseTo(176 / 1024, 14);
    expect(binomialTest(7, 10, 0.5, 'less').pValue).toBeCloseTo(968 / 1024, 14);
    expect(binomialTest(5, 10).pValue).toBe(1); // k = n p0
  });
  it('agrees with a brute-force minimum-likelihood sum on random (k, n, p0), both sides of the mode', () => {
    const rng = seededRandom(2024);
    for (let t = 0; t < 200; t++) {
      const n = 1 + randomInt(rng, 120);
      const k = randomInt(rng, n + 1);
      const p = 0.01 + 0.98 * rng();
      const got = binomialTest(k, n, p).pValue;
      const ref = bruteTwoSided(k, n, p);
      expect(Math.abs(got - ref)).toBeLessThan(1e-11 + 1e-9 * ref);
    }
  });
  it('keeps tiny p-values: 300 of 300 at p0 = ½ gives 2·2^−300 two-sided', () => {
    const r = binomialTest(300, 300, 0.5);
    expect(Math.abs(r.pValue / (2 * 2 ** -300) - 1)).toBeLessThan(1e-12);
    expect(binomialTest(300, 300, 0.5, 'greater').pValue / 2 ** -300).toBeCloseTo(1, 12);
  });
  it('reports one-sided Clopper-Pearson bounds for one-sided alternatives', () => {
    const g = binomialTest(7, 10, 0.5, 'greater');
    expect(g.confidenceInterval[1]).toBe(1);
    // R: binom.test(7, 10, alternative = "greater")$conf.int[1] = 0.3933758
    expect(g.confidenceInterval[0]).toBeCloseTo(0.3933758, 7);
    const l = binomialTest(0, 20, 0.1, 'less');
    expect(l.confidenceInterval).toEqual([0, expect.closeTo(1 - 0.05 ** (1 / 20), 12)]);
  });
  it('rejects bad input', () => {
    expect(() => binomialTest(11, 10)).toThrow(RangeError);
    expect(() => binomialTest(1, 10, 1.5)).toThrow(RangeError);
    // @ts-expect-error invalid alternative
    expect(() => binomialTest(1, 10, 0.5, 'two.sided')).toThrow(RangeError);
  });
});
