import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AVATAR_SIMILARITY, CROP_WINDOWS, chooseOnTuning, cropHashesFromPixels, testRates, cropTolerantDistance, mixtureLog10Lr, personLr, platformPipeline, sameAvatar, sameAvatarCropTolerant,
} from '../src/avatars';
import { seededRandom } from '../src/stats/random';

describe('the one avatar similarity rule', () => {
  it('has the threshold measured in datasets/avatars/thresholds.json', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '..', 'datasets', 'avatars', 'thresholds.json'), 'utf8'));
    expect(json.similarity.threshold).toBe(AVATAR_SIMILARITY.threshold);
    expect(json.similarity.maxFalseMatchRate).toBe(AVATAR_SIMILARITY.maxFalseMatchRate);
  });
  it('sameAvatar compares full-frame pHashes at the threshold', () => {
    expect(sameAvatar('c3a1c3a1c3a1c3a1', 'c3a1c3a1c3a1c3a3')).toBe(true);
    expect(sameAvatar('0000000000000000', '00000000000000ff')).toBe(false);
    expect(sameAvatar('0000000000000000', '000000000000003f')).toBe(AVATAR_SIMILARITY.threshold >= 6);
  });
  it('the crop-tolerant distance takes the nearest window', () => {
    const c = { pHash: '0000000000000000', windows: ['ffffffffffffffff', 'fffffffffffffff0'] };
    expect(cropTolerantDistance('ffffffffffffffff', c)).toBe(0);
    expect(cropTolerantDistance('fffffffffffffff0', { pHash: c.pHash, windows: [] })).toBe(60);
    expect(sameAvatarCropTolerant('ffffffffffffffff', c)).toBe(true);
  });
  it('36 windows, hashed from pixels', () => {
    const w = 40, px = new Uint8Array(w * w * 3).map((_, i) => ((i / 3) % w) * 6);
    const h = cropHashesFromPixels(px, w, w);
    expect(CROP_WINDOWS).toHaveLength(36);
    expect(h.windows).toHaveLength(36);
    expect(h.pHash).toMatch(/^[0-9a-f]{16}$/);
  });
  it('platform pipelines are drawn from the seed', () => {
    expect(platformPipeline(0.1, seededRandom(3)).name).toBe(platformPipeline(0.1, seededRandom(3)).name);
    expect(() => platformPipeline(0.6, seededRandom(3))).toThrow(/crop share/);
  });
});

describe('propositions', () => {
  const w = { pHash: '0000000000000000', windows: [] };
  const q = { pHash: 'ffffffffffffffff', windows: [] };
  const rates = { fnmr: 0.05, fmr: 0.001 };
  it('LR for a displayed avatar matching the reference only, when the claimed avatar differs', () => {
    const r = personLr('p', w.pHash, [{ platform: 'weibo', hashes: w }, { platform: 'qq', hashes: q }], rates, 6, 'weibo', ['qq']);
    expect(r.log10Lr!).toBeCloseTo(Math.log10((0.95 * 0.999) / (0.001 * 0.05)), 6);
  });
  it('LR = 1 when the claimed avatar is the same picture as the reference', () => {
    const r = personLr('p', w.pHash, [{ platform: 'weibo', hashes: w }, { platform: 'qq', hashes: w }], rates, 6, 'weibo', ['qq']);
    expect(r.log10Lr).toBe(0);
  });
  it('not assessed without a claimed-platform avatar', () => {
    expect(personLr('p', w.pHash, [{ platform: 'weibo', hashes: w }], rates, 6, 'weibo', ['qq']).log10Lr).toBeNull();
  });
  it('the mixture over the set', () => {
    expect(mixtureLog10Lr([{ log10PHp: 0, log10PHd: -4 }], 0.1)).toBeCloseTo(-Math.log10(0.9 + 0.1e-4), 10);
  });
});

describe('out-of-sample error rates with the image as the unit', () => {
  // 6 images: 0-2 tuning, 3-5 test; two same-picture pairs per image.
  const n = 6;
  const half = ['tuning', 'tuning', 'tuning', 'test', 'test', 'test'] as Array<'tuning' | 'test'>;
  const image = Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  const tol = Uint8Array.from([0, 2, 2, 4, 0, 10, 2, 12, 0, 0, 4, 4]);
  const diff = new Uint8Array(n * n).fill(30);
  diff[3 * n + 4] = 2; // one false match among the test pairs at threshold >= 2
  const m = {
    images: ['a', 'b', 'c', 'd', 'e', 'f'], half,
    same: { image, group: Array(12).fill('crop 5%'), distortion: Array(12).fill('x'), plain: tol, tolerant: tol },
    different: { plain: diff, tolerant: diff },
  };
  it('the threshold comes from the tuning half only', () => {
    // tuning same: 0 2 2 4 0 10 -> threshold covering all but the 10; different all at 30
    expect(chooseOnTuning(m, 'tolerant', 0.001).threshold).toBeGreaterThanOrEqual(4);
  });
  it('counts errors on the test half, resamples images', () => {
    const rows = testRates(m, 'tolerant', 4, { replicates: 200, level: 0.95, seed: 1 });
    const fnm = rows.find((r) => r.pairs === 'all distortions')!;
    expect(fnm.errors).toBe(1); // the 12 of image 3
    expect(fnm.n).toBe(6);
    expect(fnm.images).toBe(3);
    const fm = rows.find((r) => r.error === 'false match')!;
    expect(fm.errors).toBe(1);
    expect(fm.n).toBe(6);
    expect(fm.lower).toBeLessThanOrEqual(fm.rate);
    expect(fm.upper).toBeGreaterThanOrEqual(fm.rate);
    expect(testRates(m, 'tolerant', 4, { replicates: 200, level: 0.95, seed: 1 })).toEqual(rows);
  });
  it('with no error observed, the upper bound counts one trial per test image', () => {
    const rows = testRates(m, 'tolerant', 1, { replicates: 100, level: 0.95, seed: 1 });
    const fm = rows.find((r) => r.error === 'false match')!;
    expect(fm.errors).toBe(0);
    expect(fm.upper).toBeCloseTo(1 - 0.025 ** (1 / 3), 6);
  });
});
