import { regularizedGammaP } from './regularizedGammaP';

/**
 * Cumulative distribution function Φ((x − μ)/σ) of the normal distribution.
 *
 * Uses Φ(z) = ½ erfc(−z/√2) and erfc(t) = Q(½, t²) (Abramowitz & Stegun 7.1.2, 6.5.17),
 * with Q evaluated by {@link regularizedGammaP}; the tail on the far side is computed
 * directly, so Φ(−20) = 2.75e-89 keeps full relative precision (unlike 1 − Φ(20)).
 *
 * @param x value
 * @param mean μ (default 0)
 * @param sd σ > 0 (default 1)
 * @example
 * normalCdf(1.959963984540054); // ≈ 0.975
 * normalCdf(-1);                // ≈ 0.158655253931457 (R: pnorm(-1))
 */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  if (!(sd > 0)) throw new RangeError(`normalCdf: sd must be > 0, got ${sd}`);
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x is NaN');
  const z = (x - mean) / sd;
  if (z === 0) return 0.5;
  const t = (z * z) / 2;
  if (z < 0) return 0.5 * regularizedGammaP(0.5, t, false);
  return 0.5 + 0.5 * regularizedGammaP(0.5, t, true);
}
