import { designEffect } from './designEffect';

/**
 * Effective number of independent units in a cluster sample: n / deff with Kish's design
 * effect deff = 1 + (m - 1) rho, for n units in clusters of mean size m and intra-cluster
 * correlation rho (rho = 0: n independent units; rho = 1: each cluster counts once, n / m).
 * Scaling a sum of per-unit log likelihood ratios by n_eff / n is the usual magnitude
 * adjustment of a composite (independence) likelihood for dependence.
 *
 * Reference: L. Kish, *Survey Sampling* (Wiley, 1965), sec. 5.4 (design effect); C. Varin,
 * N. Reid & D. Firth, "An overview of composite likelihood methods", Statistica Sinica 21
 * (2011) 5-42, sec. 4 (adjusting composite likelihood ratio statistics).
 *
 * @example
 * effectiveSampleSize(300, 100, 0);   // => 300
 * effectiveSampleSize(300, 100, 1);   // => 3   (three uploaders, each one unit)
 * effectiveSampleSize(300, 100, 0.1); // => 300 / 10.9 ≈ 27.5
 */
export function effectiveSampleSize(n: number, meanClusterSize: number, rho: number): number {
  if (!(n >= 0)) throw new RangeError(`effectiveSampleSize: need n >= 0 (got ${n})`);
  return n / designEffect(meanClusterSize, rho);
}
