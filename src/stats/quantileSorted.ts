/**
 * Quantile of data already sorted ascending, by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7: the default of R and NumPy). Works on typed arrays
 * without copying; NaN for empty data.
 *
 * Reference: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
 * Statistician 50(4) 361-365 (1996).
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5);  // => 2.5
 * quantileSorted(Int32Array.from([0, 10]), 0.25); // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
