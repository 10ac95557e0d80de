import { describe, expect, it } from 'vitest';
import {
  compareTables, defaultComparisons, generateIndependentEvidence, generateSyntheticEvidence, pairProfiles, permutationNull,
  permutationStrata, prepareProfiles, sampleUnrelatedPairs, type PairedTables,
} from '../src/matching';
import { binomialUpperTail } from '../src/stats/binomialUpperTail';
import { seededRandom, shuffleInPlace } from '../src/stats/random';

const cmps = defaultComparisons();

describe('permutationNull on copied data', () => {
  const ev = generateSyntheticEvidence({ seed: 11, displayed: 60, extraSource: 20 });
  const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
  const m = compareTables(paired, cmps);
  const nul = permutationNull(paired, cmps, m, { permutations: 499, seed: 3 });
  it('puts the observed far beyond the null: p = 1/(B+1)', () => {
    const all = nul.statistics.find((s) => s.name === 'allShownAgree')!;
    expect(all.observed).toBeGreaterThan(40);
    expect(all.expected).toBeLessThan(2);
    expect(all.pValue).toBeCloseTo(1 / 500, 12);
    expect(nul.statistics.map((s) => s.name)).toEqual(['allShownAgree', 'score', ...cmps.map((c) => `agree:${c.name}`)]);
  });
  it('re-pairs within each uploader network when asked (never across networks)', () => {
    const strata = permutationStrata(paired, true);
    expect(strata.members.length).toBe(new Set(paired.displayed.map((d) => d.uploader)).size);
    strata.members.forEach((rows, s) => {
      const up = paired.displayed[rows[0]!]!.uploader;
      expect(Array.from(rows).every((i) => paired.displayed[i]!.uploader === up)).toBe(true);
      expect(Array.from(strata.pools[s]!).sort()).toEqual(Array.from(rows, (i) => paired.sourceIndex[i]!).sort());
    });
    const within = permutationNull(paired, cmps, m, { permutations: 99, seed: 3, withinUploader: true });
    expect(within.withinUploader).toBe(true);
    const direct = permutationNull(paired, cmps, m, { permutations: 99, seed: 3, withinUploader: true, maxCells: 1 });
    expect(Array.from(direct.score)).toEqual(Array.from(within.score));
  });
  it('is reproducible from its seed', () => {
    const again = permutationNull(paired, cmps, m, { permutations: 499, seed: 3 });
    expect(Array.from(again.score)).toEqual(Array.from(nul.score));
    const other = permutationNull(paired, cmps, m, { permutations: 499, seed: 4 });
    expect(Array.from(other.score)).not.toEqual(Array.from(nul.score));
  });
  it('gives the same distribution with and without precomputed cells', () => {
    const direct = permutationNull(paired, cmps, m, { permutations: 499, seed: 3, maxCells: 0 });
    expect(direct.exhaustiveCells).toBe(false);
    expect(Array.from(direct.score)).toEqual(Array.from(nul.score));
    expect(Array.from(direct.allShownAgree)).toEqual(Array.from(nul.allShownAgree));
    // expectations: exact (cells) vs estimated from the permuted unrelated pairs
    const e1 = nul.statistics.find((s) => s.name === 'score')!.expected;
    const e2 = direct.statistics.find((s) => s.name === 'score')!.expected;
    expect(Math.abs(e1 - e2) / e1).toBeLessThan(0.1);
  });
  it('estimates the unrelated-pair rates also by sampling', () => {
    const s = sampleUnrelatedPairs(paired, cmps, 5000, 9);
    nul.expectedFieldRate.forEach((r, f) => expect(Math.abs(s.expectedFieldRate[f]! - r)).toBeLessThan(0.03));
  });
  it('rejects bad settings', () => {
    expect(() => permutationNull(paired, cmps, m, { permutations: 0 })).toThrow(RangeError);
  });
});

/**
 * Calibration: with NO copying, the permutation p-value must be (super-)uniform:
 * P(p <= a) <= a for every a. 200 seeded replicates of 30 independent displayed profiles vs
 * 30 independent source profiles (drawn from one prepared pool, so the test stays fast);
 * the share of p <= 0.05 must lie within a 3-sigma binomial tolerance of 0.05, and the
 * randomised (tie-breaking) p-value's Kolmogorov-Smirnov distance to the uniform must be
 * below the 1% critical value 1.63/sqrt(200) (Massey 1951 table).
 */
describe('permutationNull calibration on data with no copying', () => {
  const pool = generateIndependentEvidence({ seed: 5, displayed: 400, extraSource: 400 });
  const disp = prepareProfiles(pool.displayed, { defaultAvatarHashes: [pool.defaultAvatarHash] });
  const src = prepareProfiles(pool.source, { defaultAvatarHashes: [pool.defaultAvatarHash] });
  const R = 200;
  const n = 30;
  const rng = seededRandom(17);
  const pScore: number[] = [];
  const pRand: number[] = [];
  const dIdx = Int32Array.from(disp.keys());
  const sIdx = Int32Array.from(src.keys());
  for (let r = 0; r < R; r++) {
    shuffleInPlace(rng, dIdx);
    shuffleInPlace(rng, sIdx);
    const paired: PairedTables = {
      displayed: Array.from(dIdx.subarray(0, n), (i) => disp[i]!),
      source: Array.from(sIdx.subarray(0, n), (i) => src[i]!),
      sourceIndex: Int32Array.from({ length: n }, (_, i) => i),
      unpaired: [],
    };
    const m = compareTables(paired, cmps);
    const nul = permutationNull(paired, cmps, m, { permutations: 199, seed: 1000 + r });
    const st = nul.statistics.find((s) => s.name === 'score')!;
    pScore.push(st.pValue);
    pRand.push(st.pValueRandomized);
  }
  it('rejects at 5% no more often than 5% (binomial tolerance)', () => {
    const share = pScore.filter((p) => p <= 0.05).length / R;
    const sd = Math.sqrt((0.05 * 0.95) / R);
    expect(share).toBeLessThanOrEqual(0.05 + 3 * sd);
    // and the binomial probability of so many rejections is not small
    expect(binomialUpperTail(Math.round(share * R), R, 0.05)).toBeGreaterThan(0.001);
  });
  it('the conservative p-value is super-uniform: P(p <= a) <= a + 3 sd at every a', () => {
    for (const a of [0.01, 0.05, 0.1, 0.25, 0.5, 0.75]) {
      const share = pScore.filter((p) => p <= a).length / R;
      expect(share).toBeLessThanOrEqual(a + 3 * Math.sqrt((a * (1 - a)) / R));
    }
  });
  it('the randomised p-value is uniform (Kolmogorov-Smirnov)', () => {
    const sorted = [...pRand].sort((a, b) => a - b);
    let d = 0;
    sorted.forEach((p, i) => {
      d = Math.max(d, Math.abs((i + 1) / R - p), Math.abs(p - i / R));
    });
    expect(d).toBeLessThan(1.63 / Math.sqrt(R));
  });
});
