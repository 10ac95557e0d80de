/**
 * Error rates of a distance threshold, and the threshold choice.
 *
 * A pair is declared a MATCH when its Hamming distance is <= threshold t. Over pairs known to
 * be the same image (after a distortion) and pairs known to be different images:
 * - false-non-match rate FNMR(t) = share of same-image pairs with distance > t
 *   (1 - true positive rate);
 * - false-match rate FMR(t) = share of different-image pairs with distance <= t
 *   (false positive rate).
 * The ROC curve plots 1 - FNMR against FMR as t runs over 0..64 (Fawcett, "An introduction to
 * ROC analysis", Pattern Recognition Letters 27, 2006; terms as in ISO/IEC 19795-1:2021,
 * biometric performance testing). AUC is the Mann-Whitney probability that a random
 * different pair is farther apart than a random same pair (ties count one half).
 */

export interface RocPoint {
  threshold: number;
  /** Same-image pairs declared non-matches (distance > threshold). */
  falseNonMatches: number;
  /** Different-image pairs declared matches (distance <= threshold). */
  falseMatches: number;
  falseNonMatchRate: number;
  falseMatchRate: number;
  /** 1 - falseNonMatchRate. */
  truePositiveRate: number;
}

/** Counts by distance 0..maxDistance (values above are counted at maxDistance). */
export function distanceHistogram(distances: ArrayLike<number>, maxDistance = 64): Float64Array {
  const h = new Float64Array(maxDistance + 1);
  for (let i = 0; i < distances.length; i++) {
    const d = distances[i]!;
    if (!(d >= 0) || !Number.isInteger(d)) throw new RangeError(`distance ${i} is not a non-negative integer: ${d}`);
    h[Math.min(d, maxDistance)]!++;
  }
  return h;
}

/**
 * ROC points for thresholds 0..maxDistance.
 * @example
 * const roc = rocCurve([0, 1, 2, 9], [8, 20, 30, 31]);
 * roc[2];  // threshold 2: FNMR 1/4 (the pair at 9), FMR 0
 * roc[8];  // threshold 8: FNMR 1/4, FMR 1/4 (the pair at 8)
 */
export function rocCurve(same: ArrayLike<number>, different: ArrayLike<number>, maxDistance = 64): RocPoint[] {
  if (same.length === 0 || different.length === 0) throw new RangeError('rocCurve needs at least one same-image and one different-image distance');
  const hs = distanceHistogram(same, maxDistance);
  const hd = distanceHistogram(different, maxDistance);
  const points: RocPoint[] = [];
  let sameWithin = 0;
  let diffWithin = 0;
  for (let t = 0; t <= maxDistance; t++) {
    sameWithin += hs[t]!;
    diffWithin += hd[t]!;
    const fnm = same.length - sameWithin;
    points.push({
      threshold: t,
      falseNonMatches: fnm,
      falseMatches: diffWithin,
      falseNonMatchRate: fnm / same.length,
      falseMatchRate: diffWithin / different.length,
      truePositiveRate: sameWithin / same.length,
    });
  }
  return points;
}

/**
 * Area under the ROC curve as the Mann-Whitney statistic P(D_diff > D_same) + P(D_diff = D_same)/2.
 * @example
 * rocAuc([0, 1], [5, 6]); // 1
 * rocAuc([3], [3]);       // 0.5
 */
export function rocAuc(same: ArrayLike<number>, different: ArrayLike<number>, maxDistance = 64): number {
  const hs = distanceHistogram(same, maxDistance);
  const hd = distanceHistogram(different, maxDistance);
  let sameBelow = 0;
  let acc = 0;
  for (let d = 0; d <= maxDistance; d++) {
    acc += hd[d]! * (sameBelow + hs[d]! / 2);
    sameBelow += hs[d]!;
  }
  return acc / (same.length * different.length);
}

export interface ThresholdChoice {
  threshold: number;
  falseMatchRate: number;
  falseNonMatchRate: number;
  falseMatches: number;
  falseNonMatches: number;
  samePairs: number;
  differentPairs: number;
  /** The thresholds that tied on the criterion (the chosen one is their middle). */
  tiedFrom: number;
  tiedTo: number;
  rule: string;
}

export interface ThresholdRuleOptions {
  /** Largest acceptable observed false-match rate (default 0.001). */
  maxFalseMatchRate?: number;
  maxDistance?: number;
}

/**
 * The default-threshold rule. Among thresholds whose observed false-match rate is at most
 * `maxFalseMatchRate`, keep those with the fewest total errors relative to the sample sizes,
 * i.e. the largest Youden index J = (1 - FNMR) - FMR (Youden, Cancer 3, 1950). When several
 * thresholds tie (the two distributions are separated by a gap), take the middle of the tied
 * run, rounded down: the threshold farthest from both observed distributions, so that images a
 * little more distorted, or a little more alike, than those measured are still on the right side.
 * Throws if no threshold meets the false-match limit (e.g. identical images among the
 * "different" set).
 *
 * @example
 * chooseThreshold([0, 1, 2, 3], [12, 20, 30]).threshold; // 7 (J = 1 for t = 3..11, middle 7)
 */
export function chooseThreshold(same: ArrayLike<number>, different: ArrayLike<number>, options: ThresholdRuleOptions = {}): ThresholdChoice {
  const maxFmr = options.maxFalseMatchRate ?? 0.001;
  const roc = rocCurve(same, different, options.maxDistance ?? 64);
  let best = -Infinity;
  const eps = 1e-12;
  for (const p of roc) {
    if (p.falseMatchRate > maxFmr) continue;
    best = Math.max(best, p.truePositiveRate - p.falseMatchRate);
  }
  if (best === -Infinity) {
    throw new RangeError(`no threshold keeps the false-match rate at or below ${maxFmr}: ` +
      `${roc[0]!.falseMatches} of ${different.length} different-image pairs are already at distance 0`);
  }
  const tied = roc.filter((p) => p.falseMatchRate <= maxFmr && p.truePositiveRate - p.falseMatchRate >= best - eps);
  // The tied run containing the first tied threshold (J is unimodal in practice; take the first run).
  let from = tied[0]!.threshold;
  let to = from;
  for (const p of tied) if (p.threshold === to + 1 || p.threshold === to) to = p.threshold;
  const t = Math.floor((from + to) / 2);
  const p = roc[t]!;
  return {
    threshold: t,
    falseMatchRate: p.falseMatchRate,
    falseNonMatchRate: p.falseNonMatchRate,
    falseMatches: p.falseMatches,
    falseNonMatches: p.falseNonMatches,
    samePairs: same.length,
    differentPairs: different.length,
    tiedFrom: from,
    tiedTo: to,
    rule: `largest Youden J = TPR - FMR subject to FMR <= ${maxFmr}; middle of the tied run ${from}..${to}`,
  };
}
