import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io/errors';
import { ksExponentialStatistic } from '../src/capacity/ks';
import { analyseRate, RateAccumulator } from '../src/capacity/rate';
import { simulateHuman } from '../src/capacity/simulate';
import { seededRandom } from '../src/stats/random';

// 2014-07-01 00:00:00 CST in epoch seconds
const T0 = Date.UTC(2014, 5, 30, 16) / 1000;

describe('analyseRate: hand-checked figures', () => {
  it('a perfectly periodic source: B = -1, CV = 0, LV = 0, regularity 1', () => {
    const r = analyseRate([T0, T0 + 10, T0 + 20, T0 + 30, T0 + 40], { ksReplicates: 0 });
    expect(r.records).toBe(5);
    expect(r.gaps.n).toBe(4);
    expect(r.gaps.mean).toBe(10);
    expect(r.gaps.sd).toBe(0);
    expect(r.gaps.cv).toBe(0);
    expect(r.gaps.burstiness).toBe(-1);
    expect(r.localVariation).toBe(0);
    expect(r.regularity).toBe(1);
    expect(r.spanSeconds).toBe(40);
    expect(r.meanRatePerSecond).toBeCloseTo(5 / 40, 12);
  });
  it('gaps 1 and 3: B = -1/3 (μ 2, σ 1); LV = 3·((1-3)/(1+3))² = 0.75', () => {
    const r = analyseRate([T0, T0 + 1, T0 + 4], { ksReplicates: 0 });
    expect(r.gaps.burstiness).toBeCloseTo(-1 / 3, 12);
    expect(r.localVariation).toBeCloseTo(0.75, 12);
  });
  it('hour of day and night share are in CST', () => {
    // 00:30, 06:59, 07:00, 12:00 and 23:59 CST on 1 July 2014
    const ts = [0.5, 6 + 59 / 60, 7, 12, 23 + 59 / 60].map((h) => T0 + h * 3600);
    const r = analyseRate(ts, { ksReplicates: 0 });
    expect(r.hourOfDay[0]).toBe(1);
    expect(r.hourOfDay[6]).toBe(1);
    expect(r.hourOfDay[7]).toBe(1);
    expect(r.hourOfDay[12]).toBe(1);
    expect(r.hourOfDay[23]).toBe(1);
    expect(r.nightShare).toBeCloseTo(2 / 5, 12); // [00:00, 07:00)
    expect(r.activeDays).toBe(1);
    // the same instants read in UTC fall on other hours: 00:30 CST = 16:30 UTC
    const u = analyseRate(ts, { ksReplicates: 0, offsetMinutes: 0 });
    expect(u.hourOfDay[16]).toBe(1);
    expect(u.activeDays).toBe(2);
  });
  it('peaks per second, minute, hour; sessions split at 30-minute gaps', () => {
    const ts = [T0, T0 + 0.2, T0 + 0.7, T0 + 1.5, T0 + 50, T0 + 70, T0 + 4000, T0 + 4001];
    const r = analyseRate(ts, { ksReplicates: 0 });
    expect(r.peaks.perSecond).toBe(3);
    expect(r.peaks.perMinute).toBe(5);
    expect(r.peaks.perHour).toBe(6);
    expect(r.peaks.perDay).toBe(8);
    expect(r.sessions.count).toBe(2);
    expect(r.sessions.maxRequests).toBe(6);
    expect(r.sessions.maxDurationSeconds).toBe(70);
    expect(r.sessions.meanRequests).toBe(4);
    expect(r.withinSession.n).toBe(6);
  });
  it('sorts unsorted input (a copy) and says how many records were out of order', () => {
    const input = [T0 + 20, T0, T0 + 10, T0 + 30];
    const r = analyseRate(input, { ksReplicates: 0 });
    expect(r.outOfOrder).toBe(1);
    expect(r.gaps.mean).toBe(10);
    expect(input[0]).toBe(T0 + 20);
  });
  it('counts equal timestamps as zero gaps', () => {
    const r = analyseRate([T0, T0, T0 + 5], { ksReplicates: 0 });
    expect(r.gaps.zeroGaps).toBe(1);
  });
  it('exact quantiles in memory; the histogram KS bounds bracket the exact D', () => {
    const ts = simulateHuman(seededRandom(5), { start: T0, days: 14 });
    const r = analyseRate(ts, { ksReplicates: 0 });
    const acc = new RateAccumulator();
    acc.addBatch(ts);
    const s = acc.summary();
    const gaps = Array.from(ts.subarray(1), (t, i) => t - ts[i]!);
    const d = ksExponentialStatistic(gaps);
    expect(s.ksExponential.dLower).toBeLessThanOrEqual(d + 1e-12);
    expect(s.ksExponential.dUpper).toBeGreaterThanOrEqual(d - 1e-12);
    expect(s.ksExponential.dUpper - s.ksExponential.dLower).toBeLessThan(0.05);
    // streamed median within one histogram bin (50 per decade: factor 10^0.02) of the exact one
    expect(Math.abs(Math.log10(s.gaps.quantiles.p50 / r.gaps.quantiles.p50))).toBeLessThanOrEqual(0.02 + 1e-9);
    expect(s.gaps.mean).toBeCloseTo(r.gaps.mean, 9);
  });
});

describe('RateAccumulator: bad input', () => {
  it('refuses out-of-order records, naming the record', () => {
    const acc = new RateAccumulator({ source: 'ts.f64' });
    expect(() => acc.addBatch([T0, T0 + 5, T0 + 3])).toThrow(EvidenceError);
    try {
      new RateAccumulator({ source: 'ts.f64' }).addBatch([T0, T0 + 5, T0 + 3]);
    } catch (e) {
      expect((e as EvidenceError).issues[0]).toMatchObject({ file: 'ts.f64', row: 3, rowKind: 'item' });
      expect((e as Error).message).toMatch(/out of order/);
    }
  });
  it('refuses future-dated records relative to the stated as-of instant', () => {
    const acc = new RateAccumulator({ asOfSeconds: T0 + 100 });
    expect(() => acc.addBatch([T0, T0 + 100, T0 + 101])).toThrow(/future-dated/);
  });
  it('refuses non-finite timestamps', () => {
    expect(() => new RateAccumulator().addBatch([T0, Number.NaN])).toThrow(/not a finite timestamp/);
  });
  it('gives the same figures in one batch or many', () => {
    const ts = simulateHuman(seededRandom(6), { start: T0, days: 5 });
    const a = new RateAccumulator();
    a.addBatch(ts);
    const b = new RateAccumulator();
    for (let i = 0; i < ts.length; i += 37) b.addBatch(ts.subarray(i, Math.min(ts.length, i + 37)));
    expect(b.summary()).toEqual(a.summary());
  });
});
