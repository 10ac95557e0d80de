/**
 * Format a positive number given by its base-10 logarithm as 'm.m × 10^e', so values far
 * beyond double range (a combined likelihood ratio of 10^523) print correctly.
 *
 * @param log10Value log₁₀ of the number (finite)
 * @param digits significant digits of the mantissa (default 2)
 * @example
 * formatPowerOfTen(6.0792);  // => '1.2 × 10^6'
 * formatPowerOfTen(523.5);   // => '3.2 × 10^523'
 * formatPowerOfTen(-7.3);    // => '5.0 × 10^-8'
 */
export function formatPowerOfTen(log10Value: number, digits = 2): string {
  if (!Number.isFinite(log10Value)) throw new RangeError(`formatPowerOfTen: need a finite log10, got ${log10Value}`);
  if (!Number.isInteger(digits) || digits < 1 || digits > 15) throw new RangeError(`formatPowerOfTen: digits must be 1..15, got ${digits}`);
  let e = Math.floor(log10Value);
  let m = Math.pow(10, log10Value - e);
  let text = m.toFixed(digits - 1);
  if (Number(text) >= 10) { e += 1; m /= 10; text = m.toFixed(digits - 1); }
  return `${text} × 10^${e}`;
}
