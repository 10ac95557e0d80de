import { describe, expect, it } from 'vitest';
import {
  bootstrapConditionalEntropy,
  conditionalEntropyFromSamples,
  entropyOfDistribution,
  fanoBound,
  fanoMaxAccuracy,
  fanoRequiredInformation,
  posteriorConditionalEntropy,
} from '../src/collaborative-filtering/fano';
import { seededRandom } from '../src/stats/random';

// Fano (1961); Cover & Thomas (2006) Thm 2.10.1: H(X|Y) <= h(Pe) + Pe log2(|X|-1).
describe('fanoMaxAccuracy', () => {
  it('uniform X, Y independent => 1/|X|', () => {
    for (const k of [2, 10, 1000]) expect(fanoMaxAccuracy(Math.log2(k), k)).toBeCloseTo(1 / k, 9);
  });
  it('deterministic Y => 1', () => {
    expect(fanoMaxAccuracy(0, 50)).toBe(1);
  });
  it('binary X: the ceiling solves h(Pe) = H (H = 0.5 bit => Pe = 0.110028)', () => {
    expect(fanoMaxAccuracy(0.5, 2)).toBeCloseTo(1 - 0.1100278644, 8);
  });
  it('inverts the bound: h(Pe) + Pe log2(K-1) = H at the returned Pe', () => {
    const h = 3.3;
    const k = 100;
    const pe = 1 - fanoMaxAccuracy(h, k);
    expect(fanoBound(pe, k)).toBeCloseTo(h, 9);
  });
  it('falls as cardinality grows at fixed information (1 bit about a uniform X)', () => {
    const ceil = [4, 16, 256, 4096].map((k) => fanoMaxAccuracy(Math.log2(k) - 1, k));
    for (let i = 1; i < ceil.length; i++) expect(ceil[i]!).toBeLessThan(ceil[i - 1]!);
  });
});

describe('fanoRequiredInformation', () => {
  it('0.99 accuracy on 1024 values from 10 bits needs 10 - h(0.01) - 0.01 log2(1023) bits', () => {
    const h01 = -(0.01 * Math.log2(0.01) + 0.99 * Math.log2(0.99));
    expect(fanoRequiredInformation(0.99, 10, 1024)).toBeCloseTo(10 - h01 - 0.01 * Math.log2(1023), 12);
  });
  it('chance accuracy needs no information', () => {
    expect(fanoRequiredInformation(0.25, 2, 4)).toBeCloseTo(0, 9);
  });
});

describe('conditional entropy estimates', () => {
  it('plug-in: Y determines X => 0; X independent fair bit => 1', () => {
    expect(conditionalEntropyFromSamples([0, 1, 0, 1], ['a', 'b', 'a', 'b']).bits).toBeCloseTo(0, 12);
    expect(conditionalEntropyFromSamples([0, 1, 0, 1], ['a', 'a', 'b', 'b']).bits).toBeCloseTo(1, 12);
  });
  it('Miller-Madow adds (m_XY - m_Y) / (2N ln 2)', () => {
    const x = [0, 1, 0, 1, 2, 2];
    const y = ['a', 'a', 'b', 'b', 'b', 'c'];
    const p = conditionalEntropyFromSamples(x, y, 'plugin').bits;
    const mm = conditionalEntropyFromSamples(x, y, 'miller-madow').bits;
    // cells: (a,0),(a,1),(b,0),(b,1),(b,2),(c,2) = 6; rows: 3
    expect(mm - p).toBeCloseTo((6 - 3) / (2 * 6 * Math.LN2), 12);
  });
  it('bootstrap is seeded and its basic interval brackets the estimate on a dense sample', () => {
    const rng = seededRandom(5);
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 2000; i++) {
      y.push(i % 3);
      x.push(rng() < 0.6 ? i % 3 : Math.floor(rng() * 4));
    }
    const a = bootstrapConditionalEntropy(x, y, { seed: 3, replicates: 100 });
    const b = bootstrapConditionalEntropy(x, y, { seed: 3, replicates: 100 });
    expect(a).toEqual(b);
    expect(a.estimate).toBeGreaterThan(1);
    expect(a.estimate).toBeLessThan(2);
    expect(a.lower).toBeLessThanOrEqual(a.estimate + 1e-9);
    expect(a.upper).toBeGreaterThanOrEqual(a.estimate - 1e-9);
    expect(a.upper - a.lower).toBeLessThan(0.15);
    expect(Math.abs(a.bias)).toBeLessThan(0.05);
  });
  it('model entropy of a uniform law and the posterior-based estimate', () => {
    expect(entropyOfDistribution([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(2, 12);
    expect(posteriorConditionalEntropy([0.5, 0.25])).toBeCloseTo(1.5, 12);
  });
});
