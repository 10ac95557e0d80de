/**
 * Kish's design effect of a cluster sample: deff = 1 + (m - 1) rho for clusters of mean size m
 * and intra-cluster correlation rho; the variance of a mean is deff times that of a simple
 * random sample of the same size (rho = 0: deff 1; rho = 1: deff m, each cluster one unit).
 *
 * Reference: L. Kish, *Survey Sampling* (Wiley, 1965), sec. 5.4.
 *
 * @example
 * designEffect(100, 0);   // => 1
 * designEffect(100, 0.1); // => 10.9
 * designEffect(100, 1);   // => 100
 */
export function designEffect(meanClusterSize: number, rho: number): number {
  if (!(meanClusterSize >= 1) || !(rho >= 0 && rho <= 1)) {
    throw new RangeError(`designEffect: need cluster size >= 1 and 0 <= rho <= 1 (got ${meanClusterSize}, ${rho})`);
  }
  return 1 + (meanClusterSize - 1) * rho;
}
