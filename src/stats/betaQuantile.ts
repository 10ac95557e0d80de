import { logBeta } from './logBeta';
import { logBinomialRaw } from './logBinomialPmf';
import { regularizedIncompleteBeta } from './regularizedIncompleteBeta';

/**
 * Quantile (inverse CDF) of the Beta(a, b) distribution: the x in [0, 1] with
 * I_x(a, b) = p (R's `qbeta(p, a, b)`).
 *
 * Method: safeguarded Newton iteration on I_x(a, b) − p inside a shrinking bracket
 * [lo, hi] (Press et al., *Numerical Recipes*, 3rd ed., §6.14 `invbetai` uses Newton/Halley;
 * here any step that leaves the bracket is replaced by bisection, done geometrically when
 * the bracket spans orders of magnitude, so quantiles as small as 1e-300 are found).
 * When p > ½ the mirror problem I_{1−x}(b, a) = 1 − p is solved, with the upper tail
 * evaluated directly, so both edges keep relative precision.
 * Exact edge values: p = 0 gives 0 and p = 1 gives 1.
 *
 * @param p probability in [0, 1]
 * @param a first shape parameter (> 0)
 * @param b second shape parameter (> 0)
 * @example
 * betaQuantile(0.5, 2, 2);     // => 0.5
 * betaQuantile(0.975, 1, 20);  // => 0.16843347... (= 1 − 0.025^(1/20); Clopper-Pearson upper bound for 0/20)
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`betaQuantile: p must be in [0, 1], got ${p}`);
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`betaQuantile: a and b must be finite and > 0, got ${a}, ${b}`);
  }
  if (p === 0) return 0;
  if (p === 1) return 1;
  if (p > 0.5) return 1 - solveLower(1 - p, b, a);
  return solveLower(p, a, b);
}

/** Find x with I_x(a, b) = p for p ≤ ½. */
function solveLower(p: number, a: number, b: number): number {
  let lo = 0, hi = 1;
  // Starting point: the small-x approximation I_x ≈ x^a / (a B(a,b)), clipped to the mean.
  const lnB = logBeta(a, b);
  let x = Math.exp((Math.log(p) + Math.log(a) + lnB) / a);
  const mean = a / (a + b);
  if (!(x > 0 && x < 1) || x > mean) x = mean;
  for (let iter = 0; iter < 2000; iter++) {
    const f = regularizedIncompleteBeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x; else hi = x;
    // density of Beta(a, b) at x
    const logDens = logBinomialRaw(a - 1, a + b - 2, x, 1 - x) + Math.log(a + b - 1);
    const dens = a + b - 2 >= 0 && a >= 1 && b >= 1 ? Math.exp(logDens) : densityDirect(x, a, b, lnB);
    let next = dens > 0 && Number.isFinite(dens) ? x - f / dens : NaN;
    if (!(next > lo && next < hi)) {
      if (lo === 0) next = hi / 16;
      else if (hi / lo > 4) next = Math.sqrt(lo * hi);
      else next = (lo + hi) / 2;
    }
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, next) || next === lo || next === hi) return next;
    x = next;
    if (hi - lo <= 4e-16 * hi) return (lo + hi) / 2;
  }
  return x;
}

function densityDirect(x: number, a: number, b: number, lnB: number): number {
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
}
