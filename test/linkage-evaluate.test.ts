/**
 * Precision / recall / F1 (Christen 2012, ch. 7), the threshold sweep, and fastLink's
 * model-based error rates (Enamorado, Fifield & Imai 2019): FDR(t) = sum_{p>=t}(1-p) / #{p>=t},
 * FNR(t) = sum_{p<t} p / sum p.
 */
import { describe, expect, it } from 'vitest';
import {
  estimatedErrorRates, evaluateAssignment, evaluateLinks, labelPairs, labelPairsByLeft, linksAbove,
  probabilityFromMatchWeight, thresholdSweep,
} from '../src/linkage';

describe('evaluation', () => {
  it('precision, recall and F1 by hand: 3 declared, 2 right, 4 true', () => {
    const declared = { left: Int32Array.of(0, 1, 2), right: Int32Array.of(0, 1, 5) };
    const truth = { left: Int32Array.of(0, 1, 2, 3), right: Int32Array.of(0, 1, 2, 3) };
    const q = evaluateLinks(declared, truth, 10, 'link');
    expect(q).toMatchObject({ declared: 3, trueLinks: 4, truePositives: 2, falsePositives: 1, falseNegatives: 2 });
    expect(q.precision).toBeCloseTo(2 / 3, 12);
    expect(q.recall).toBeCloseTo(0.5, 12);
    expect(q.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 12);
    // dedupe mode: order within a pair does not matter
    const d = evaluateLinks({ left: Int32Array.of(1), right: Int32Array.of(0) }, { left: Int32Array.of(0), right: Int32Array.of(1) }, 3, 'dedupe');
    expect(d.truePositives).toBe(1);
    expect(() => evaluateLinks(declared, { left: Int32Array.of(2), right: Int32Array.of(2) }, 3, 'dedupe')).toThrow(/itself/);
  });

  it('one-to-one fast paths agree with the set-based versions', () => {
    const truth = Int32Array.of(3, -1, 0, 2);
    const assigned = Int32Array.of(3, 1, 2, -1);
    const q = evaluateAssignment(assigned, truth);
    expect(q).toMatchObject({ declared: 3, truePositives: 1, trueLinks: 3 });
    const pairs = { left: Int32Array.of(0, 1, 2, 3, 3), right: Int32Array.of(3, 1, 0, 2, 1) };
    const tl = { left: Int32Array.of(0, 2, 3), right: Int32Array.of(3, 0, 2) };
    expect(Array.from(labelPairsByLeft(pairs, truth))).toEqual(Array.from(labelPairs(pairs, tl, 4, 'link')));
  });

  it('estimated FDR and FNR from probabilities', () => {
    const p = Float64Array.of(0.99, 0.9, 0.6, 0.2, 0.01);
    const e = estimatedErrorRates(p, 0.5);
    expect(e.declared).toBe(3);
    expect(e.estimatedFdr).toBeCloseTo((0.01 + 0.1 + 0.4) / 3, 12);
    expect(e.estimatedFnr).toBeCloseTo((0.2 + 0.01) / 2.7, 12);
    expect(e.expectedMatches).toBeCloseTo(2.7, 12);
    expect(() => estimatedErrorRates(p, 1.5)).toThrow(/probability/);
  });

  it('threshold sweep matches direct computation at every threshold', () => {
    const w = Float64Array.of(12, 8, 3, 0.5, -2, -7, 5, 9);
    const isTrue = Uint8Array.of(1, 1, 0, 1, 0, 0, 1, 0);
    const rows = thresholdSweep(w, { thresholds: [-10, 0, 4, 10], isTrue, trueLinks: 5 });
    for (const row of rows) {
      const prob = Float64Array.from(w, probabilityFromMatchWeight);
      const direct = estimatedErrorRates(prob, probabilityFromMatchWeight(row.matchWeight));
      expect(row.declared).toBe(direct.declared);
      expect(row.estimatedFdr).toBeCloseTo(direct.estimatedFdr, 10);
      expect(row.estimatedFnr).toBeCloseTo(direct.estimatedFnr, 10);
      const pairs = { left: Int32Array.from(w, (_, i) => i), right: Int32Array.from(w, (_, i) => i) };
      const declared = linksAbove(pairs, Float64Array.from(w), row.matchWeight);
      let tp = 0;
      for (const i of declared.left) tp += isTrue[i]!;
      expect(row.truePositives).toBe(tp);
      expect(row.recall).toBeCloseTo(tp / 5, 12);
    }
    expect(rows[3]!.declared).toBe(1);
    expect(thresholdSweep(w).length).toBeGreaterThan(5); // default grid
  });
});
