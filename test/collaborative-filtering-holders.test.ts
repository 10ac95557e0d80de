import { describe, expect, it } from 'vitest';
import { holderAgreement, holderCountsIn, holderDistribution, interpolateAt, modelAccuracy } from '../src/collaborative-filtering/holders';
import { csrFromEdges } from '../src/graph/csr';

describe('holders: how many registered users hold a non-user\'s number', () => {
  it('zero-truncated negative binomial: a probability distribution with mean above the untruncated mean', () => {
    const d = holderDistribution({ contactsMean: 150, contactsDispersion: 1, registeredShare: 0.05, maxHolders: 2000, atLeast: [1, 36] });
    const mass = d.pmf.reduce((s, [, p]) => s + p, 0) + d.tailBeyond;
    expect(mass).toBeCloseTo(1, 9);
    expect(d.untruncatedMean).toBeCloseTo(7.5, 12);
    // size 1 = geometric: mean of the zero-truncated count = mu / (1 − P(0)) = 7.5 / (7.5 / 8.5) = 8.5
    expect(d.mean).toBeCloseTo(8.5, 6);
    expect(d.atLeast[0]![1]).toBeCloseTo(1, 9);
    expect(d.atLeast[1]![1]).toBeCloseTo(Math.pow(7.5 / 8.5, 35), 9);
  });
  it('measures what one holder tells on a graph and extrapolates a plurality vote over h holders', () => {
    // non-user 0 (value 1) held by registered 1, 2 (values 1, 2); non-user 3 (value 2) held by 2
    const g = csrFromEdges(4, Int32Array.from([0, 0, 3]), Int32Array.from([1, 2, 2]));
    const reg = Uint8Array.from([0, 1, 1, 0]);
    const a = holderAgreement(g, reg, Int32Array.from([-1, 1, 2, -1]), Int32Array.from([1, 1, 2, 2]), 'employer');
    expect(a).toMatchObject({ pairs: 3, knows: 1, agrees: 2 / 3 });
    const sure = modelAccuracy({ ...a, knows: 1, agrees: 1 }, [1, 5], { replicates: 200, seed: 1 });
    expect(sure.map((m) => m.vote)).toEqual([1, 1]);
    const weak = modelAccuracy({ field: 'x', pairs: 1, knows: 0.9, agrees: 0.3, values: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) }, [1, 50], { replicates: 2000, seed: 2 });
    expect(weak[1]!.vote).toBeGreaterThan(weak[0]!.vote); // more holders, better plurality when the true value is the commonest among them
    expect(weak[0]!.copyCeiling).toBeCloseTo(0.27, 12);
  });
  it('holder counts in a range and interpolation between them', () => {
    expect(holderCountsIn({ min: 1, max: 40 })).toEqual([1, 2, 3, 5, 10, 20, 36, 40]);
    expect(holderCountsIn({ min: 7, max: 7 })).toEqual([7]);
    expect(interpolateAt([[1, 0], [3, 1]], 2)).toBe(0.5);
    expect(interpolateAt([[1, 0], [3, 1]], 10)).toBe(1);
  });
});
