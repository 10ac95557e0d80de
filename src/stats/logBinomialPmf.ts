import { binomialDeviance } from './binomialDeviance';
import { stirlingError } from './stirlingError';

const LN_2PI = 1.837877066409345483560659472811;

/**
 * Natural log of the binomial probability P(X = k) for X ~ Binomial(n, p).
 *
 * Loader, C. (2000) "Fast and accurate computation of binomial probabilities" (saddle-point
 * expansion with {@link stirlingError} and {@link binomialDeviance}; the method of R's
 * `dbinom(k, n, p, log = TRUE)`), accurate to near machine precision even for n in the
 * millions, where ln C(n, k) + k ln p + (n − k) ln(1 − p) loses digits to cancellation.
 * `k` and `n` may be real (used for beta densities), but must satisfy 0 ≤ k ≤ n.
 *
 * @param k number of successes
 * @param n number of trials
 * @param p success probability in [0, 1]
 * @returns ln P(X = k); `-Infinity` when the probability is 0 (k outside 0..n, or p at 0/1)
 * @example
 * logBinomialPmf(3, 10, 0.5); // ≈ -2.14398006281741 (= ln(120/1024))
 */
export function logBinomialPmf(k: number, n: number, p: number): number {
  if (!(n >= 0) || !Number.isFinite(n)) throw new RangeError(`logBinomialPmf: n must be >= 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`logBinomialPmf: p must be in [0, 1], got ${p}`);
  if (Number.isNaN(k)) throw new RangeError('logBinomialPmf: k is NaN');
  return logBinomialRaw(k, n, p, 1 - p);
}

/** Loader's dbinom_raw on the log scale, with q = 1 − p supplied (for accuracy near p = 1). */
export function logBinomialRaw(x: number, n: number, p: number, q: number): number {
  if (x < 0 || x > n) return -Infinity;
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -binomialDeviance(n, n * q) - n * p : n * Math.log1p(-p);
  }
  if (x === n) {
    return q < 0.1 ? -binomialDeviance(n, n * p) - n * q : n * Math.log(p);
  }
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x)
    - binomialDeviance(x, n * p) - binomialDeviance(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}
