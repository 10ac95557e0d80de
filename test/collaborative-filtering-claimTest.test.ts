import { describe, expect, it } from 'vitest';
import { betaBinomialUpperTail, claimTest, plausibilityFrontier, simulateTypeIError } from '../src/collaborative-filtering/claimTest';

describe('claimTest', () => {
  it('300 of 300 against p* = 0.3: p-value = 0.3^300, LR = (0.95/0.3)^300', () => {
    const r = claimTest({ k: 300, n: 300, pStar: 0.3 });
    expect(Math.log10(r.binomial.pValue)).toBeCloseTo(300 * Math.log10(0.3), 6);
    expect(r.binomial.log10PValue).toBeCloseTo(300 * Math.log10(0.3), 9);
    // where the p-value underflows, its log stays finite: 0.01^300 = 1e-600
    expect(claimTest({ k: 300, n: 300, pStar: 0.01 }).binomial.log10PValue).toBeCloseTo(-600, 9);
    expect(r.binomial.reject).toBe(true);
    expect(r.lr.log10).toBeCloseTo(300 * Math.log10(0.95 / 0.3), 6);
    expect(r.lr.verbal.band).toBe('extremely-strong');
  });
  it('required accuracy for k = n is alpha^(1/n)', () => {
    expect(claimTest({ k: 300, n: 300, pStar: 0.5 }).requiredAccuracy).toBeCloseTo(Math.pow(0.05, 1 / 300), 9);
  });
  it('does not reject when p* is near the observed rate', () => {
    const r = claimTest({ k: 290, n: 300, pStar: 0.97 });
    expect(r.binomial.reject).toBe(false);
    expect(r.binomial.pValue).toBeGreaterThan(0.5);
  });
  it('beta-binomial (overdispersed) is more lenient than the binomial', () => {
    const r = claimTest({ k: 300, n: 300, pStar: 0.3, overdispersion: 0.1 });
    expect(r.betaBinomial.pValue).toBeGreaterThan(r.binomial.pValue);
    expect(r.requiredAccuracyBetaBinomial).toBeLessThan(r.requiredAccuracy);
  });
  it('beta-binomial tail: a = b = 1 is uniform on 0..n, so P(X >= 3 | n = 4) = 2/5', () => {
    expect(betaBinomialUpperTail(3, 4, 1, 1)).toBeCloseTo(0.4, 12);
  });
  it('p* = 0 gives an infinite LR and rejects', () => {
    const r = claimTest({ k: 5, n: 5, pStar: 0 });
    expect(r.lr.log10).toBe(Infinity);
    expect(r.binomial.reject).toBe(true);
  });
});

describe('type-I error on simulated null data (seeded)', () => {
  it('binomial test rejects about 5% at alpha 0.05', () => {
    const r = simulateTypeIError({ n: 300, pStar: 0.3, replicates: 2000, seed: 1 });
    expect(r.rate).toBeGreaterThan(0.03);
    expect(r.rate).toBeLessThan(0.065);
  });
  it('beta-binomial test rejects about 5% under its own null', () => {
    const r = simulateTypeIError({ n: 300, pStar: 0.3, replicates: 2000, model: 'beta-binomial', overdispersion: 0.1, seed: 2 });
    expect(r.rate).toBeGreaterThan(0.03);
    expect(r.rate).toBeLessThan(0.065);
  });
  it('is deterministic by seed', () => {
    expect(simulateTypeIError({ n: 100, pStar: 0.5, replicates: 300, seed: 9 })).toEqual(simulateTypeIError({ n: 100, pStar: 0.5, replicates: 300, seed: 9 }));
  });
});

describe('plausibilityFrontier', () => {
  it('a* = 1 - (1 - P^(1/F))^(1/r): one uploader, one field => a* = P', () => {
    const [row] = plausibilityFrontier({ required: 0.99, fields: 1, uploaders: [1], cardinalities: [1] });
    expect(row!.requiredAgreement).toBeCloseTo(0.99, 12);
  });
  it('homophily needed rises with cardinality and falls with more uploaders', () => {
    const rows = plausibilityFrontier({ required: 0.99, fields: 2, uploaders: [1, 3], cardinalities: [2, 1000] });
    const get = (r: number, k: number) => rows.find((x) => x.uploaders === r && x.cardinality === k)!.requiredAlpha!;
    expect(get(1, 1000)).toBeGreaterThan(get(1, 2));
    expect(get(3, 1000)).toBeLessThan(get(1, 1000));
  });
  it('personalised values make the claim unreachable', () => {
    const [row] = plausibilityFrontier({ required: 0.99, fields: 1, uploaders: [3], cardinalities: [100], personalShare: 0.8 });
    expect(row!.requiredAlpha).toBeNull();
  });
});
