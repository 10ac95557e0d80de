import { logPoissonPmf } from './logPoissonPmf';

/**
 * Poisson probability P(X = k) = λ^k e^{−λ} / k! (Loader 2000; see {@link logPoissonPmf}).
 * Returns 0 for negative or non-integer k.
 *
 * @example
 * poissonPmf(2, 3); // => 0.22404180765538775 (= 4.5 e^{-3})
 */
export function poissonPmf(k: number, lambda: number): number {
  if (!Number.isInteger(k)) return 0;
  return Math.exp(logPoissonPmf(k, lambda));
}
