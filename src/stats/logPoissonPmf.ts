import { binomialDeviance } from './binomialDeviance';
import { lnGamma } from './lnGamma';
import { stirlingError } from './stirlingError';

const LN_2PI = 1.837877066409345483560659472811;

/**
 * Natural log of the Poisson probability P(X = k) = λ^k e^{−λ} / k! for X ~ Poisson(λ).
 *
 * Loader, C. (2000) "Fast and accurate computation of binomial probabilities" (§ on the
 * Poisson case; R's `dpois(k, lambda, log = TRUE)`): −δ(k) − bd0(k, λ) − ½ ln(2πk), which
 * avoids the cancellation of k ln λ − λ − ln k! for large k and λ. `k` may be real ≥ 0
 * (used by the incomplete gamma function's prefactor).
 *
 * @example
 * logPoissonPmf(2, 3); // => ln(4.5 e^{-3}) = -1.4959226032237259
 */
export function logPoissonPmf(k: number, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`logPoissonPmf: lambda must be finite and >= 0, got ${lambda}`);
  if (Number.isNaN(k)) throw new RangeError('logPoissonPmf: k is NaN');
  if (k < 0 || !Number.isFinite(k)) return -Infinity;
  if (lambda === 0) return k === 0 ? 0 : -Infinity;
  if (k === 0) return -lambda;
  if (k < 1) return k * Math.log(lambda) - lambda - lnGamma(k + 1);
  return -stirlingError(k) - binomialDeviance(k, lambda) - 0.5 * (LN_2PI + Math.log(k));
}
