/**
 * Quantile of data sorted ascending, by linear interpolation between order statistics
 * (Hyndman & Fan 1996, "Sample quantiles in statistical packages", The American Statistician
 * 50(4) 361-365: definition 7, the default of R and NumPy). NaN for empty data.
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5);  // => 2.5
 * quantileSorted([1, 2, 3, 4], 0.25); // => 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
