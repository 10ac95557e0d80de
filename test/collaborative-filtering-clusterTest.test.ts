import { describe, expect, it } from 'vitest';
import { clusterRequiredAccuracy, clusterTailPValue, clusterTest, countsFrontier, splitUnits } from '../src/collaborative-filtering/clusterTest';
import { binomialTest } from '../src/stats/binomialTest';

describe('cluster-aware claim test (uploaders as the unit)', () => {
  it('rho = 0 is the binomial test', () => {
    const t = clusterTailPValue({ k: 27, units: [10, 10, 10], p: 0.8, rho: 0 });
    expect(t.pValue).toBeCloseTo(binomialTest(27, 30, 0.8, 'greater').pValue, 10);
  });
  it('rho = 1: each uploader all right or all wrong, so 300 of 300 over 3 uploaders has p*³', () => {
    expect(clusterTailPValue({ k: 300, units: [100, 100, 100], p: 0.5, rho: 1 }).pValue).toBeCloseTo(0.125, 12);
    // 200 of 300 needs two of three uploaders right: 3 p² (1 − p) + p³
    expect(clusterTailPValue({ k: 200, units: [100, 100, 100], p: 0.5, rho: 1 }).pValue).toBeCloseTo(0.5, 12);
  });
  it('the p-value rises with rho when k = n (fewer independent units)', () => {
    const r = clusterTest({ k: 300, n: 300, units: [100, 100, 100], pStar: 0.3, rho: 0.1, rhos: [0, 0.01, 0.1, 0.5, 1], alpha: 0.05 });
    const ps = r.pValueByRho.map(([, p]) => p);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]!);
    expect(r.pValueByRho.at(-1)).toEqual([1, expect.closeTo(0.027, 12)]);
    expect(r.log10PValueByRho[0]![1]).toBeCloseTo(300 * Math.log10(0.3), 6);
    expect(r.designEffect).toBeCloseTo(1 + 99 * 0.1, 12);
  });
  it('required accuracy: 0.05^(1/300) independent, 0.05^(1/3) all-or-nothing per uploader', () => {
    expect(clusterRequiredAccuracy({ k: 300, units: [100, 100, 100], rho: 0, alpha: 0.05 })).toBeCloseTo(Math.pow(0.05, 1 / 300), 8);
    expect(clusterRequiredAccuracy({ k: 300, units: [100, 100, 100], rho: 1, alpha: 0.05 })).toBeCloseTo(Math.pow(0.05, 1 / 3), 8);
  });
  it('splits n over uploaders and draws the (k, n, rho) frontier', () => {
    expect(splitUnits(301, [1, 1, 1])).toEqual([101, 100, 100]);
    const rows = countsFrontier({ ns: [300], agreementRates: [1, 0.3], rhos: [0, 1], shares: [1, 1, 1], pStar: 0.4, alpha: 0.05 });
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.k === 90 && r.rho === 0)!.plausible).toBe(true);
    expect(rows.find((r) => r.k === 300 && r.rho === 0)!.plausible).toBe(false);
  });
});
