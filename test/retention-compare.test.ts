import { describe, expect, it } from 'vitest';
import { compareWithClaim, contradictionSummary, minimumContradictingCount } from '../src/retention/compare';
import type { DeletionClaim } from '../src/retention/claim';
import { clopperPearsonInterval } from '../src/stats/clopperPearsonInterval';
import { wilsonInterval } from '../src/stats/wilsonInterval';

const claim: DeletionClaim = {
  contractEnd: '2014-08-31',
  stages: [{ date: '2014-11-30', shareDeleted: 0.7 }, { date: '2015-03-31', shareDeleted: 0.3 }],
};

describe('compareWithClaim', () => {
  it('any record after the claimed completion contradicts the claim (ε = 0): p = 0', () => {
    const [r] = compareWithClaim(claim, [{ date: '2015-04-28', label: 'c6', inspected: 10, sourceOrigin: 1 }]);
    expect(r!.claimedRemaining).toBe(0);
    expect(r!.pValue).toBe(0);
    expect(r!.contradicts).toBe(true);
    expect(r!.statement).toMatch(/CONTRADICTS/);
  });
  it('with 5% misattribution, 1 of 10 is explained: p = 1 - 0.95^10 = 0.4013', () => {
    const [r] = compareWithClaim(claim, [{ date: '2015-04-28', label: 'c6', inspected: 10, sourceOrigin: 1 }], { misattributionRate: 0.05 });
    expect(r!.nullShare).toBeCloseTo(0.05, 12);
    expect(r!.pValue).toBeCloseTo(1 - 0.95 ** 10, 10);
    expect(r!.contradicts).toBe(false);
  });
  it('hand-checked exact test: 9 of 10 where the claim allows 30%: p = 10·0.3^9·0.7 + 0.3^10 = 1.4369e-4', () => {
    const [r] = compareWithClaim(claim, [{ date: '2014-12-15', label: 'c3', inspected: 10, sourceOrigin: 9 }]);
    expect(r!.claimedRemaining).toBeCloseTo(0.3, 12);
    expect(r!.pValue).toBeCloseTo(10 * 0.3 ** 9 * 0.7 + 0.3 ** 10, 12);
    expect(r!.contradicts).toBe(true);
  });
  it('an observation under the claimed share is consistent; intervals come from src/stats', () => {
    const [r] = compareWithClaim(claim, [{ date: '2014-12-15', label: 'c3', inspected: 100, sourceOrigin: 25 }]);
    expect(r!.contradicts).toBe(false);
    expect(r!.share).toBe(0.25);
    expect(r!.wilson).toEqual(wilsonInterval(25, 100));
    expect(r!.clopperPearson).toEqual(clopperPearsonInterval(25, 100));
    expect(r!.daysAfterContractEnd).toBe(106);
  });
  it('reports in date order and summarises which observations contradict', () => {
    const rows = compareWithClaim(claim, [
      { date: '2015-06-01', label: 'late', inspected: 50, sourceOrigin: 10 },
      { date: '2014-09-10', label: 'early', inspected: 50, sourceOrigin: 49 },
    ]);
    expect(rows.map((r) => r.label)).toEqual(['early', 'late']);
    expect(contradictionSummary(rows)).toMatch(/^1 of 2 observations contradict the claimed deletion schedule: late \(2015-06-01\)/);
    expect(contradictionSummary(rows.slice(0, 1))).toMatch(/None of the 1/);
  });
});

describe('minimumContradictingCount', () => {
  it('a single record contradicts a claim of complete deletion when ε = 0', () => {
    expect(minimumContradictingCount(100, 0)).toBe(1);
  });
  it('with 5% misattribution, 10 of 100: P(X >= 10) = 0.0282 < 0.05 but P(X >= 9) = 0.0631', () => {
    expect(minimumContradictingCount(100, 0, 0.05)).toBe(10);
  });
  it('null when no count could contradict', () => {
    expect(minimumContradictingCount(3, 0.5)).toBeNull(); // P(X >= 3 | 3, 0.5) = 0.125
    expect(minimumContradictingCount(5, 0.5)).toBe(5); // 0.5^5 = 0.03125
  });
});
