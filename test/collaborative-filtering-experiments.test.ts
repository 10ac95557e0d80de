import { describe, expect, it } from 'vitest';
import {
  accuracyVsShareChart,
  calibrationChart,
  fanoByShareChart,
  fanoCeilingChart,
  sensitivityHeatmap,
} from '../src/collaborative-filtering/charts';
import { hideShare } from '../src/collaborative-filtering/calibration';
import { paretoMinimal, sensitivityGrid, type SensitivityCell } from '../src/collaborative-filtering/sensitivity';
import { accuracyVsKnownShare, fanoByKnownShare, fanoCeilingCurve } from '../src/collaborative-filtering/world';
import { generateSocialGraph } from '../src/collaborative-filtering/generator';
import { multiFromLists } from '../src/collaborative-filtering/labels';

const cell = (homophily: number, knownShare: number, cardinality: number): SensitivityCell => ({
  homophily, knownShare, cardinality, pStar: 1, bestMethod: 'vote', pStarUpper: 1, pValue: 1, pValueBetaBinomial: 1, log10Lr: 0, plausible: true, targets: 1,
});

describe('experiments', () => {
  const sim = generateSocialGraph({ nodes: 4000, edges: 40000, seed: 31 });
  it('accuracy rises with the registered share in the full-friend-list geometry', () => {
    const rows = accuracyVsKnownShare(sim, { shares: [0.02, 0.5], fields: ['city'], methods: ['vote'], geometry: 'full', targets: 400, seed: 1 });
    const at = (s: number) => rows.find((r) => r.share === s && r.method === 'vote')!.accuracy;
    expect(at(0.5)).toBeGreaterThan(at(0.02));
    const fig = accuracyVsShareChart(rows);
    expect(fig.data.length).toBe(2);
  });
  it('Fano rows: the model-based ceiling bounds the best method; plug-in ceilings are higher (biased up)', () => {
    const rows = fanoByKnownShare(sim, { shares: [0.1], fields: ['city'], targets: 500, bootstrap: 20, seed: 2 });
    const r = rows[0]!;
    expect(r.ceilingModel).toBeGreaterThanOrEqual(r.bestObserved - 0.05);
    expect(r.ceilingPlugin).toBeGreaterThan(r.ceilingModel);
    expect(fanoByShareChart(rows, 'city').data.length).toBe(4);
  });
  it('Fano curve: one line per information level', () => {
    const c = fanoCeilingCurve([2, 16, 256], [1, 4]);
    expect(c.length).toBe(6);
    expect(c.find((x) => x.bits === 1 && x.cardinality === 2)!.ceiling).toBe(1);
    expect(fanoCeilingChart(c).data.length).toBe(2);
  });
  it('sensitivity grid: cells for every combination; 300/300 is implausible at realistic settings', () => {
    const res = sensitivityGrid({ homophily: [0.6], knownShare: [0.05, 0.5], cardinality: [100], nodes: 3000, edges: 30000, targets: 150, methods: ['vote', 'bayes'], seed: 3 });
    expect(res.cells.length).toBe(2);
    for (const c of res.cells) {
      expect(c.plausible).toBe(false);
      expect(c.pStarUpper).toBeGreaterThanOrEqual(c.pStar);
    }
    expect(res.requiredAccuracy).toBeCloseTo(Math.pow(0.05, 1 / 300), 9);
    const fig = sensitivityHeatmap(res);
    expect(fig.data.length).toBe(1);
  });
  it('paretoMinimal keeps the least generous plausible cells', () => {
    const cells = [cell(0.9, 0.5, 10), cell(0.6, 0.5, 10), cell(0.6, 0.9, 10), cell(0.6, 0.5, 100), cell(0.3, 0.9, 1000)];
    const min = paretoMinimal(cells);
    expect(min.map((c) => [c.homophily, c.knownShare, c.cardinality])).toEqual([[0.6, 0.5, 100], [0.3, 0.9, 1000]]);
  });
  it('hideShare keeps about the requested share, for single and multi labels', () => {
    const labels = Int32Array.from({ length: 1000 }, (_, i) => i % 7);
    const { known, hidden } = hideShare(labels, 0.3, 4);
    expect(hidden.length).toBeGreaterThan(650);
    expect(hidden.length).toBeLessThan(750);
    for (const h of hidden) expect((known as Int32Array)[h]).toBe(-1);
    const multi = multiFromLists([[1, 2], [], [3]]);
    expect(hideShare(multi, 0, 1).hidden.length).toBe(2);
    expect(calibrationChart([{ graph: 'SNAP ego-Facebook', attribute: 'school', knownShare: 0.5, method: 'vote', accuracy: 0.5, targets: 1, targetsWithKnownValue: 1, repeat: 0, seed: 1 }], [{ label: 'ref', accuracy: 0.57 }]).data.length).toBe(3);
  });
});
