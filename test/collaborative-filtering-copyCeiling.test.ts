import { describe, expect, it } from 'vitest';
import { copyCeiling, edgeHomophily, scorePredictions } from '../src/collaborative-filtering/copyCeiling';
import { csrFromEdges } from '../src/graph/csr';
import { multiFromLists } from '../src/collaborative-filtering/labels';
import { neighbourVote } from '../src/collaborative-filtering/vote';

// Two stars: centre 0 (true 3) with known leaves 1 (3), 2 (4); centre 5 (true 9) with leaves 6 (4), 7 unknown.
const g = csrFromEdges(8, Int32Array.from([0, 0, 5, 5]), Int32Array.from([1, 2, 6, 7]));
const known = Int32Array.from([-1, 3, 4, -1, -1, -1, 4, -1]);
const truth = Int32Array.from([3, 3, 4, 0, 0, 9, 4, 1]);

describe('copyCeiling', () => {
  it('counts targets whose true value a known neighbour holds (hand-computed 1 of 2)', () => {
    const c = copyCeiling(g, known, truth, Int32Array.from([0, 5]));
    expect(c.ceiling).toBe(0.5);
    expect(c.coverage).toBe(1);
    expect(Array.from(c.reachable)).toEqual([1, 0]);
  });
  it('bounds the vote: no copying method beats it', () => {
    const targets = Int32Array.from([0, 5]);
    const v = scorePredictions(neighbourVote(g, known, { targets }), truth);
    expect(v.accuracy).toBeLessThanOrEqual(copyCeiling(g, known, truth, targets).ceiling);
  });
  it('multi-valued truth: reachable if any of the values is held', () => {
    const t = multiFromLists([[8, 4], [], [], [], [], [9], [], []]);
    expect(copyCeiling(g, known, t, Int32Array.from([0, 5])).ceiling).toBe(0.5);
  });
});

describe('scorePredictions and edgeHomophily', () => {
  it('counts a missing prediction as wrong', () => {
    const s = scorePredictions({ targets: Int32Array.from([0, 5, 3]), predicted: Int32Array.from([3, 4, -1]), support: new Float64Array(3), arcsScanned: 0 }, truth);
    expect(s.correct).toBe(1);
    expect(s.accuracy).toBeCloseTo(1 / 3, 12);
    expect(s.accuracyWhenPredicted).toBe(0.5);
  });
  it('leaves a target whose own value is unknown out of the denominator (issue 14)', () => {
    const t = Int32Array.from([3, -1, 4]);
    const s = scorePredictions({ targets: Int32Array.from([0, 1, 2]), predicted: Int32Array.from([3, 7, 5]), support: new Float64Array(3), arcsScanned: 0 }, t);
    expect(s.targetsWithKnownValue).toBe(2);
    expect(s.accuracy).toBe(0.5);
  });
  it('edge homophily over labelled pairs', () => {
    // labelled edges: 0-1 (3,3 agree), 0-2 (3,4), 5-6 (9,4), 5-7 (9,1): 1 of 4
    expect(edgeHomophily(g, truth)).toEqual({ share: 0.25, edges: 4 });
  });
});
