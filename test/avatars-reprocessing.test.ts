/**
 * The reprocessing measurement behind the matching inference's avatar levels: the committed
 * figures are what `measureReprocessing` gives for its committed options (same seed and sharp
 * build, same distances), and the pure helpers do what they say.
 */
import { describe, expect, it } from 'vitest';
import { measureReprocessing } from '../src/avatars/reprocessing';
import { avatarLevelShares, chooseFileBits, REPROCESSING_OPTIONS, shareAtMost } from '../src/avatars/reprocessingLevels';
import { REPROCESSING_MEASURED } from '../src/avatars/reprocessingMeasured';
import { samePictureMaxBits } from '../src/avatars/rule';

describe('reprocessing measurement', () => {
  it('the committed figures are re-measured exactly from the committed options', async () => {
    const m = await measureReprocessing(REPROCESSING_OPTIONS);
    expect(JSON.parse(JSON.stringify(m))).toEqual(JSON.parse(JSON.stringify(REPROCESSING_MEASURED)));
  }, 120_000);
  it('has both halves of every condition', () => {
    for (const c of ['independent', 'uncropped', 'copy'] as const) {
      expect(REPROCESSING_MEASURED.distances[c].model).toHaveLength(REPROCESSING_OPTIONS.pictures);
      expect(REPROCESSING_MEASURED.distances[c].check).toHaveLength(REPROCESSING_OPTIONS.pictures);
    }
  });
  it('a copy of the served file stays close; the same picture processed independently with crops mostly does not', () => {
    const d = REPROCESSING_MEASURED.distances;
    const k = chooseFileBits(d, samePictureMaxBits());
    expect(shareAtMost(d.copy.model, k)).toBeGreaterThan(0.8);
    expect(shareAtMost(d.independent.model, k)).toBeLessThan(0.2);
    // without crops, independent processing is as close as a copy: the split rests on the crops
    expect(shareAtMost(d.uncropped.model, k)).toBeGreaterThan(0.8);
  });
  it('rejects a measurement it cannot split', async () => {
    await expect(measureReprocessing({ seed: 1, pictures: 1, pairsPerPicture: 1 })).rejects.toThrow(/pictures/);
    await expect(measureReprocessing({ seed: 1, pictures: 4, pairsPerPicture: 0 })).rejects.toThrow(/pairsPerPicture/);
  });
});

describe('avatarLevelShares and chooseFileBits', () => {
  it('counts each level +1/2 (the worked example)', () => {
    const s = avatarLevelShares([0, 0, 2, 8], 2, 6);
    expect(s.identical).toBeCloseTo(2.5 / 6);
    expect(s['near-identical']).toBeCloseTo(1.5 / 6);
    expect(s['same picture']).toBeCloseTo(0.5 / 6);
    expect(s.different).toBeCloseTo(1.5 / 6);
  });
  it('chooses the k that best separates copies from independent processing', () => {
    expect(chooseFileBits({ copy: { model: [0, 2, 4] }, independent: { model: [6, 8, 2] } }, 6)).toBe(4);
    expect(chooseFileBits({ copy: { model: [0, 0] }, independent: { model: [8, 8] } }, 6)).toBe(0);
    expect(shareAtMost([], 3)).toBeNaN();
  });
});
