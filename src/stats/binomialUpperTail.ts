import { checkBinomial } from './binomialCdf';
import { regularizedIncompleteBeta } from './regularizedIncompleteBeta';

/**
 * Binomial upper tail P(X ≥ k) for X ~ Binomial(n, p), computed directly as I_p(k, n − k + 1)
 * (Abramowitz & Stegun 26.5.24) rather than as 1 − P(X ≤ k − 1), so p-values far below
 * 1e-16 are exact to near machine precision (R's `pbinom(k - 1, n, p, lower.tail = FALSE)`).
 * Non-integer k is rounded up.
 *
 * @example
 * binomialUpperTail(8, 10, 0.5); // ≈ 0.0546875 (= 56/1024)
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  checkBinomial(n, p, 'binomialUpperTail');
  const kk = Math.ceil(k);
  if (kk <= 0) return 1;
  if (kk > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return regularizedIncompleteBeta(p, kk, n - kk + 1);
}
