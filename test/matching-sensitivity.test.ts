import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, fieldThresholdSensitivity, generateSyntheticEvidence, pairProfiles, strictnessSensitivity } from '../src/matching';

describe('sensitivity to the "basically the same" threshold', () => {
  const ev = generateSyntheticEvidence({ seed: 3, displayed: 60, extraSource: 30 });
  const paired = pairProfiles(ev.displayed, ev.source, { defaultAvatarHashes: [ev.defaultAvatarHash] });
  const rows = strictnessSensitivity(paired, [0.5, 0.7, 0.9, 1], { pairs: 3000, seed: 1 });
  it('the overall rate falls as the definition gets stricter', () => {
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.overallRate).toBeLessThanOrEqual(rows[i - 1]!.overallRate);
    expect(rows[0]!.overallRate).toBeGreaterThan(rows[3]!.overallRate);
    expect(rows[3]!.thresholds).toMatch(/avatar <= 0 bits/);
  });
  it('each row carries the baseline, a p-value and the combined LR', () => {
    for (const r of rows) {
      expect(r.expectedOverallRate).toBeLessThan(0.2);
      expect(r.log10PValue).toBeLessThan(-5);
      expect(r.log10PValue).toBeLessThan(-2);
      expect(Object.keys(r.fieldRates)).toContain('avatar');
    }
  });
  it('one field at a time', () => {
    const a = fieldThresholdSensitivity(paired, 'avatarMaxBits', [0, 4, 12], DEFAULT_THRESHOLDS, { pairs: 2000 });
    expect(a[0]!.fieldRates.avatar!).toBeLessThan(a[2]!.fieldRates.avatar!);
    expect(a[1]!.fieldRates.name).toBe(a[2]!.fieldRates.name);
  });
});
