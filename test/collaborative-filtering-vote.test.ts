import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../src/graph/csr';
import { multiFromLists } from '../src/collaborative-filtering/labels';
import { neighbourVote, weightedVote } from '../src/collaborative-filtering/vote';

// Star: centre 0 with leaves 1..5; leaves labelled 7,7,9,9,9 => vote 9 (3 against 2).
const star = csrFromEdges(6, Int32Array.from([0, 0, 0, 0, 0]), Int32Array.from([1, 2, 3, 4, 5]), {
  weights: Float64Array.from([5, 5, 1, 1, 1]),
});
const starLabels = Int32Array.from([-1, 7, 7, 9, 9, 9]);

describe('neighbourVote', () => {
  it('takes the majority of labelled neighbours (hand-computed)', () => {
    const r = neighbourVote(star, starLabels);
    expect(Array.from(r.targets)).toEqual([0]);
    expect(Array.from(r.predicted)).toEqual([9]);
    expect(Array.from(r.support)).toEqual([3]);
    expect(r.arcsScanned).toBe(5);
  });
  it('breaks ties by overall frequency, then by smaller id', () => {
    // path 1 - 0 - 2; neighbours of 0 hold 5 and 7; 7 is more frequent overall (node 3 holds 7).
    const g = csrFromEdges(4, Int32Array.from([0, 0]), Int32Array.from([1, 2]));
    expect(neighbourVote(g, Int32Array.from([-1, 5, 7, 7])).predicted[0]).toBe(7);
    expect(neighbourVote(g, Int32Array.from([-1, 5, 7, -1])).predicted[0]).toBe(5);
  });
  it('returns -1 for a target without labelled neighbours', () => {
    const g = csrFromEdges(3, Int32Array.from([0]), Int32Array.from([1]));
    const r = neighbourVote(g, Int32Array.from([-1, -1, 4]), { targets: Int32Array.from([0, 1]) });
    expect(Array.from(r.predicted)).toEqual([-1, -1]);
  });
  it('lets multi-valued neighbours vote for each of their values', () => {
    const labels = multiFromLists([[], [7, 9], [7], [], [], []]);
    const r = neighbourVote(star, labels, { targets: Int32Array.from([0]) });
    expect(r.predicted[0]).toBe(7);
    expect(r.support[0]).toBe(2);
  });
  it('reports progress up to the total', () => {
    const calls: number[][] = [];
    neighbourVote(star, starLabels, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.at(-1)).toEqual([1, 1]);
  });
});

describe('weightedVote', () => {
  it('weights votes by closeness (hand-computed: 7 has 5+5 = 10 > 9 has 3)', () => {
    const r = weightedVote(star, starLabels);
    expect(r.predicted[0]).toBe(7);
    expect(r.support[0]).toBe(10);
  });
  it('needs weights', () => {
    const g = csrFromEdges(2, Int32Array.from([0]), Int32Array.from([1]));
    expect(() => weightedVote(g, Int32Array.from([-1, 1]))).toThrow(/weights/);
  });
});
