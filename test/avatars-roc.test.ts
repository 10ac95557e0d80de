/**
 * ROC, AUC and the threshold rule. AUC is checked against the Mann-Whitney U definition
 * computed over all pairs (Hanley & McNeil, Radiology 143, 1982: AUC = U / (n1 n2)).
 */
import { describe, expect, it } from 'vitest';
import { chooseThreshold, rocAuc, rocCurve } from '../src/avatars';
import { randomInt, seededRandom } from '../src/stats/random';

describe('rocCurve', () => {
  it('counts false non-matches (> t) and false matches (<= t)', () => {
    const roc = rocCurve([0, 1, 2, 9], [8, 20, 30, 31]);
    expect(roc).toHaveLength(65);
    expect(roc[2]).toMatchObject({ threshold: 2, falseNonMatches: 1, falseMatches: 0, falseNonMatchRate: 0.25, falseMatchRate: 0 });
    expect(roc[8]).toMatchObject({ falseNonMatches: 1, falseMatches: 1, falseMatchRate: 0.25 });
    expect(roc[9]).toMatchObject({ falseNonMatches: 0, truePositiveRate: 1 });
    expect(roc[64]).toMatchObject({ falseMatches: 4, falseMatchRate: 1 });
  });

  it('rejects empty or non-integer input', () => {
    expect(() => rocCurve([], [1])).toThrow(/at least one/);
    expect(() => rocCurve([1.5], [1])).toThrow(/not a non-negative integer/);
  });
});

describe('rocAuc', () => {
  it('equals the Mann-Whitney statistic over all pairs, ties counted one half', () => {
    const rng = seededRandom(9);
    const same = Array.from({ length: 80 }, () => randomInt(rng, 20));
    const diff = Array.from({ length: 90 }, () => 10 + randomInt(rng, 30));
    let u = 0;
    for (const s of same) for (const d of diff) u += d > s ? 1 : d === s ? 0.5 : 0;
    expect(rocAuc(same, diff)).toBeCloseTo(u / (same.length * diff.length), 12);
    expect(rocAuc([0, 1], [5, 6])).toBe(1);
    expect(rocAuc([3], [3])).toBe(0.5);
  });
});

describe('chooseThreshold', () => {
  it('takes the middle of the run of thresholds with the best Youden index', () => {
    const c = chooseThreshold([0, 1, 2, 3], [12, 20, 30]);
    expect([c.tiedFrom, c.tiedTo, c.threshold]).toEqual([3, 11, 7]);
    expect(c.falseMatchRate).toBe(0);
    expect(c.falseNonMatchRate).toBe(0);
  });

  it('respects the false-match limit when the distributions overlap', () => {
    const same = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18];
    const diff = Array.from({ length: 1000 }, (_, i) => (i < 5 ? 10 : 30));
    // t = 8 and 9: FMR 0, FNMR 5/10 (tied, middle rounded down = 8); t = 10: FMR 5/1000 = 0.005.
    const strict = chooseThreshold(same, diff, { maxFalseMatchRate: 0.001 });
    expect([strict.tiedFrom, strict.tiedTo, strict.threshold]).toEqual([8, 9, 8]);
    expect(chooseThreshold(same, diff, { maxFalseMatchRate: 0.01 }).threshold).toBeGreaterThanOrEqual(18);
  });

  it('throws when even threshold 0 exceeds the limit', () => {
    expect(() => chooseThreshold([0], [0, 0, 5], { maxFalseMatchRate: 0.1 })).toThrow(/already at distance 0/);
  });
});
