import { formatPowerOfTen } from './formatPowerOfTen';

/**
 * Format a likelihood ratio for a report.
 *
 * - 0.001 ≤ LR < 10,000: plain number with `digits` significant digits and thousands
 *   separators ('3.4', '250', '1,200', '0.05').
 * - otherwise scientific: '1.2 × 10^6', '2.0 × 10^-5'.
 * - 0 → '0', ∞ → '∞'.
 * For ratios beyond double range pass the log₁₀ to {@link formatPowerOfTen}.
 *
 * @param lr likelihood ratio ≥ 0
 * @param digits significant digits (default 2)
 * @example
 * formatLikelihoodRatio(1.234e6); // => '1.2 × 10^6'
 * formatLikelihoodRatio(1234);    // => '1,200'
 * formatLikelihoodRatio(3.456);   // => '3.5'
 */
export function formatLikelihoodRatio(lr: number, digits = 2): string {
  if (!(lr >= 0)) throw new RangeError(`formatLikelihoodRatio: the likelihood ratio must be >= 0, got ${lr}`);
  if (lr === 0) return '0';
  if (lr === Infinity) return '∞';
  if (lr >= 0.001 && Number(lr.toPrecision(digits)) < 10_000) {
    const v = Number(lr.toPrecision(digits));
    const [int, frac] = String(v).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return frac === undefined ? grouped : `${grouped}.${frac}`;
  }
  return formatPowerOfTen(Math.log10(lr), digits);
}
