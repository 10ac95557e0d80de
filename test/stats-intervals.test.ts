import { describe, expect, it } from 'vitest';
import { agrestiCoullInterval } from '../src/stats/agrestiCoullInterval';
import { clopperPearsonInterval } from '../src/stats/clopperPearsonInterval';
import { wilsonInterval } from '../src/stats/wilsonInterval';
import { binomialCdf } from '../src/stats/binomialCdf';
import { binomialUpperTail } from '../src/stats/binomialUpperTail';

/**
 * Newcombe, R. G. (1998) "Two-sided confidence intervals for the single proportion:
 * comparison of seven methods", Statistics in Medicine 17, 857–872, Table I (95% intervals,
 * four decimals): method 3 = Wilson score, method 4 = Wilson score with continuity
 * correction, method 5 = Clopper–Pearson "exact".
 */
const NEWCOMBE: Array<{ k: number; n: number; wilson: [number, number]; wilsonCC: [number, number] | null; exact: [number, number] }> = [
  { k: 81, n: 263, wilson: [0.2553, 0.3662], wilsonCC: [0.2535, 0.3682], exact: [0.2527, 0.3676] },
  { k: 15, n: 148, wilson: [0.0624, 0.1605], wilsonCC: null, exact: [0.0578, 0.1617] },
  { k: 0, n: 20, wilson: [0, 0.1611], wilsonCC: [0, 0.2005], exact: [0, 0.1684] },
  { k: 1, n: 29, wilson: [0.0061, 0.1718], wilsonCC: [0.0018, 0.1963], exact: [0.0009, 0.1776] },
];

describe('wilsonInterval (Wilson 1927)', () => {
  it('reproduces Newcombe (1998) Table I, method 3', () => {
    for (const row of NEWCOMBE) {
      const [lo, hi] = wilsonInterval(row.k, row.n);
      expect(lo).toBeCloseTo(row.wilson[0], 4);
      expect(hi).toBeCloseTo(row.wilson[1], 4);
    }
  });
  it('reproduces Newcombe (1998) Table I, method 4 (continuity corrected)', () => {
    for (const row of NEWCOMBE) {
      if (!row.wilsonCC) continue;
      const [lo, hi] = wilsonInterval(row.k, row.n, 0.95, { continuityCorrection: true });
      expect(lo).toBeCloseTo(row.wilsonCC[0], 4);
      expect(hi).toBeCloseTo(row.wilsonCC[1], 4);
    }
  });
  it('is symmetric under k → n − k, narrows with level, and rejects bad input', () => {
    const [a, b] = wilsonInterval(7, 30);
    const [c, d] = wilsonInterval(23, 30);
    expect(a).toBeCloseTo(1 - d, 14);
    expect(b).toBeCloseTo(1 - c, 14);
    const w90 = wilsonInterval(7, 30, 0.9), w99 = wilsonInterval(7, 30, 0.99);
    expect(w90[1] - w90[0]).toBeLessThan(b - a);
    expect(w99[1] - w99[0]).toBeGreaterThan(b - a);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
  });
});

describe('clopperPearsonInterval (Clopper & Pearson 1934)', () => {
  it('reproduces Newcombe (1998) Table I, method 5', () => {
    for (const row of NEWCOMBE) {
      const [lo, hi] = clopperPearsonInterval(row.k, row.n);
      expect(lo).toBeCloseTo(row.exact[0], 4);
      expect(hi).toBeCloseTo(row.exact[1], 4);
    }
  });
  it('has the closed forms at k = 0 and k = n: 1 − (α/2)^{1/n} and (α/2)^{1/n}', () => {
    expect(clopperPearsonInterval(0, 20)).toEqual([0, expect.closeTo(1 - 0.025 ** (1 / 20), 14)]);
    expect(clopperPearsonInterval(300, 300)).toEqual([expect.closeTo(0.025 ** (1 / 300), 14), 1]);
  });
  it('puts exactly α/2 in each binomial tail at the bounds (the defining property)', () => {
    for (const [k, n] of [[3, 10], [81, 263], [299, 300], [1, 1000]]) {
      const [lo, hi] = clopperPearsonInterval(k, n, 0.9);
      expect(binomialUpperTail(k, n, lo)).toBeCloseTo(0.05, 12);
      expect(binomialCdf(k, n, hi)).toBeCloseTo(0.05, 12);
    }
  });
  it('contains the Wilson interval for these cases (it is conservative)', () => {
    for (const row of NEWCOMBE) {
      const [cl, ch] = clopperPearsonInterval(row.k, row.n);
      const [wl, wh] = wilsonInterval(row.k, row.n);
      expect(cl).toBeLessThanOrEqual(wl);
      expect(ch).toBeGreaterThanOrEqual(wh);
    }
  });
});

describe('agrestiCoullInterval (Agresti & Coull 1998)', () => {
  it('is centred on the Wilson centre (k + z²/2)/(n + z²) and contains the Wilson interval', () => {
    for (const [k, n] of [[0, 20], [1, 29], [15, 148], [81, 263]]) {
      const [al, ah] = agrestiCoullInterval(k, n);
      const [wl, wh] = wilsonInterval(k, n);
      if (al > 0 && ah < 1) expect((al + ah) / 2).toBeCloseTo((wl + wh) / 2, 12);
      expect(al).toBeLessThanOrEqual(wl + 1e-12);
      expect(ah).toBeGreaterThanOrEqual(wh - 1e-12);
    }
  });
  it('gives 0/20 → [0, 0.1898] (clipped at 0; p̃ = 1.92/23.84, half-width 1.96·√(p̃q̃/ñ))', () => {
    const [lo, hi] = agrestiCoullInterval(0, 20);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.1898, 4);
  });
});
