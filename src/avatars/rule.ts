/**
 * The one "same picture" rule for avatar hashes, used by notebooks 01 (matching), 02 (linkage)
 * and 03 (avatars): two 64-bit hashes of the same kind show the same picture when their Hamming
 * distance is at most the threshold measured by notebook 03's robustness study
 * (`datasets/avatars/thresholds.json`, largest Youden J with an observed false-match rate <= 0.1%;
 * constants in `thresholds.ts`, checked against the JSON by test/avatars-rule.test.ts).
 * Re-measure on the expert's own images before relying on it.
 *
 * @example
 * samePictureMaxBits();          // 12 (pHash, the default rule)
 * isSamePicture('ffffffffffffffff', 'fffffffffffff000'); // true (12 bits differ)
 */
import { hammingDistanceHex } from '../compare/hamming';
import type { HashKind } from './hash';
import { DEFAULT_RULE, DEFAULT_THRESHOLDS } from './thresholds';

/** Largest Hamming distance (bits) at which two hashes of `kind` still show the same picture. */
export function samePictureMaxBits(kind: HashKind = DEFAULT_RULE): number {
  return DEFAULT_THRESHOLDS[kind];
}

/** Two hex hashes of `kind` show the same picture under the measured rule. */
export function isSamePicture(a: string, b: string, kind: HashKind = DEFAULT_RULE): boolean {
  return hammingDistanceHex(a, b) <= samePictureMaxBits(kind);
}
