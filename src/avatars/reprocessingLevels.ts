/**
 * The pure side of the reprocessing measurement (`reprocessing.ts`): its types, the level shares a
 * set of distances gives, and the choice of the "same served file" distance. No image code here,
 * so the matching inference can use the committed measurement (`reprocessingMeasured.ts`).
 */
export const REPROCESSING_CONDITIONS = ['independent', 'uncropped', 'copy'] as const;
export type ReprocessingCondition = (typeof REPROCESSING_CONDITIONS)[number];

export interface ReprocessingOptions {
  seed: number;
  /** synthetic pictures (split in two halves) */
  pictures: number;
  /** pairs per picture and condition */
  pairsPerPicture: number;
}

export interface ReprocessingMeasurement extends ReprocessingOptions {
  masterSize: number;
  cropLevels: number[];
  /** what each condition does, in words */
  conditions: Record<ReprocessingCondition, string>;
  /** pHash distances (bits of 64) by condition and half */
  distances: Record<ReprocessingCondition, { model: number[]; check: number[] }>;
}

export const REPROCESSING_DESCRIPTIONS: Record<ReprocessingCondition, string> = {
  independent: 'two platforms each crop (share drawn from 0-20%, corner / centre / offset), resize (100-180 px) and JPEG-encode (quality 60-95) the same upload independently',
  uncropped: 'two platforms each resize (100-180 px) and JPEG-encode (quality 60-95) the same upload independently, neither crops',
  copy: 'one platform\'s served file, re-encoded once by a copier (resized to 96-180 px, JPEG quality 60-95, no crop)',
};

/** The avatar provenance levels a distance falls in. */
export const AVATAR_DISTANCE_LEVELS = ['identical', 'near-identical', 'same picture', 'different'] as const;
export type AvatarDistanceLevel = (typeof AVATAR_DISTANCE_LEVELS)[number];

/**
 * Share of distances in each avatar level (identical: 0; near-identical: 1..nearBits; same
 * picture: up to samePictureBits; different: beyond), each count + 1/2 (Jeffreys), so that no
 * level a measurement did not happen to hit gets probability 0 (an infinite LR).
 * @example
 * avatarLevelShares([0, 0, 2, 8], 2, 6); // { identical: 2.5/6, 'near-identical': 1.5/6, 'same picture': 0.5/6, different: 1.5/6 }
 */
export function avatarLevelShares(distances: readonly number[], nearBits: number, samePictureBits: number): Record<AvatarDistanceLevel, number> {
  const counts = [0, 0, 0, 0];
  for (const d of distances) counts[d === 0 ? 0 : d <= nearBits ? 1 : d <= samePictureBits ? 2 : 3]!++;
  const total = distances.length + 2;
  return { identical: (counts[0]! + 0.5) / total, 'near-identical': (counts[1]! + 0.5) / total, 'same picture': (counts[2]! + 0.5) / total, different: (counts[3]! + 0.5) / total };
}

/** Share of distances at most k. */
export function shareAtMost(distances: readonly number[], k: number): number {
  return distances.length ? distances.filter((d) => d <= k).length / distances.length : NaN;
}

/**
 * The largest distance of "the same served file" (the near-identical level), chosen on the model
 * half: the k in 0..samePictureBits - 1 that best separates a copy re-encoded once from independent
 * processing, max P(d <= k | copy) - P(d <= k | independent) (Youden's J); the smallest k of a tie.
 * @example
 * chooseFileBits({ copy: { model: [0, 2, 4] }, independent: { model: [6, 8, 2] } }, 6); // 4
 */
export function chooseFileBits(distances: Pick<Record<ReprocessingCondition, { model: number[] }>, 'copy' | 'independent'>, samePictureBits: number): number {
  let best = 0, bestJ = -Infinity;
  for (let k = 0; k < samePictureBits; k++) {
    const j = shareAtMost(distances.copy.model, k) - shareAtMost(distances.independent.model, k);
    if (j > bestJ + 1e-12) { best = k; bestJ = j; }
  }
  return best;
}

/** The committed measurement's settings (80 pictures, 2 pairs each per condition, seed 2014: the avatars data set's seed). */
export const REPROCESSING_OPTIONS: Readonly<ReprocessingOptions> = { seed: 2014, pictures: 80, pairsPerPicture: 2 };
