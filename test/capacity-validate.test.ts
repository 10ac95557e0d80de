import { describe, expect, it } from 'vitest';
import { capacityFrontier } from '../src/capacity/capacity';
import { BEHAVIOUR_FAMILIES, TUNING_FAMILIES, validateClassifierOutOfSample } from '../src/capacity/validate';

describe('classifier validated out of sample', () => {
  const v = validateClassifierOutOfSample({ tuningSeed: 99, seed: 3, accountsPerFamily: 15 });
  it('reports one row per held-out family, none of them a tuning family, with Wilson intervals', () => {
    expect(v.outOfSample.map((r) => r.family)).toEqual(BEHAVIOUR_FAMILIES.map((f) => f.id).filter((f) => !TUNING_FAMILIES.includes(f)));
    expect(v.tuning.map((r) => r.family)).toEqual([...TUNING_FAMILIES]);
    for (const r of v.outOfSample) {
      expect(r.role).toBe('held out');
      expect(r.interval[0]).toBeLessThanOrEqual(r.errorRate);
      expect(r.interval[1]).toBeGreaterThanOrEqual(r.errorRate);
    }
  });
  it('names the crawler that imitates human pacing as undetectable (it passes as human)', () => {
    expect(v.undetectable).toContain('crawler-human-pacing');
    expect(v.outOfSample.find((r) => r.family === 'crawler-human-pacing')!.errorRate).toBeGreaterThan(0.8);
  });
  it('refuses to evaluate on the tuning seed; same seeds give the same table', () => {
    expect(() => validateClassifierOutOfSample({ tuningSeed: 5, seed: 5 })).toThrow(/differ/);
    expect(validateClassifierOutOfSample({ tuningSeed: 99, seed: 3, accountsPerFamily: 15 })).toEqual(v);
  });
});

describe('capacityFrontier', () => {
  it('profiles per page needed = volume / (visits × pages × (1 − revisits)), by hand', () => {
    const rows = capacityFrontier(50_000, [{ label: 'v', profiles: 2e6 }], { pagesPerVisit: [1, 4], revisitShare: [0, 0.5] });
    expect(rows.map((r) => [r.pagesPerVisit, r.revisitShare, r.needed.v])).toEqual([[1, 0, 40], [4, 0, 10], [1, 0.5, 80], [4, 0.5, 20]]);
  });
});
