export type EntropyEstimator = 'plugin' | 'miller-madow';

/**
 * Shannon entropy, in bits, of a discrete distribution estimated from observed counts.
 *
 * - `'plugin'` (maximum likelihood): Ĥ = −Σ p̂ᵢ log₂ p̂ᵢ with p̂ᵢ = cᵢ/N. Biased downward on
 *   small samples.
 * - `'miller-madow'`: Ĥ + (m − 1)/(2N ln 2), where m is the number of non-empty cells
 *   (Miller, G. A. 1955, "Note on the bias of information estimates"; see Paninski 2003,
 *   "Estimation of entropy and mutual information", *Neural Computation* 15, §3).
 *
 * Shannon, C. E. (1948) "A mathematical theory of communication". Zero counts contribute 0.
 *
 * @param counts non-negative counts (need not be integers; at least one positive)
 * @param estimator 'plugin' (default) or 'miller-madow'
 * @example
 * entropy([5, 5]);                  // => 1
 * entropy([1, 1, 1, 1]);            // => 2
 * entropy([5, 5], 'miller-madow');  // => 1 + 1/(20 ln 2) = 1.0721347520444482
 */
export function entropy(counts: ArrayLike<number>, estimator: EntropyEstimator = 'plugin'): number {
  let total = 0, nonzero = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`entropy: counts must be finite and >= 0, got ${c} at index ${i}`);
    total += c;
    if (c > 0) nonzero++;
  }
  if (!(total > 0)) throw new RangeError('entropy: counts must sum to a positive number');
  let h = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c > 0) h -= (c / total) * Math.log2(c / total);
  }
  if (estimator === 'plugin') return Math.max(0, h);
  if (estimator === 'miller-madow') return Math.max(0, h) + (nonzero - 1) / (2 * total * Math.LN2);
  throw new RangeError(`entropy: unknown estimator ${String(estimator)}`);
}
