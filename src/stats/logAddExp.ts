/**
 * ln(exp(a) + exp(b)), computed stably: the two-term case of `logSumExp`, for adding
 * probabilities held as logs inside a loop without allocating an array.
 *
 * Reference: Press et al., *Numerical Recipes*, 3rd ed. (2007), §16.1.2.
 *
 * @example
 * logAddExp(Math.log(0.25), Math.log(0.75)); // => 0
 * logAddExp(-Infinity, -3);                  // => -3
 */
export function logAddExp(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) throw new RangeError('logAddExp: NaN');
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = a > b ? a : b;
  if (m === Infinity) return Infinity;
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}
