/**
 * The one avatar similarity rule of the toolkit, used by matching (01), linkage (02) and the
 * avatar analysis (03): two avatars show "the same picture" (the court's 相同或基本相同 for an
 * avatar) when the crop-tolerant pHash distance from the shown image to the other is at most
 * `AVATAR_SIMILARITY.threshold` bits of 64 (`cropTolerantDistance`: the smallest distance
 * between the shown image's full-frame pHash and the other image's full frame or any of its 36
 * aligned crop windows). Where only full-frame hashes are available (a hash column in a
 * profile table), the same threshold applies to the plain pHash distance: `sameAvatar`.
 *
 * The threshold is the one notebook 03 chooses on the committed synthetic set: the largest
 * Youden J subject to an observed false-match rate <= 0.1%, chosen on the tuning half of the
 * images and checked on the other half (`datasets/avatars/thresholds.json`, key
 * `similarity`; test/avatars-similarity.test.ts keeps the two equal). With the plain distance
 * (no windows) the minimum is over fewer comparisons, so its false-match rate is no higher
 * than the one measured for the crop-tolerant distance. Re-measure on the expert's own images
 * before relying on it (the notebook's section 1 does).
 */
import { type CropHashes, cropTolerantDistance } from './crops';
import { hammingDistanceHex } from '../compare/hamming';

export interface AvatarSimilarityRule {
  hash: 'pHash';
  /** Hamming distance <= threshold (of 64 bits) means the same picture. */
  threshold: number;
  /** The false-match limit the threshold was chosen under. */
  maxFalseMatchRate: number;
  description: string;
}

export const AVATAR_SIMILARITY: Readonly<AvatarSimilarityRule> = {
  hash: 'pHash',
  threshold: 6,
  maxFalseMatchRate: 0.001,
  description: 'crop-tolerant pHash distance (full frame against the full frame and 36 aligned crops) <= 6 of 64 bits',
};

/** The rule, for callers that declare comparisons from it (matching, linkage). */
export function avatarSimilarityRule(): Readonly<AvatarSimilarityRule> {
  return AVATAR_SIMILARITY;
}

/**
 * Same picture by full-frame pHash (16 hex digits each), under the one rule.
 * @example
 * sameAvatar('c3a1c3a1c3a1c3a1', 'c3a1c3a1c3a1c3a3'); // true (1 bit apart)
 * sameAvatar('0000000000000000', 'ffffffffffffffff'); // false
 */
export function sameAvatar(pHashA: string, pHashB: string, threshold: number = AVATAR_SIMILARITY.threshold): boolean {
  return hammingDistanceHex(pHashA, pHashB) <= threshold;
}

/**
 * Same picture with crop tolerance: the shown image's pHash against a candidate's crop hashes.
 * @example
 * sameAvatarCropTolerant('ffffffffffffffff', { pHash: '0000000000000000', windows: ['ffffffffffffffff'] }); // true
 */
export function sameAvatarCropTolerant(shownPHash: string, candidate: CropHashes, threshold: number = AVATAR_SIMILARITY.threshold): boolean {
  return cropTolerantDistance(shownPHash, candidate) <= threshold;
}
