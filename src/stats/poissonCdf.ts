import { regularizedGammaP } from './regularizedGammaP';

/**
 * Poisson cumulative probability P(X ≤ k) for X ~ Poisson(λ) (R's `ppois`), or the upper
 * tail P(X > k) with `lowerTail = false`.
 *
 * Uses P(X ≤ k) = Q(k + 1, λ), the regularized upper incomplete gamma function
 * (Abramowitz & Stegun 6.5.2 / 26.4.21), so the cost does not grow with k and the far tail
 * keeps relative precision. Non-integer k is floored.
 *
 * @example
 * poissonCdf(2, 3);        // ≈ 0.42319008112684 (= 8.5 e^{-3})
 * poissonCdf(2, 3, false); // ≈ 0.57680991887316
 */
export function poissonCdf(k: number, lambda: number, lowerTail = true): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poissonCdf: lambda must be finite and >= 0, got ${lambda}`);
  if (Number.isNaN(k)) throw new RangeError('poissonCdf: k is NaN');
  const kk = Math.floor(k);
  if (kk < 0) return lowerTail ? 0 : 1;
  if (lambda === 0) return lowerTail ? 1 : 0;
  if (kk === Infinity) return lowerTail ? 1 : 0;
  return regularizedGammaP(kk + 1, lambda, !lowerTail);
}
