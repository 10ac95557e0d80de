/**
 * EM recovers known Fellegi-Sunter parameters (Winkler 1988; fastLink's EM over pattern counts)
 * from pairs simulated under the model itself: conditionally independent fields, a null level
 * that is missing at random.
 */
import { describe, expect, it } from 'vitest';
import { countPatterns, expectationMaximisation, priorOverAllPairs } from '../src/linkage';
import type { FieldInfo } from '../src/linkage';
import { aliasSampler, seededRandom } from '../src/stats/random';

const levels = [
  { label: 'missing', description: 'either empty', isNull: true },
  { label: 'same', description: 'same', isNull: false },
  { label: 'close', description: 'close', isNull: false },
  { label: 'different', description: 'different', isNull: false },
];
const fields: FieldInfo[] = ['a', 'b', 'c', 'd'].map((name) => ({ name, description: name, levels }));
// index 0 = null level (unused in the distributions)
const mTrue = [
  [0, 0.85, 0.1, 0.05],
  [0, 0.7, 0.2, 0.1],
  [0, 0.9, 0.05, 0.05],
  [0, 0.6, 0.3, 0.1],
];
const uTrue = [
  [0, 0.02, 0.08, 0.9],
  [0, 0.05, 0.15, 0.8],
  [0, 0.01, 0.04, 0.95],
  [0, 0.1, 0.2, 0.7],
];

function simulate(n: number, lambda: number, seed: number, missing = 0.1): { gamma: Uint8Array; isMatch: Uint8Array } {
  const rng = seededRandom(seed);
  const mS = mTrue.map((w) => aliasSampler(w));
  const uS = uTrue.map((w) => aliasSampler(w));
  const F = fields.length;
  const gamma = new Uint8Array(n * F);
  const isMatch = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const match = rng() < lambda;
    isMatch[p] = match ? 1 : 0;
    for (let f = 0; f < F; f++) gamma[p * F + f] = rng() < missing ? 0 : (match ? mS : uS)[f]!(rng);
  }
  return { gamma, isMatch };
}

describe('expectationMaximisation', () => {
  it('recovers m, u and lambda within 0.02 from 100,000 simulated pairs (u free, fastLink style)', () => {
    const { gamma } = simulate(100_000, 0.2, 11);
    const t = countPatterns(gamma, fields.map((f) => f.levels.length));
    expect(t.counts.length).toBeLessThanOrEqual(4 ** 4);
    const model = expectationMaximisation(t, fields);
    expect(model.method.em!.converged).toBe(true);
    expect(Math.abs(model.lambda - 0.2)).toBeLessThan(0.01);
    for (let f = 0; f < 4; f++) {
      expect(Number.isNaN(model.m[f]![0]!)).toBe(true); // null level carries no probability
      for (let l = 1; l < 4; l++) {
        expect(Math.abs(model.m[f]![l]! - mTrue[f]![l]!)).toBeLessThan(0.02);
        expect(Math.abs(model.u[f]![l]! - uTrue[f]![l]!)).toBeLessThan(0.02);
      }
    }
  });

  it('with u fixed at the truth, recovers m and lambda', () => {
    const { gamma } = simulate(50_000, 0.05, 12);
    const t = countPatterns(gamma, fields.map((f) => f.levels.length));
    const u = uTrue.map((r) => Float64Array.from(r, (x, l) => (l === 0 ? NaN : x)));
    const model = expectationMaximisation(t, fields, { u });
    expect(Math.abs(model.lambda - 0.05)).toBeLessThan(0.006);
    for (let f = 0; f < 4; f++) for (let l = 1; l < 4; l++) expect(Math.abs(model.m[f]![l]! - mTrue[f]![l]!)).toBeLessThan(0.03);
    expect(model.u[0]![1]).toBe(0.02); // fixed u is not moved
  });

  it('log-likelihood never decreases (the EM monotonicity property, Dempster, Laird & Rubin 1977)', () => {
    const { gamma } = simulate(20_000, 0.3, 13);
    const model = expectationMaximisation(countPatterns(gamma, [4, 4, 4, 4]), fields);
    const ll = model.method.em!.logLikelihood;
    for (let i = 1; i < ll.length; i++) expect(ll[i]!).toBeGreaterThanOrEqual(ll[i - 1]! - 1e-6);
  });

  it('blocking correction: with u from all pairs and candidateShare q, lambda_all = odds_c * q / (1 + odds_c * q)', () => {
    expect(priorOverAllPairs(0.5, 1e-4)).toBeCloseTo(1e-4 / (1 + 1e-4), 12);
    expect(priorOverAllPairs(0.2, 1)).toBeCloseTo(0.2, 12);
    const { gamma } = simulate(20_000, 0.2, 14);
    const u = uTrue.map((r) => Float64Array.from(r, (x, l) => (l === 0 ? NaN : x)));
    const model = expectationMaximisation(countPatterns(gamma, [4, 4, 4, 4]), fields, { u, candidateShare: 0.01 });
    expect(model.candidateShare).toBe(0.01);
    expect(model.lambda).toBeCloseTo(priorOverAllPairs(model.lambdaCandidates, 0.01), 12);
  });

  it('rejects bad input', () => {
    const t = countPatterns(new Uint8Array([1, 1, 1, 1]), [4, 4, 4, 4]);
    expect(() => expectationMaximisation(t, fields.slice(0, 2))).toThrow(/fields/);
    expect(() => expectationMaximisation(t, fields, { candidateShare: 0.5 })).toThrow(/only when u is fixed/);
    expect(() => countPatterns(new Uint8Array([1, 9, 1, 1]), [4, 4, 4, 4])).toThrow(/level code 9/);
    expect(() => countPatterns(new Uint8Array([1, 1, 1]), [4, 4, 4, 4])).toThrow(/multiple/);
  });
});
