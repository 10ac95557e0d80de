import { betaQuantile } from './betaQuantile';
import { checkProportion } from './wilsonInterval';

/**
 * Clopper–Pearson "exact" confidence interval for a binomial proportion k/n.
 *
 * Clopper, C. J. & Pearson, E. S. (1934) "The use of confidence or fiducial limits
 * illustrated in the case of the binomial", *Biometrika* 26(4), 404–413. Written with beta
 * quantiles (e.g. Newcombe 1998, method 5; R's `binom.test`):
 * lower = B⁻¹(α/2; k, n − k + 1), upper = B⁻¹(1 − α/2; k + 1, n − k), α = 1 − level.
 * Edge cases: k = 0 gives lower = 0 and upper = 1 − (α/2)^{1/n};
 * k = n gives lower = (α/2)^{1/n} and upper = 1 (α/2 is kept in each tail, as R does).
 * Conservative: coverage is at least `level` for every true proportion.
 *
 * @param k successes (integer, 0 ≤ k ≤ n)
 * @param n trials (integer ≥ 1)
 * @param level confidence level in (0, 1), default 0.95
 * @returns `[lower, upper]`
 * @example
 * clopperPearsonInterval(0, 20); // => [0, 0.16843347098308525]
 * clopperPearsonInterval(81, 263); // => [0.25273674558527, 0.36762192260135] (Newcombe 1998, Table I: 0.2527–0.3676)
 */
export function clopperPearsonInterval(k: number, n: number, level = 0.95): [number, number] {
  checkProportion(k, n, level, 'clopperPearsonInterval');
  const alpha = 1 - level;
  const lower = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
  const upper = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
  return [lower, upper];
}
