/** Greedy one-to-one assignment (Christen 2012, sec. 6.8) and union-find clusters (Tarjan 1975). */
import { describe, expect, it } from 'vitest';
import { clusterPairs, oneToOneGreedy } from '../src/linkage';

describe('one-to-one and clusters', () => {
  // left 0 likes right 0 (w 10) and right 1 (w 9); left 1 likes right 0 (w 8) only.
  const pairs = { left: Int32Array.of(0, 0, 1, 2), right: Int32Array.of(0, 1, 0, 2) };
  const w = Float64Array.of(10, 9, 8, -3);

  it('takes pairs in decreasing weight, each row at most once; below-threshold pairs never', () => {
    const a = oneToOneGreedy(pairs, w, { left: 3, right: 3 }, 0);
    expect(Array.from(a.accepted)).toEqual([0]); // (0,0); (0,1) and (1,0) then blocked
    expect(Array.from(a.rightOfLeft)).toEqual([0, -1, -1]);
    expect(Array.from(a.leftOfRight)).toEqual([0, -1, -1]);
    // greedy is not optimal: (0,1)+(1,0) = 17 > 10, documented
    const tie = oneToOneGreedy({ left: Int32Array.of(1, 0), right: Int32Array.of(0, 0) }, Float64Array.of(5, 5), { left: 2, right: 1 });
    expect(Array.from(tie.rightOfLeft)).toEqual([0, -1]); // ties broken by left row
    expect(() => oneToOneGreedy(pairs, Float64Array.of(1), { left: 3, right: 3 })).toThrow(/weights/);
  });

  it('clusters connected components of pairs above the threshold', () => {
    const c = clusterPairs(pairs, w, { left: 3, right: 3, mode: 'link' }, 0);
    // nodes: left 0,1,2 = 0..2; right 0,1,2 = 3..5. Edges: 0-3, 0-4, 1-3 -> {0,1,3,4}; 2, 5 alone.
    expect(c.count).toBe(3);
    expect(c.clusterOf[0]).toBe(c.clusterOf[1]);
    expect(c.clusterOf[3]).toBe(c.clusterOf[4]);
    expect(c.clusterOf[2]).not.toBe(c.clusterOf[5]);
    expect(Array.from(c.sizes).sort()).toEqual([1, 1, 4]);
    const d = clusterPairs({ left: Int32Array.of(0, 1), right: Int32Array.of(1, 2) }, Float64Array.of(1, 1), { left: 4, right: 4, mode: 'dedupe' });
    expect(d.count).toBe(2);
  });
});
