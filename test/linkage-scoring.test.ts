/**
 * Weights (Fellegi & Sunter 1969: log2 m/u summed; the null level weighs 0), term-frequency
 * adjustment (Winkler; Splink: agreeing on value v has Bayes factor m / tf(v), so the weight
 * gains log2(u / tf(v))) and the per-pair explanation.
 */
import { describe, expect, it } from 'vitest';
import {
  countPatterns, explainPair, explanationTable, recordComparator, scorePairs, termFrequencies, uFromRandomPairs,
} from '../src/linkage';
import type { FellegiSunterModel } from '../src/linkage';
import type { Comparison } from '../src/compare/comparison';

interface P { name: string | null; city: string | null }
const exact = (name: keyof P): Comparison<P, string | null> => ({
  name, description: name, value: (p) => p[name],
  levels: [
    { label: 'missing', isNull: true, description: 'either empty', predicate: (a, b) => a === null || b === null },
    { label: 'same', description: 'equal', predicate: (a, b) => a === b },
    { label: 'different', description: 'else', predicate: () => true },
  ],
});
const comparisons = [exact('name'), exact('city')];

// 20 source accounts named 王伟, one 欧阳娜娜, others distinct.
const right: P[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ name: '王伟', city: i === 0 ? '北京' : '上海' })),
  { name: '欧阳娜娜', city: '北京' },
  ...Array.from({ length: 29 }, (_, i) => ({ name: `名${i}`, city: '广州' })),
];
const left: P[] = [
  { name: '王伟', city: '北京' },
  { name: '欧阳娜娜', city: '北京' },
  { name: '欧阳娜娜', city: null },
  { name: '欧阳娜娜', city: '深圳' },
];

function model(fields: ReturnType<typeof recordComparator>['fields']): FellegiSunterModel {
  return {
    fields,
    m: [Float64Array.of(NaN, 0.9, 0.1), Float64Array.of(NaN, 0.8, 0.2)],
    u: [Float64Array.of(NaN, 0.01, 0.99), Float64Array.of(NaN, 0.1, 0.9)],
    lambda: 0.001,
    lambdaCandidates: 0.001,
    candidateShare: 1,
    method: { m: 'fixed', u: 'fixed', lambda: 'fixed' },
  };
}

const pairs = { left: Int32Array.of(0, 1, 2, 3), right: Int32Array.of(0, 20, 20, 20) };

describe('scoring', () => {
  it('weight = sum of log2(m/u); a missing value contributes 0, a disagreement a negative weight', () => {
    const cmp = recordComparator(left, right, comparisons);
    const gamma = cmp.compare(pairs.left, pairs.right);
    const m = model(cmp.fields);
    const s = scorePairs(m, countPatterns(gamma, [3, 3]), pairs);
    const wName = Math.log2(0.9 / 0.01), wCity = Math.log2(0.8 / 0.1), wCityDiff = Math.log2(0.2 / 0.9);
    expect(s.weight[1]).toBeCloseTo(wName + wCity, 12);
    expect(s.weight[2]).toBeCloseTo(wName, 12); // city missing: weight 0, not a disagreement
    expect(s.weight[3]).toBeCloseTo(wName + wCityDiff, 12);
    expect(s.weight[3]!).toBeLessThan(s.weight[2]!);
    const prior = Math.log2(0.001 / 0.999);
    expect(s.matchWeight[1]).toBeCloseTo(prior + wName + wCity, 12);
    expect(s.probability[1]).toBeCloseTo(1 / (1 + 2 ** -(prior + wName + wCity)), 12);
    const e = explainPair(m, gamma, pairs, 2);
    expect(e.fields[1]).toMatchObject({ field: 'city', level: 'missing', isNull: true, weight: 0, m: null, u: null });
    expect(e.matchWeight).toBeCloseTo(s.matchWeight[2]!, 12);
    const rows = explanationTable(e);
    expect(rows.map((r) => r.step)).toEqual(['prior', 'name', 'city', 'match weight']);
  });

  it('term-frequency adjustment: a match on 王伟 (20 of 54 names) weighs less than on 欧阳娜娜 (4 of 54)', () => {
    const cmp = recordComparator(left, right, comparisons, { termFrequency: ['name'] });
    const gamma = cmp.compare(pairs.left, pairs.right);
    const m = model(cmp.fields);
    const tf = termFrequencies(cmp);
    const plain = scorePairs(m, countPatterns(gamma, [3, 3]), pairs);
    const adj = scorePairs(m, countPatterns(gamma, [3, 3]), pairs, tf);
    // without TF both agree on name and city: equal weights
    expect(plain.weight[0]).toBeCloseTo(plain.weight[1]!, 12);
    // with TF: rare name outweighs the common one
    expect(adj.weight[1]!).toBeGreaterThan(adj.weight[0]!);
    const total = left.length + right.length; // all names present
    const fWang = 21 / total, fOuyang = 4 / total;
    expect(adj.weight[0]! - plain.weight[0]!).toBeCloseTo(Math.log2(0.01 / fWang), 10);
    expect(adj.weight[1]! - plain.weight[1]!).toBeCloseTo(Math.log2(0.01 / fOuyang), 10);
    const e = explainPair(m, gamma, pairs, 0, tf);
    expect(e.fields[0]!.tfAdjustment).toBeCloseTo(Math.log2(0.01 / fWang), 10);
    expect(e.matchWeight).toBeCloseTo(adj.matchWeight[0]!, 10);
  });

  it('u from random pairs leaves the null level out (NaN) and sums to 1 over the others', () => {
    const cmp = recordComparator(left, right, comparisons);
    const { u, pairs: n } = uFromRandomPairs(cmp, { seed: 1 });
    expect(n).toBe(left.length * right.length); // small tables: every pair
    for (const uf of u) {
      expect(Number.isNaN(uf[0]!)).toBe(true);
      expect(uf[1]! + uf[2]!).toBeCloseTo(1, 12);
    }
    const big = uFromRandomPairs(cmp, { seed: 1, pairs: 50 });
    expect(big.pairs).toBe(50);
    expect(uFromRandomPairs(cmp, { seed: 1, pairs: 50 }).u).toEqual(big.u); // same seed, same u
    expect(() => uFromRandomPairs(cmp, { seed: 1.5 })).toThrow(/seed/);
  });
});
