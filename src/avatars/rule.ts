/**
 * The "same picture" rule as matching (01) and linkage (02) apply it to a profile table's one
 * full-frame pHash per avatar: the one rule of `similarity.ts` (threshold measured out of sample
 * by notebook 03, `datasets/avatars/thresholds.json` key `similarity`), on the plain distance.
 *
 * @example
 * samePictureMaxBits();                                   // AVATAR_SIMILARITY.threshold
 * isSamePicture('ffffffffffffffff', 'fffffffffffffff0'); // true (4 bits differ)
 */
import { AVATAR_SIMILARITY, sameAvatar } from './similarity';

/** Largest Hamming distance (bits of 64) at which two pHashes still show the same picture. */
export function samePictureMaxBits(): number {
  return AVATAR_SIMILARITY.threshold;
}

/** Two full-frame pHashes (16 hex digits) show the same picture under the one rule. */
export function isSamePicture(a: string, b: string): boolean {
  return sameAvatar(a, b);
}
