/**
 * ln Σ exp(xᵢ), computed stably by factoring out the maximum:
 * m + ln Σ exp(xᵢ − m). Use it to add probabilities held as logs (e.g. summing binomial
 * terms of 1e-400 that would underflow). Returns −Infinity for an empty input or all −∞.
 *
 * Reference: e.g. Press et al., *Numerical Recipes*, 3rd ed. (2007), §16.1.2 (eq. 16.1.9).
 *
 * @example
 * logSumExp([Math.log(0.25), Math.log(0.75)]); // => 0 (= ln 1)
 * logSumExp([-1000, -1000]);                   // => -1000 + ln 2 = -999.3068528194401
 */
export function logSumExp(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new RangeError(`logSumExp: NaN at index ${i}`);
    if (v > m) m = v;
  }
  if (m === -Infinity) return -Infinity;
  if (m === Infinity) return Infinity;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.exp(values[i] - m);
  return m + Math.log(s);
}
