import { logBeta } from './logBeta';
import { lnGamma } from './lnGamma';

/**
 * Beta-binomial probability P(X = k) for X | p ~ Binomial(n, p), p ~ Beta(α, β):
 * C(n, k) B(k + α, n − k + β) / B(α, β).
 *
 * Reference: Johnson, Kemp & Kotz, *Univariate Discrete Distributions*, 3rd ed. (2005),
 * §6.7.2 (eq. 6.138). Models over-dispersed counts, e.g. agreement rates that vary between
 * uploaders. As α, β → ∞ with α/(α + β) = p it tends to Binomial(n, p).
 *
 * @param k successes (integer 0..n; 0 outside)
 * @param n trials (integer ≥ 0)
 * @param alpha α > 0
 * @param beta β > 0
 * @example
 * betaBinomialPmf(2, 4, 1, 1); // ≈ 0.2 (α = β = 1 gives the discrete uniform on 0..n)
 */
export function betaBinomialPmf(k: number, n: number, alpha: number, beta: number): number {
  return Math.exp(logBetaBinomialPmf(k, n, alpha, beta));
}

/** Natural log of {@link betaBinomialPmf}; −Infinity outside the support. */
export function logBetaBinomialPmf(k: number, n: number, alpha: number, beta: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`betaBinomialPmf: n must be a non-negative integer, got ${n}`);
  if (!(alpha > 0) || !(beta > 0) || !Number.isFinite(alpha) || !Number.isFinite(beta)) {
    throw new RangeError(`betaBinomialPmf: alpha and beta must be finite and > 0, got ${alpha}, ${beta}`);
  }
  if (!Number.isInteger(k) || k < 0 || k > n) return -Infinity;
  const logChoose = lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
  return logChoose + logBeta(k + alpha, n - k + beta) - logBeta(alpha, beta);
}
