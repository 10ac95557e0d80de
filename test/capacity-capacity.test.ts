import { describe, expect, it } from 'vitest';
import { breakEvenProfilesPerPage, capacityBound, capacityDistribution, impliedPlatformVolume, loggedRate, requiredRequestRate, shareCapacityCovers, shareReaching } from '../src/capacity/capacity';

describe('capacity: hand-checked numbers', () => {
  it('bound = visits × pages/visit × profiles/page × (1 - revisit), most favourable ends', () => {
    // 16,000 + 9,000 = 25,000 peak visits; 20 profiles/page at most; revisits at least 25%
    const b = capacityBound(25_000, { pagesPerVisit: 1, profilesPerPage: { min: 1, max: 20 }, revisitShare: { min: 0.25, max: 0.5 } });
    expect(b.distinctProfiles).toBe(375_000);
    expect(b.formula).toBe('25,000 visits × 1 pages/visit × 20 profiles/page × (1 - 0.25) = 375,000');
    // one profile per visit, no revisits: capacity equals the visits
    expect(capacityBound(25_000, { pagesPerVisit: 1, profilesPerPage: 1, revisitShare: 0 }).distinctProfiles).toBe(25_000);
    // whole Jan-Aug 2014 at the usual rate: 2 accounts × 2,000 × 6 months + 25,000 = 49,000
    expect(capacityBound(2 * 2000 * 6 + 25_000, { pagesPerVisit: 2, profilesPerPage: 10, revisitShare: 0.5 }).distinctProfiles).toBe(490_000);
  });
  it('refuses impossible assumptions', () => {
    expect(() => capacityBound(-1, { pagesPerVisit: 1, profilesPerPage: 1, revisitShare: 0 })).toThrow(RangeError);
    expect(() => capacityBound(10, { pagesPerVisit: 1, profilesPerPage: 1, revisitShare: 1.2 })).toThrow(/revisitShare/);
    expect(() => capacityBound(10, { pagesPerVisit: { min: 3, max: 2 }, profilesPerPage: 1, revisitShare: 0 })).toThrow(/min <= max/);
  });
  it('the Monte Carlo distribution lies within the bound, is seeded, and has the right median', () => {
    const a = { pagesPerVisit: 1, profilesPerPage: { min: 0, max: 20 }, revisitShare: 0 } as const;
    const d = capacityDistribution(25_000, a, { draws: 20_000, seed: 7 });
    expect(d.max).toBeLessThanOrEqual(500_000);
    expect(d.min).toBeGreaterThanOrEqual(0);
    // profiles/page ~ U(0, 20): median 10 => 250,000; 5% quantile 1 => 25,000
    expect(d.quantiles.p50 / 250_000).toBeCloseTo(1, 1);
    expect(d.quantiles.p05 / 25_000).toBeCloseTo(1, 0);
    expect(shareReaching(d, 250_000)).toBeCloseTo(0.5, 1);
    expect(shareReaching(d, 1e9)).toBe(0);
    expect(capacityDistribution(25_000, a, { draws: 500, seed: 7 }).samples).toEqual(capacityDistribution(25_000, a, { draws: 500, seed: 7 }).samples);
  });
  it('log-uniform ranges are supported and need min > 0', () => {
    const d = capacityDistribution(1000, { pagesPerVisit: 1, profilesPerPage: { min: 1, max: 100, distribution: 'log-uniform' }, revisitShare: 0 }, { draws: 20_000, seed: 1 });
    expect(d.quantiles.p50 / 10_000).toBeCloseTo(1, 1); // geometric midpoint of 1..100 is 10
    expect(() => capacityDistribution(1, { pagesPerVisit: 1, profilesPerPage: { min: 0, max: 5, distribution: 'log-uniform' }, revisitShare: 0 })).toThrow(/log-uniform/);
  });
});

describe('rates', () => {
  it('required rate: 1,000,000 profiles in July-August (62 days) at 1 profile/request = 0.18668 req/s', () => {
    const r = requiredRequestRate({ profiles: 1_000_000, periodSeconds: 62 * 86400 });
    expect(r.perSecond).toBeCloseTo(1_000_000 / 5_356_800, 12);
    expect(r.perSecond).toBeCloseTo(0.18668, 5);
    expect(r.perDay).toBeCloseTo(16_129.03, 2);
    // half of the fetched profiles repeats: twice the requests
    expect(requiredRequestRate({ profiles: 1_000_000, periodSeconds: 62 * 86400, revisitShare: 0.5 }).requests).toBe(2_000_000);
  });
  it('logged rate: 25,000 visits in 62 days = 0.004667 req/s; 16,000 in July = 0.005974 req/s', () => {
    expect(loggedRate(25_000, 62 * 86400)).toBeCloseTo(0.0046670, 7);
    expect(loggedRate(16_000, 31 * 86400)).toBeCloseTo(0.0059737, 7);
  });
  it('break-even profiles per page: 8,000,000 profiles from 25,000 visits needs 320 per page', () => {
    expect(breakEvenProfilesPerPage(8_000_000, 25_000)).toBe(320);
    expect(breakEvenProfilesPerPage(300, 25_000)).toBe(0.012);
  });
  it('platform volume: 800,000 users × 100 non-users each × 10% distinct = 8,000,000', () => {
    const v = impliedPlatformVolume({ users: 800_000, nonUsersPerUser: 100, distinctShare: { min: 0.1, max: 0.5 } }, { draws: 5000, seed: 3 });
    expect(v.lower).toBe(8_000_000);
    expect(v.upper).toBe(40_000_000);
    expect(v.p50 / 24_000_000).toBeCloseTo(1, 1);
  });
  it('an extra share-with-data factor multiplies in', () => {
    const v = impliedPlatformVolume({ users: 160_000, nonUsersPerUser: 100, distinctShare: 0.5, shareWithData: { min: 0.3, max: 0.7 } }, { draws: 100, seed: 1 });
    expect(v.lower).toBe(2_400_000);
    expect(v.upper).toBe(5_600_000);
  });
});

describe('shareCapacityCovers: P(C >= V) over all pairs', () => {
  it('hand-checked on tiny samples', () => {
    const cap = { samples: Float64Array.of(1, 5, 10) } as Parameters<typeof shareCapacityCovers>[0];
    const vol = { samples: Float64Array.of(2, 5) } as Parameters<typeof shareCapacityCovers>[1];
    // pairs with c >= v: (5,2) (5,5) (10,2) (10,5) = 4 of 6
    expect(shareCapacityCovers(cap, vol)).toBeCloseTo(4 / 6, 12);
  });
});
