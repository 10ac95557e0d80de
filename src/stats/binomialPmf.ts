import { logBinomialPmf } from './logBinomialPmf';

/**
 * Binomial probability P(X = k) for X ~ Binomial(n, p) (Loader 2000; see
 * {@link logBinomialPmf}). Returns 0 for k outside 0..n or non-integer k.
 *
 * Reference: Loader, C. (2000) "Fast and accurate computation of binomial probabilities".
 *
 * @example
 * binomialPmf(3, 10, 0.5); // ≈ 0.1171875 (= 120/1024)
 */
export function binomialPmf(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomialPmf: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k)) return 0;
  return Math.exp(logBinomialPmf(k, n, p));
}
