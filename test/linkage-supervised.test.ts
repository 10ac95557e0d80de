/** Supervised estimation from labels, and the record-level pipeline on the committed-style profile tables. */
import { describe, expect, it } from 'vitest';
import {
  LINKAGE_DATASET_PARAMS, displayedAsProfiles, estimateFromLabels, evaluateAssignment, generateLinkageData, linkRecords,
  linkageTruth, matchWeightFromProbability, oneToOneGreedy, profileBlockingRules, profileComparisons, syntheticProfileTables,
} from '../src/linkage';
import type { FieldInfo } from '../src/linkage';
import { prepareProfiles } from '../src/matching/profile';

describe('supervised estimation', () => {
  const fields: FieldInfo[] = [{
    name: 'x', description: 'x',
    levels: [{ label: 'missing', description: 'm', isNull: true }, { label: 'same', description: 's', isNull: false }, { label: 'different', description: 'd', isNull: false }],
  }];

  it('m = level shares among matches, u among non-matches (+0.5 each), lambda = share of matches; null ignored', () => {
    // pairs: 4 matches (same, same, same, missing), 6 non-matches (same, 5 x different), 1 unlabelled
    const gamma = Uint8Array.of(1, 1, 1, 0, 1, 2, 2, 2, 2, 2, 1);
    const labels = Uint8Array.of(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 9);
    const m = estimateFromLabels(gamma, fields, labels);
    expect(m.m[0]![1]).toBeCloseTo(3.5 / 4, 12); // (3 + 0.5) / (3 + 0 + 2 x 0.5)
    expect(m.u[0]![1]).toBeCloseTo(1.5 / 7, 12); // (1 + 0.5) / (6 + 1)
    expect(m.lambdaCandidates).toBeCloseTo(0.4, 12);
    expect(m.method.labelledPairs).toEqual({ matches: 4, nonMatches: 6 });
    expect(() => estimateFromLabels(gamma, fields, new Uint8Array(11))).toThrow(/at least one pair labelled as a match/);
    expect(() => estimateFromLabels(gamma, fields, new Uint8Array(3))).toThrow(/3 labels for 11 pairs/);
  });

  it('profile tables: EM and supervised linkage both find the copied accounts', () => {
    const data = generateLinkageData({ ...LINKAGE_DATASET_PARAMS });
    const t = syntheticProfileTables(data);
    const shown = prepareProfiles(displayedAsProfiles(t.displayed));
    const source = prepareProfiles(t.source);
    for (const labels of [undefined, linkageTruth(data)]) {
      const r = linkRecords(shown, source, profileComparisons(), profileBlockingRules(), { seed: 1, uPairs: 20_000, labels, termFrequency: ['name'] });
      const a = oneToOneGreedy(r.pairs, r.scores.matchWeight, { left: shown.length, right: source.length }, matchWeightFromProbability(0.5));
      const q = evaluateAssignment(a.rightOfLeft, data.truth);
      expect(q.precision).toBeGreaterThan(0.95);
      expect(q.recall).toBeGreaterThan(0.85);
      expect(r.model.method.m).toBe(labels ? 'labels' : 'em');
    }
  });
});
