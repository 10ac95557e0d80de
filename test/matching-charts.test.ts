import { describe, expect, it } from 'vitest';
import {
  alternativeSourcesChart, compareTables, defaultComparisons, fieldRatesChart, generateSyntheticEvidence, matchRates, nullDistributionChart,
  pairProfiles, permutationNull, sensitivityChart, strictnessSensitivity,
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
  it('null distribution with the observed line', () => {
    const nul = permutationNull(paired, cmps, m, { permutations: 99 });
    const fig = nullDistributionChart(nul);
    expect((fig.data[0] as { x: number[] }).x).toHaveLength(99);
    expect((fig.data[1] as { x: number[] }).x).toEqual([rates.overall.k, rates.overall.k]);
    expect((nullDistributionChart(nul, 'agree:tags').data[0] as { x: number[] }).x).toHaveLength(99);
    expect(() => nullDistributionChart(nul, 'nope')).toThrow(/nope/);
  });
  it('sensitivity curve and alternative sources', () => {
    const rows = strictnessSensitivity(paired, [0.6, 1], { pairs: 500 });
    const fig = sensitivityChart(rows);
    expect(fig.data).toHaveLength(5);
    expect((fig.data[2] as { y: number[] }).y).toEqual(rows.map((r) => r.overallRate));
    const alt = alternativeSourcesChart([{ source: 'observed', rates: rates.fields }, { source: 'x', rates: rates.fields }]);
    expect(alt.data).toHaveLength(2);
    expect(JSON.stringify(fig)).not.toMatch(/NaN/);
  });
});
