import { lnGamma } from './lnGamma';

/**
 * Natural logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
 *
 * Reference: Abramowitz & Stegun (1964), *Handbook of Mathematical Functions*, 6.2.2.
 *
 * @example
 * logBeta(1, 1); // => 0            (B(1,1) = 1)
 * logBeta(2, 3); // => -2.4849066497880004 (B(2,3) = 1/12)
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`logBeta: a and b must be > 0, got ${a}, ${b}`);
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}
