import { regularizedIncompleteBeta } from './regularizedIncompleteBeta';

/**
 * Binomial cumulative probability P(X ≤ k) for X ~ Binomial(n, p) (R's `pbinom(k, n, p)`).
 *
 * Uses the identity P(X ≤ k) = I_{1−p}(n − k, k + 1) = 1 − I_p(k + 1, n − k)
 * (Abramowitz & Stegun 26.5.24), evaluated with {@link regularizedIncompleteBeta}, so the
 * cost does not grow with n and small tails keep relative precision.
 * Non-integer k is floored (as R does).
 *
 * @example
 * binomialCdf(3, 10, 0.5); // ≈ 0.171875 (= 176/1024)
 */
export function binomialCdf(k: number, n: number, p: number): number {
  checkBinomial(n, p, 'binomialCdf');
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  return regularizedIncompleteBeta(p, kk + 1, n - kk, false);
}

/** Shared argument check for the binomial CDFs. */
export function checkBinomial(n: number, p: number, fn: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${fn}: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be in [0, 1], got ${p}`);
}
