import { describe, expect, it } from 'vitest';
import { csrFromEdges } from '../src/graph/csr';
import { generateSocialGraph } from '../src/collaborative-filtering/generator';
import { labelPropagation } from '../src/collaborative-filtering/labelPropagation';
import { multiFromSingle } from '../src/collaborative-filtering/labels';
import { hideLabels } from '../src/collaborative-filtering/observation';

describe('labelPropagation', () => {
  it('spreads a clamped label along a path, one hop per iteration (hand-computed)', () => {
    const g = csrFromEdges(4, Int32Array.from([0, 1, 2]), Int32Array.from([1, 2, 3]));
    const r = labelPropagation(g, Int32Array.from([4, -1, -1, -1]));
    expect(Array.from(r.predicted)).toEqual([4, 4, 4]);
    expect(r.changes).toEqual([1, 1, 1, 0]);
    expect(r.iterations).toBe(4);
  });
  it('stops at the iteration cap', () => {
    const g = csrFromEdges(4, Int32Array.from([0, 1, 2]), Int32Array.from([1, 2, 3]));
    const r = labelPropagation(g, Int32Array.from([4, -1, -1, -1]), { iterations: 2 });
    expect(Array.from(r.predicted)).toEqual([4, 4, -1]);
  });
  it('lets known labels outvote propagated guesses (guessWeight < 1)', () => {
    // node 0 unknown; neighbours: 1 (known 5) and 2, 3 (unknown, each with a known neighbour 8).
    // iteration 1: 0 -> 5, 2 -> 8, 3 -> 8; iteration 2: node 0 sees 5 (weight 1) vs 8+8 (0.1 each) -> 5.
    const g = csrFromEdges(6, Int32Array.from([0, 0, 0, 2, 3]), Int32Array.from([1, 2, 3, 4, 5]));
    const labels = Int32Array.from([-1, 5, -1, -1, 8, 8]);
    expect(labelPropagation(g, labels, { targets: Int32Array.from([0]) }).predicted[0]).toBe(5);
    // with guesses counting as much as labels, the two guesses win
    expect(labelPropagation(g, labels, { targets: Int32Array.from([0]), guessWeight: 1 }).predicted[0]).toBe(8);
  });
  it('rejects a non-positive iteration count', () => {
    const g = csrFromEdges(2, Int32Array.from([0]), Int32Array.from([1]));
    expect(() => labelPropagation(g, Int32Array.from([1, -1]), { iterations: 0 })).toThrow(RangeError);
  });
});

describe('labelPropagation paths agree', () => {
  it('the single-label fast path (with change tracking) equals the generic multi-label path', () => {
    const sim = generateSocialGraph({ nodes: 3000, edges: 30000, seed: 8 });
    const { known, hidden } = hideLabels(sim.values.employer!, 0.2, 9);
    const a = labelPropagation(sim.graph, known, { targets: hidden });
    const b = labelPropagation(sim.graph, multiFromSingle(known), { targets: hidden });
    expect(Array.from(a.predicted)).toEqual(Array.from(b.predicted));
    expect(a.changes).toEqual(b.changes);
  });
});
