/** Figure builders: plain plotly specs with the numbers of the model / explanation / sweep. */
import { describe, expect, it } from 'vitest';
import { matchWeightHistogram, mUChart, thresholdSweep, thresholdSweepChart, waterfallChart } from '../src/linkage';
import type { FellegiSunterModel, PairExplanation } from '../src/linkage';

const model: FellegiSunterModel = {
  fields: [{ name: 'name', description: 'n', levels: [
    { label: 'missing', description: 'm', isNull: true }, { label: 'same', labelZh: '相同', description: 's', isNull: false }, { label: 'different', description: 'd', isNull: false },
  ] }],
  m: [Float64Array.of(NaN, 0.9, 0.1)], u: [Float64Array.of(NaN, 0.01, 0.99)],
  lambda: 0.01, lambdaCandidates: 0.01, candidateShare: 1, method: { m: 'fixed', u: 'fixed', lambda: 'fixed' },
};

describe('linkage charts', () => {
  it('m/u chart: one bar per non-null level, m and u traces', () => {
    const f = mUChart(model);
    expect(f.data).toHaveLength(2);
    expect(f.data[0]!.y).toEqual([0.9, 0.1]);
    expect(f.data[1]!.y).toEqual([0.01, 0.99]);
    expect((f.data[0]!.x as string[][])[1]).toEqual(['same 相同', 'different']);
  });

  it('histogram bins every pair once (split by truth when given)', () => {
    const w = Float64Array.of(-3.2, -3.1, 0.5, 7.9, 8.2);
    const f = matchWeightHistogram(w, { isTrue: Uint8Array.of(0, 0, 0, 1, 1), threshold: 0 });
    const total = (f.data as Array<{ y: number[] }>).reduce((s, t) => s + t.y.reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(5);
    expect((f.data[0] as { y: number[] }).y.reduce((a, b) => a + b, 0)).toBe(2);
    expect(() => matchWeightHistogram(w, { binWidth: 0 })).toThrow(/binWidth/);
  });

  it('waterfall: prior, fields, total; relative bars sum to the total', () => {
    const e: PairExplanation = {
      pair: 0, left: 1, right: 2, prior: { lambda: 0.01, weight: -6.6 },
      fields: [{ field: 'name', level: 'same', levelZh: '相同', isNull: false, m: 0.9, u: 0.01, weight: 6.49, tfAdjustment: -1 }],
      weight: 5.49, matchWeight: -1.11, probability: 0.316,
    };
    const f = waterfallChart(e);
    const t = f.data[0] as { measure: string[]; y: number[]; x: string[] };
    expect(t.measure).toEqual(['absolute', 'relative', 'total']);
    expect(t.y[0]! + t.y[1]!).toBeCloseTo(t.y[2]!, 10);
    expect(t.x[1]).toBe('name: 相同');
  });

  it('sweep chart carries precision / recall / F1 only when truth is known', () => {
    const w = Float64Array.of(5, -5, 2);
    expect(thresholdSweepChart(thresholdSweep(w)).data).toHaveLength(2);
    expect(thresholdSweepChart(thresholdSweep(w, { isTrue: Uint8Array.of(1, 0, 0) })).data).toHaveLength(5);
  });
});
