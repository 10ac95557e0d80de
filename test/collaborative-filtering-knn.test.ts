import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../src/graph/csr';
import { distinctDegrees, userKnn } from '../src/collaborative-filtering/knn';

// Triangle 0-1-2 plus pendant 3 on 2. Closed neighbourhoods: N[3] = {2,3}, N[0] = N[1] = {0,1,2},
// N[2] = {0,1,2,3}. Jaccard(3,0) = |{2}| / |{0,1,2,3}| = 1/4; Jaccard(3,2) = |{2,3}| / 4 = 1/2.
// Cosine(3,0) = 1/sqrt(2*3) = 0.408; cosine(3,2) = 2/sqrt(2*4) = 0.707.
const g = csrFromEdges(4, Int32Array.from([0, 1, 0, 2]), Int32Array.from([1, 2, 2, 3]));

describe('userKnn', () => {
  it('k = 1 follows the most similar user (hand-computed Jaccard)', () => {
    const r = userKnn(g, Int32Array.from([1, 1, 2, -1]), { k: 1 });
    expect(r.predicted[0]).toBe(2);
    expect(r.support[0]).toBeCloseTo(0.5, 12);
  });
  it('k = 3 sums similarities: value 1 gets 1/4 + 1/4 = 0.5 vs value 2 gets 0.5; tie -> more frequent value 1', () => {
    const r = userKnn(g, Int32Array.from([1, 1, 2, -1]), { k: 3 });
    expect(r.predicted[0]).toBe(1);
    expect(r.support[0]).toBeCloseTo(0.5, 12);
  });
  it('cosine similarity (hand-computed): 2 x 0.408 = 0.816 > 0.707', () => {
    const r = userKnn(g, Int32Array.from([1, 1, 2, -1]), { k: 3, similarity: 'cosine' });
    expect(r.predicted[0]).toBe(1);
    expect(r.support[0]).toBeCloseTo(2 / Math.sqrt(6), 12);
  });
  it('counts repeated edges once', () => {
    const multi = csrFromEdges(4, Int32Array.from([0, 1, 0, 2, 2, 3]), Int32Array.from([1, 2, 2, 3, 3, 2]));
    expect(Array.from(distinctDegrees(multi))).toEqual([2, 2, 3, 1]);
    const r = userKnn(multi, Int32Array.from([1, 1, 2, -1]), { k: 1 });
    expect(r.support[0]).toBeCloseTo(0.5, 12);
  });
  it('predicts -1 when no labelled user is within two hops', () => {
    const h = csrFromEdges(5, Int32Array.from([0, 1, 3]), Int32Array.from([1, 2, 4]));
    expect(userKnn(h, Int32Array.from([-1, -1, -1, 6, -1]), { targets: Int32Array.from([0]) }).predicted[0]).toBe(-1);
  });
});
