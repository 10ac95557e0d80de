import { describe, expect, it } from 'vitest';
import { bayesPosterior, bayesPredict, edgeAlpha } from '../src/collaborative-filtering/bayes';
import { scorePredictions } from '../src/collaborative-filtering/copyCeiling';
import { csrFromEdges } from '../src/graph/csr';
import { generateSocialGraph, type AttributeModel } from '../src/collaborative-filtering/generator';
import { hideLabels } from '../src/collaborative-filtering/observation';
import { neighbourVote } from '../src/collaborative-filtering/vote';

const model = (over: Partial<AttributeModel> = {}): AttributeModel => ({
  name: 'x',
  cardinality: 3,
  prior: Float64Array.from([0.5, 0.3, 0.2]),
  alpha: 0.4,
  homophily: 0.8,
  personalShare: 0,
  ...over,
});

describe('bayesPosterior (hand-computed)', () => {
  it('two-value example from the doc comment: posterior 0.75', () => {
    const m = model({ cardinality: 2, prior: Float64Array.from([0.5, 0.5]), alpha: 0.5, homophily: 0.5 });
    const p = bayesPosterior(m, [1]);
    expect(p.predicted).toBe(1);
    expect(p.probability).toBeCloseTo(0.75, 12);
    expect(p.of(0)).toBeCloseTo(0.25, 12);
  });
  it('matches the brute-force posterior p_g * prod_e [a 1(l=g) + (1-a) p_l]', () => {
    const m = model();
    const nb = [2, 2, 1];
    const brute = [0, 1, 2].map((g) => m.prior[g]! * nb.reduce((s, l) => s * (m.alpha * (l === g ? 1 : 0) + (1 - m.alpha) * m.prior[l]!), 1));
    const z = brute.reduce((s, v) => s + v, 0);
    const post = bayesPosterior(m, nb);
    for (const g of [0, 1, 2]) expect(post.of(g)).toBeCloseTo(brute[g]! / z, 12);
    expect(post.predicted).toBe(brute.indexOf(Math.max(...brute)));
  });
  it('falls back to the prior mode without information, and ignores personal values', () => {
    expect(bayesPosterior(model(), []).predicted).toBe(0);
    expect(bayesPosterior(model(), [7, -1]).probability).toBeCloseTo(0.5, 12);
  });
  it('a close contact counts more than a distant one under closeness weights', () => {
    const m = model({ closeness: { focusMean: 2, randomMean: 0.5 } });
    expect(edgeAlpha(m, 4)).toBeGreaterThan(m.alpha);
    expect(edgeAlpha(m, 0.05)).toBeLessThan(m.alpha);
    // alpha_e = a f_f / (h f_f + (1-h) f_r) at w = 1: f_f = e^-0.5/2, f_r = e^-2/0.5
    const ff = Math.exp(-0.5) / 2;
    const fr = Math.exp(-2) / 0.5;
    expect(edgeAlpha(m, 1)).toBeCloseTo((0.4 * ff) / (0.8 * ff + 0.2 * fr), 12);
  });
});

describe('bayesPredict', () => {
  it('reads known neighbours from the graph', () => {
    const g = csrFromEdges(4, Int32Array.from([0, 0, 0]), Int32Array.from([1, 2, 3]));
    const r = bayesPredict(g, Int32Array.from([-1, 2, 2, -1]), model(), { truth: Int32Array.from([2, 2, 2, 0]) });
    expect(Array.from(r.targets)).toEqual([0, 3]);
    expect(r.predicted[0]).toBe(2);
    expect(r.predicted[1]).toBe(0);
    expect(r.truthProbability![0]).toBeCloseTo(bayesPosterior(model(), [2, 2]).of(2), 12);
  });
  it('is at least as accurate as the majority vote on data from its own model (seeded)', () => {
    const sim = generateSocialGraph({ nodes: 3000, edges: 30000, seed: 11 });
    const { known, hidden } = hideLabels(sim.values.city!, 0.3, 12);
    const b = scorePredictions(bayesPredict(sim.graph, known, sim.models.city!, { targets: hidden }), sim.values.city!);
    const v = scorePredictions(neighbourVote(sim.graph, known, { targets: hidden }), sim.values.city!);
    expect(b.accuracy).toBeGreaterThanOrEqual(v.accuracy);
  });
});
