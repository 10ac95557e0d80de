import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSamePicture, samePictureMaxBits } from '../src/avatars/rule';
import { DEFAULT_THRESHOLDS } from '../src/avatars/thresholds';
import { AVATAR_SIMILARITY } from '../src/avatars/similarity';

describe('avatars: the one same-picture rule', () => {
  it('is the one similarity rule measured by notebook 03 (datasets/avatars/thresholds.json, key similarity)', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '..', 'datasets', 'avatars', 'thresholds.json'), 'utf8'));
    expect(DEFAULT_THRESHOLDS).toEqual(json.thresholds);
    expect(samePictureMaxBits()).toBe(AVATAR_SIMILARITY.threshold);
    expect(samePictureMaxBits()).toBe(json.similarity.threshold);
  });
  it('counts differing bits against the threshold', () => {
    const t = samePictureMaxBits();
    const within = 'f'.repeat(16 - Math.ceil(t / 4)) + '0'.repeat(Math.ceil(t / 4));
    expect(isSamePicture('ffffffffffffffff', 'ffffffffffffffff')).toBe(true);
    expect(isSamePicture('ffffffffffffffff', within)).toBe(Math.ceil(t / 4) * 4 <= t);
    expect(isSamePicture('ffffffffffffffff', '0000000000000000')).toBe(false);
  });
});
