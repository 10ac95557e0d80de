import { describe, expect, it } from 'vitest';
import { binaryEntropy } from '../src/stats/binaryEntropy';
import { conditionalEntropy } from '../src/stats/conditionalEntropy';
import { entropy } from '../src/stats/entropy';

describe('entropy (Shannon 1948; Miller 1955 bias correction)', () => {
  it('gives log2(m) bits for m equal counts and 0 for a single cell', () => {
    expect(entropy([5, 5])).toBeCloseTo(1, 15);
    expect(entropy([3, 3, 3, 3, 3, 3, 3, 3])).toBeCloseTo(3, 15);
    expect(entropy([7])).toBe(0);
    expect(entropy([0, 9, 0])).toBe(0);
  });
  it('computes −Σ p log2 p for a skewed distribution: counts (1, 1, 2) → 1.5 bits', () => {
    expect(entropy([1, 1, 2])).toBeCloseTo(1.5, 15);
  });
  it('Miller-Madow adds (m − 1)/(2N ln 2) bits, m = non-empty cells', () => {
    expect(entropy([5, 5], 'miller-madow')).toBeCloseTo(1 + 1 / (20 * Math.LN2), 14);
    expect(entropy([1, 1, 2, 0], 'miller-madow')).toBeCloseTo(1.5 + 2 / (8 * Math.LN2), 14);
  });
  it('Miller-Madow reduces the plug-in bias on a small uniform sample (expected value over all samples)', () => {
    // Exact expectation over all 4^4 equally likely samples of size 4 from 4 categories.
    let plug = 0, mm = 0, count = 0;
    for (let code = 0; code < 256; code++) {
      const c = [0, 0, 0, 0];
      for (let j = 0, v = code; j < 4; j++, v >>= 2) c[v & 3]++;
      plug += entropy(c); mm += entropy(c, 'miller-madow'); count++;
    }
    expect(Math.abs(mm / count - 2)).toBeLessThan(Math.abs(plug / count - 2));
  });
  it('rejects negative, NaN or all-zero counts and an unknown estimator', () => {
    expect(() => entropy([1, -1])).toThrow(RangeError);
    expect(() => entropy([NaN])).toThrow(RangeError);
    expect(() => entropy([0, 0])).toThrow(RangeError);
    // @ts-expect-error invalid estimator
    expect(() => entropy([1, 2], 'jackknife')).toThrow(RangeError);
  });
});

describe('conditionalEntropy (H(X|Y) = H(X,Y) − H(Y); Cover & Thomas eq. 2.14)', () => {
  it('is H(X) when X is independent of Y and 0 when Y determines X', () => {
    expect(conditionalEntropy([[5, 5], [5, 5]])).toBeCloseTo(1, 15);
    expect(conditionalEntropy([[10, 0], [0, 10]])).toBe(0);
  });
  it('weights each row: rows (1, 1) and (2, 0) give ½·1 + ½·0 = 0.5 bits', () => {
    expect(conditionalEntropy([[1, 1], [2, 0]])).toBeCloseTo(0.5, 15);
  });
  it('Miller-Madow correction is (m_XY − m_Y)/(2N ln 2)', () => {
    expect(conditionalEntropy([[1, 1], [2, 0]], 'miller-madow')).toBeCloseTo(0.5 + (3 - 2) / (8 * Math.LN2), 14);
  });
  it('accepts ragged rows and rejects an empty table', () => {
    expect(conditionalEntropy([[4, 4], [8]])).toBeCloseTo(0.5, 15);
    expect(() => conditionalEntropy([])).toThrow(RangeError);
  });
});

describe('binaryEntropy', () => {
  it('h(½) = 1, h(0) = h(1) = 0, h(¼) = 2 − ¾ log2 3 = 0.8112781244591328', () => {
    expect(binaryEntropy(0.5)).toBe(1);
    expect(binaryEntropy(0)).toBe(0);
    expect(binaryEntropy(1)).toBe(0);
    expect(binaryEntropy(0.25)).toBeCloseTo(2 - 0.75 * Math.log2(3), 15);
    expect(binaryEntropy(0.1)).toBeCloseTo(binaryEntropy(0.9), 15);
    expect(() => binaryEntropy(1.01)).toThrow(RangeError);
  });
});
