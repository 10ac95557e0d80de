import { logBetaBinomialPmf } from './betaBinomialPmf';

/**
 * Beta-binomial cumulative probability P(X ≤ k), summing {@link betaBinomialPmf} over
 * 0..k (or 1 − the sum over k+1..n when that is shorter; both exact sums, O(min(k, n − k))).
 *
 * Reference: Johnson, Kemp & Kotz (2005), §6.7.2.
 *
 * @example
 * betaBinomialCdf(1, 4, 1, 1); // ≈ 0.4 (uniform on 0..4)
 */
export function betaBinomialCdf(k: number, n: number, alpha: number, beta: number): number {
  const kk = Math.floor(k);
  // validate arguments even on the trivial branches
  logBetaBinomialPmf(0, n, alpha, beta);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  let s = 0;
  if (kk <= n / 2) {
    for (let i = 0; i <= kk; i++) s += Math.exp(logBetaBinomialPmf(i, n, alpha, beta));
    return Math.min(1, s);
  }
  for (let i = kk + 1; i <= n; i++) s += Math.exp(logBetaBinomialPmf(i, n, alpha, beta));
  return Math.max(0, 1 - s);
}
