import { describe, expect, it } from 'vitest';
import { weightedGraph, reachCurve, recommendContacts, thetaIntervalForCount } from '../src/shadow/closeness';

describe('recommendContacts: closeness-weighted common friends', () => {
  // Holders 0 and 1 (of a non-user). User 2 linked mutually to both; user 3 one-way to holder 0;
  // user 4 mutual to holder 1 only; holders linked to each other.
  const g = weightedGraph(5, [[0, 1, 1], [0, 2, 1], [1, 2, 1], [0, 3, 0.5], [1, 4, 1]]);
  it('computes c(h) = s(h)/2 + i(h)/2 and score(u) = sum c(h) a(h,u) by hand', () => {
    const r = recommendContacts({ holders: Int32Array.of(0, 1), intimacy: Float64Array.of(0.5, 1), graph: g, theta: 1 });
    expect(Array.from(r.commonShare)).toEqual([1, 1]);
    expect(Array.from(r.closeness)).toEqual([0.75, 1]);
    expect(Array.from(r.candidates)).toEqual([2, 3, 4]);
    expect(Array.from(r.scores)).toEqual([1.75, 0.375, 1]);
    expect(r.count).toBe(2); // users 2 and 4 reach theta = 1
  });
  it('common share is 0 for a single holder, and holders are never recommended', () => {
    const r = recommendContacts({ holders: Int32Array.of(0), intimacy: Float64Array.of(0.8), graph: g, theta: 0 });
    expect(r.closeness[0]).toBeCloseTo(0.4, 12);
    expect(Array.from(r.candidates)).toEqual([1, 2, 3]);
    expect(Array.from(r.scores).map((x) => +x.toFixed(6))).toEqual([0.4, 0.4, 0.2]);
  });
  it('the count falls as theta rises; the interval of theta giving a count is exact', () => {
    const r = recommendContacts({ holders: Int32Array.of(0, 1), intimacy: Float64Array.of(0.5, 1), graph: g, theta: 1 });
    expect(reachCurve(r, [0, 0.375, 0.4, 1, 1.75, 2])).toEqual([
      { theta: 0, recommended: 3 }, { theta: 0.375, recommended: 3 }, { theta: 0.4, recommended: 2 },
      { theta: 1, recommended: 2 }, { theta: 1.75, recommended: 1 }, { theta: 2, recommended: 0 },
    ]);
    expect(thetaIntervalForCount(r, 2)).toEqual({ lo: 0.375, hi: 1 });
    expect(thetaIntervalForCount(r, 1)).toEqual({ lo: 1, hi: 1.75 });
    expect(thetaIntervalForCount(r, 4)).toBeNull();
  });
  it('refuses a holder listed twice or outside the graph', () => {
    expect(() => recommendContacts({ holders: Int32Array.of(0, 0), intimacy: Float64Array.of(1, 1), graph: g, theta: 1 })).toThrow(/twice/);
    expect(() => recommendContacts({ holders: Int32Array.of(9), intimacy: Float64Array.of(1), graph: g, theta: 1 })).toThrow(/outside/);
  });
  it('weightedGraph keeps the larger weight of a duplicated edge and stores both directions', () => {
    const h = weightedGraph(3, [[0, 1, 0.5], [1, 0, 1], [1, 2, 0.5]]);
    expect(Array.from(h.offsets)).toEqual([0, 1, 3, 4]);
    expect(Array.from(h.targets)).toEqual([1, 0, 2, 1]);
    expect(Array.from(h.weights)).toEqual([1, 1, 0.5, 0.5]);
  });
});
