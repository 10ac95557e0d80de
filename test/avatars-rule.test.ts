import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSamePicture, samePictureMaxBits } from '../src/avatars/rule';
import { DEFAULT_THRESHOLDS } from '../src/avatars/thresholds';

describe('avatars: the one same-picture rule', () => {
  it('uses the thresholds measured by notebook 03 (datasets/avatars/thresholds.json)', () => {
    const measured = JSON.parse(readFileSync(join(__dirname, '..', 'datasets', 'avatars', 'thresholds.json'), 'utf8')).thresholds;
    expect(DEFAULT_THRESHOLDS).toEqual(measured);
    expect(samePictureMaxBits()).toBe(measured.pHash);
  });
  it('counts differing bits against the threshold', () => {
    const t = samePictureMaxBits();
    const within = 'f'.repeat(16 - Math.ceil(t / 4)) + '0'.repeat(Math.ceil(t / 4));
    expect(isSamePicture('ffffffffffffffff', 'ffffffffffffffff')).toBe(true);
    expect(isSamePicture('ffffffffffffffff', within)).toBe(Math.ceil(t / 4) * 4 <= t);
    expect(isSamePicture('ffffffffffffffff', '0000000000000000')).toBe(false);
  });
});
