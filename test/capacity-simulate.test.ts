import { describe, expect, it } from 'vitest';
import { analyseRate } from '../src/capacity/rate';
import { randomPoisson, simulateCrawler, simulateHuman, thinToCount } from '../src/capacity/simulate';
import { seededRandom } from '../src/stats/random';

const T0 = Date.UTC(2014, 5, 30, 16) / 1000;

describe('simulators', () => {
  it('are sorted, inside the period and reproducible', () => {
    const a = simulateHuman(seededRandom(1), { start: T0, days: 3 });
    const b = simulateHuman(seededRandom(1), { start: T0, days: 3 });
    expect(a).toEqual(b);
    for (let i = 1; i < a.length; i++) expect(a[i]!).toBeGreaterThanOrEqual(a[i - 1]!);
    expect(a[0]!).toBeGreaterThanOrEqual(T0);
    expect(a[a.length - 1]!).toBeLessThan(T0 + 3 * 86400);
  });
  it('human model: bursty (LV > 0.8), mostly in daytime; crawler: regular (LV < 0.2)', () => {
    const h = analyseRate(simulateHuman(seededRandom(2), { start: T0, days: 20 }), { ksReplicates: 0 });
    expect(h.localVariation).toBeGreaterThan(0.8);
    expect(h.nightShare).toBeLessThan(0.2);
    const c = analyseRate(simulateCrawler(seededRandom(3), { start: T0, days: 20, delaySeconds: 5, jitter: 0.1 }), { ksReplicates: 0 });
    expect(c.localVariation).toBeLessThan(0.2);
    expect(c.gaps.quantiles.p50).toBeGreaterThan(4.5);
    expect(c.gaps.quantiles.p50).toBeLessThan(5.5);
  });
  it('business-hours crawler never runs at night', () => {
    const c = analyseRate(simulateCrawler(seededRandom(4), { start: T0, days: 10, activeHours: [9, 18], requestsPerRun: 20 }), { ksReplicates: 0 });
    expect(c.nightShare).toBe(0);
  });
  it('thinToCount keeps exactly n, sorted, from the input', () => {
    const ts = Float64Array.from({ length: 100 }, (_, i) => i * 1.5);
    const t = thinToCount(seededRandom(5), ts, 37);
    expect(t.length).toBe(37);
    for (let i = 1; i < t.length; i++) expect(t[i]!).toBeGreaterThan(t[i - 1]!);
    for (const x of t) expect(ts.includes(x)).toBe(true);
    expect(() => thinToCount(seededRandom(5), ts, 101)).toThrow(RangeError);
  });
  it('randomPoisson has the right mean (small and large means)', () => {
    const rng = seededRandom(6);
    let s = 0;
    for (let i = 0; i < 20000; i++) s += randomPoisson(rng, 4);
    expect(s / 20000).toBeCloseTo(4, 1);
    let s2 = 0;
    for (let i = 0; i < 20000; i++) s2 += randomPoisson(rng, 100);
    expect(s2 / 20000 / 100).toBeCloseTo(1, 2);
  });
});
