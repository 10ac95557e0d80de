import { describe, expect, it } from 'vitest';
import { binomialUpperTail, entropyOfDistribution, logAddExp, logSumExp, poissonBinomialUpperTail, quantileSorted } from '../src/stats';

describe('logAddExp', () => {
  it('adds probabilities held as logs, stably', () => {
    expect(logAddExp(Math.log(0.25), Math.log(0.75))).toBeCloseTo(0, 14);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, -3)).toBe(-3);
    expect(logAddExp(2, 5)).toBeCloseTo(logSumExp([2, 5]), 14);
    expect(() => logAddExp(Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('quantileSorted (Hyndman & Fan type 7)', () => {
  it('matches R quantile(type = 7) on small cases', () => {
    // R: quantile(c(1, 2, 3, 4), c(0, .25, .5, .9, 1)) = 1, 1.75, 2.5, 3.7, 4
    const xs = [1, 2, 3, 4];
    expect([0, 0.25, 0.5, 0.9, 1].map((p) => quantileSorted(xs, p))).toEqual([1, 1.75, 2.5, expect.closeTo(3.7, 12), 4]);
    expect(quantileSorted(Int32Array.from([0, 10]), 0.25)).toBe(2.5);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });
});

describe('entropyOfDistribution', () => {
  it('is Shannon entropy in bits of a probability vector', () => {
    expect(entropyOfDistribution([0.5, 0.5])).toBe(1);
    expect(entropyOfDistribution([0.25, 0.25, 0.5])).toBe(1.5);
    expect(entropyOfDistribution([1, 0])).toBe(0);
    expect(() => entropyOfDistribution([0.5, 0.4])).toThrow(/sum/);
  });
});

describe('poissonBinomialUpperTail', () => {
  it('equals the binomial tail when every p is the same', () => {
    const p = Array(40).fill(0.3);
    for (const k of [0, 5, 12, 20, 40]) expect(10 ** poissonBinomialUpperTail(p, k).log10P).toBeCloseTo(binomialUpperTail(k, 40, 0.3), 12);
  });
  it('enumerates small cases exactly', () => {
    // P(K >= 2) for p = (0.1, 0.2, 0.3) = 0.1*0.2*0.7 + 0.1*0.8*0.3 + 0.9*0.2*0.3 + 0.1*0.2*0.3 = 0.098
    expect(10 ** poissonBinomialUpperTail([0.1, 0.2, 0.3], 2).log10P).toBeCloseTo(0.098, 12);
    expect(poissonBinomialUpperTail([0.1, 0.2], 3).log10P).toBe(-Infinity);
  });
  it('uses the Poisson approximation beyond 3,000 trials and says so', () => {
    const r = poissonBinomialUpperTail(Array(5000).fill(0.001), 10);
    expect(r.method).toBe('poisson');
    expect(10 ** r.log10P).toBeCloseTo(binomialUpperTail(10, 5000, 0.001), 3);
  });
});
