import { describe, expect, it } from 'vitest';
import {
  compareTables, defaultComparisons, fieldRatesChart, generateSyntheticEvidence, matchRates, nullDistributionChart,
  pairProfiles, propositionLrChart, sensitivityChart, simulationChart, strictnessSensitivity,
} from '../src/matching';

describe('matching charts', () => {
  const ev = generateSyntheticEvidence({ seed: 9, displayed: 40, extraSource: 10 });
  const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
  const cmps = defaultComparisons();
  const m = compareTables(paired, cmps);
  const rates = matchRates(m);
  it('field rates with asymmetric interval error bars', () => {
    const fig = fieldRatesChart(rates.fields, { expected: [0, 0, 0.1, 0.1, 0.1, 0.1] });
    const bar = fig.data[0] as { y: number[]; error_y: { array: number[]; arrayminus: number[] } };
    expect(bar.y).toEqual(rates.fields.map((f) => f.rate));
    expect(bar.error_y.array[0]).toBeCloseTo(rates.fields[0]!.wilsonHigh - rates.fields[0]!.rate, 12);
    expect(fig.data).toHaveLength(2);
    const cp = fieldRatesChart(rates.fields, { interval: 'clopper-pearson' }).data[0] as { error_y: { arrayminus: number[] } };
    expect(cp.error_y.arrayminus[1]).toBeCloseTo(rates.fields[1]!.rate - rates.fields[1]!.clopperPearsonLow, 12);
  });
  it('null distribution (counts per value) with the observed line', () => {
    const fig = nullDistributionChart({ histogram: [{ value: 0, count: 90 }, { value: 1, count: 9 }], observed: rates.overall.k, pValue: 0.01, permutations: 99 });
    expect((fig.data[0] as { y: number[] }).y).toEqual([90, 9]);
    expect((fig.data[1] as { x: number[] }).x).toEqual([rates.overall.k, rates.overall.k]);
    expect(JSON.stringify(fig.layout)).toMatch(/P\(≥ \d+ \| unrelated\)/);
  });
  it('sensitivity curve, LR boxes and the simulation chart', () => {
    const rows = strictnessSensitivity(paired, [0.6, 1], { pairs: 500 });
    const fig = sensitivityChart(rows);
    expect(fig.data).toHaveLength(4);
    expect((fig.data[2] as { y: number[] }).y).toEqual(rows.map((r) => r.overallRate));
    expect(JSON.stringify(fig)).not.toMatch(/NaN/);
    const box = propositionLrChart([{ fieldsShown: 2, log10LrVs: { a: 3, b: 1 } }, { fieldsShown: 0, log10LrVs: { a: 0, b: 0 } }], ['a', 'b']);
    expect((box.data[0] as { y: number[] }).y).toEqual([3]);
    const cell = { q05: 0, q25: 1, median: 2, q75: 3, q95: 4 };
    const sim = simulationChart([{ generatedUnder: 'copied', vs: 'a', ...cell }, { generatedUnder: 'x', vs: 'a', ...cell }]);
    expect(sim.data).toHaveLength(2);
    expect((sim.data[0] as { median: number[] }).median).toEqual([2]);
  });
});
