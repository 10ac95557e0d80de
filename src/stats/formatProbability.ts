import { formatPowerOfTen } from './formatPowerOfTen';

/**
 * Format a probability or p-value for a report.
 *
 * - p ≥ 0.001: plain decimal with `digits` significant digits ('0.38', '0.0012', '1').
 * - floor ≤ p < 0.001: scientific, '1.2 × 10^-6'.
 * - p < floor (default 1e-16, below which double-precision tail sums are not trustworthy
 *   to report, and including a computed 0): '< 1e-16'.
 *
 * @param p probability in [0, 1]
 * @param options digits (default 2), floor (default 1e-16)
 * @example
 * formatProbability(0.38249);   // => '0.38'
 * formatProbability(1.234e-6);  // => '1.2 × 10^-6'
 * formatProbability(3e-20);     // => '< 1e-16'
 */
export function formatProbability(p: number, options: { digits?: number; floor?: number } = {}): string {
  const digits = options.digits ?? 2;
  const floor = options.floor ?? 1e-16;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`formatProbability: p must be in [0, 1], got ${p}`);
  if (p < floor) return `< ${floor.toExponential()}`;
  if (p >= 0.001) return String(Number(p.toPrecision(digits)));
  return formatPowerOfTen(Math.log10(p), digits);
}
