import { describe, expect, it } from 'vitest';
import { analyticNull, compareTables, defaultComparisons, DEFAULT_THRESHOLDS, generateSyntheticEvidence, matchRates, pairProfiles, type ProfileRow } from '../src/matching';

describe('analyticNull', () => {
  it('uses value frequencies: a common value agrees by chance more often', () => {
    const row = (id: string, school: string): ProfileRow => ({ id, uploader: 'U1', name: null, avatar_hash: null, employer: null, title: null, school, tags: null });
    const disp = [row('a', '北京大学'), row('b', '清华大学')];
    const src = [row('a', '北京大学'), row('b', '清华大学'), ...Array.from({ length: 8 }, (_, i) => row(`x${i}`, '北京大学'))];
    const paired = pairProfiles(disp, src);
    const an = analyticNull(paired, ['school'], 2, DEFAULT_THRESHOLDS);
    // Krichevsky-Trofimov: 北京大学 8 of 9 others, 2 distinct: (8 + .5) / (9 + 1.5); 清华 (0 + .5) / 10.5
    expect(an.perProfile[0]).toBeCloseTo(8.5 / 10.5, 12);
    expect(an.perProfile[1]).toBeCloseTo(0.5 / 10.5, 12);
    expect(an.expectedAllShownAgree).toBeCloseTo(9 / 10.5, 12);
    expect(10 ** an.log10PValue).toBeCloseTo((8.5 / 10.5) * (0.5 / 10.5), 12);
  });
  it('on the synthetic set: expected agreement far below the observed', () => {
    const ev = generateSyntheticEvidence({ seed: 2, displayed: 80, extraSource: 40 });
    const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
    const r = matchRates(compareTables(paired, defaultComparisons()));
    const an = analyticNull(paired, ['avatar', 'name', 'employer', 'title', 'school', 'tags'], r.overall.k, DEFAULT_THRESHOLDS);
    expect(an.expectedAllShownAgree).toBeLessThan(1);
    expect(an.log10PValue).toBeLessThan(-50);
    expect(an.fields.find((f) => f.field === 'title')!.expectedRate).toBeGreaterThan(an.fields.find((f) => f.field === 'name')!.expectedRate);
    expect(() => analyticNull(paired, ['shoe size'], 0, DEFAULT_THRESHOLDS)).toThrow(/no analytic model/);
  });
});
