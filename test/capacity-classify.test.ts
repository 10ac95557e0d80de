import { describe, expect, it } from 'vitest';
import { AUTOMATION_INDICATORS, accessFeatures, classifyAccess, evaluateClassifier } from '../src/capacity/classify';
import { analyseRate } from '../src/capacity/rate';
import { simulateCrawler, simulateHuman } from '../src/capacity/simulate';
import { seededRandom } from '../src/stats/random';

const T0 = Date.UTC(2014, 5, 30, 16) / 1000;

describe('classifyAccess: the points rule', () => {
  const base = { requests: 1000, withinSessionBurstiness: 0.3, localVariation: 1.1, regularity: 0.07, nightShare: 0.1, meanRequestsPerSession: 15, peakPerMinute: 6 };
  it('a typical human profile fires nothing', () => {
    expect(classifyAccess(base)).toMatchObject({ label: 'human-paced', score: 0, fired: [] });
  });
  it('one indicator is not enough, two are', () => {
    expect(classifyAccess({ ...base, nightShare: 0.3 }).label).toBe('human-paced');
    const c = classifyAccess({ ...base, nightShare: 0.3, localVariation: 0.1 });
    expect(c.label).toBe('automated');
    expect(c.fired).toEqual(['regular-pace', 'night']);
  });
  it('thresholds are strict inequalities at the documented values', () => {
    const byId = Object.fromEntries(AUTOMATION_INDICATORS.map((i) => [i.id, i.threshold]));
    expect(byId).toEqual({ 'regular-pace': 0.5, 'fixed-delay': 0.2, night: 0.2, 'long-sessions': 80, 'fast-peaks': 25 });
    expect(classifyAccess({ ...base, nightShare: 0.2, peakPerMinute: 25 }).fired).toEqual([]);
  });
  it("too few requests: 'insufficient'; NaN features never fire", () => {
    expect(classifyAccess({ ...base, requests: 49, localVariation: 0, regularity: 1 }).label).toBe('insufficient');
    expect(classifyAccess({ ...base, localVariation: Number.NaN, regularity: Number.NaN }).fired).toEqual([]);
  });
  it('labels simulated accounts from their timestamps', () => {
    const rng = seededRandom(8);
    const h = analyseRate(simulateHuman(rng, { start: T0, days: 14 }), { ksReplicates: 0 });
    const c = analyseRate(simulateCrawler(rng, { start: T0, days: 14 }), { ksReplicates: 0 });
    expect(classifyAccess(accessFeatures(h)).label).toBe('human-paced');
    expect(classifyAccess(accessFeatures(c)).label).toBe('automated');
  });
});

describe('evaluateClassifier: error rates on simulated logs with known labels', () => {
  // evaluation seed 2 (thresholds were set on development seed 99)
  const ev = evaluateClassifier({ seed: 2, accountsPerScenario: 40 });
  const by = Object.fromEntries(ev.scenarios.map((s) => [s.scenario, s]));
  it('false positives (human called automated) stay below 5% overall', () => {
    expect(ev.falsePositiveRate.n).toBe(80);
    expect(ev.falsePositiveRate.rate).toBeLessThan(0.05);
    expect(by['human-typical']!.errors).toBe(0);
  });
  it('fixed-delay and round-the-clock Poisson crawlers are caught (error < 10%)', () => {
    expect(by['crawler-fixed-delay']!.errorRate).toBeLessThan(0.1);
    expect(by['crawler-poisson']!.errorRate).toBeLessThan(0.1);
    expect(by['crawler-business-hours']!.errorRate).toBeLessThan(0.35);
  });
  it('the documented blind spot is real: daytime Poisson crawlers in short runs are mostly missed', () => {
    expect(by['crawler-poisson-daytime']!.errorRate).toBeGreaterThan(0.5);
  });
  it('reports Wilson intervals around each rate and is reproducible', () => {
    for (const s of ev.scenarios) {
      expect(s.interval[0]).toBeLessThanOrEqual(s.errorRate);
      expect(s.interval[1]).toBeGreaterThanOrEqual(s.errorRate);
    }
    const again = evaluateClassifier({ seed: 2, accountsPerScenario: 5 });
    expect(evaluateClassifier({ seed: 2, accountsPerScenario: 5 })).toEqual(again);
  });
});
