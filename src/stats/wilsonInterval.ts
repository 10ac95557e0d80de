import { normalQuantile } from './normalQuantile';

/**
 * Wilson score confidence interval for a binomial proportion k/n.
 *
 * Wilson, E. B. (1927) "Probable inference, the law of succession, and statistical
 * inference", *JASA* 22(158), 209–212; Newcombe (1998) method 3 (without continuity
 * correction) or method 4 (with it). With z = Φ⁻¹(1 − α/2) and p̂ = k/n:
 * (2k + z² ± z √(z² + 4k(1 − p̂))) / (2(n + z²)).
 * With `continuityCorrection: true` the bounds are Newcombe's (1998) eq. for method 4:
 * L = (2k + z² − 1 − z √(z² − 2 − 1/n + 4p̂(n(1 − p̂) + 1))) / (2(n + z²)),
 * U = (2k + z² + 1 + z √(z² + 2 − 1/n + 4p̂(n(1 − p̂) − 1))) / (2(n + z²)),
 * with L = 0 when k = 0 and U = 1 when k = n.
 * Agresti & Coull (1998) recommend the score interval over the Wald interval and find its
 * coverage close to nominal.
 *
 * @param k successes (integer, 0 ≤ k ≤ n)
 * @param n trials (integer ≥ 1)
 * @param level confidence level in (0, 1), default 0.95
 * @returns `[lower, upper]`
 * @example
 * wilsonInterval(81, 263); // => [0.2553, 0.3662] to 4 d.p. (Newcombe 1998, Table I)
 * wilsonInterval(0, 20);   // => [0, 0.1611]
 */
export function wilsonInterval(
  k: number, n: number, level = 0.95, options: { continuityCorrection?: boolean } = {},
): [number, number] {
  checkProportion(k, n, level, 'wilsonInterval');
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const p = k / n;
  const denom = 2 * (n + z2);
  if (options.continuityCorrection) {
    const lower = k === 0 ? 0
      : Math.max(0, (2 * k + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / denom);
    const upper = k === n ? 1
      : Math.min(1, (2 * k + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / denom);
    return [lower, upper];
  }
  const half = z * Math.sqrt(z2 + 4 * k * (1 - p));
  const lower = k === 0 ? 0 : Math.max(0, (2 * k + z2 - half) / denom);
  const upper = k === n ? 1 : Math.min(1, (2 * k + z2 + half) / denom);
  return [lower, upper];
}

/** Validate (k, n, level) for the proportion intervals; throws RangeError. */
export function checkProportion(k: number, n: number, level: number, fn: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${fn}: n must be an integer >= 1, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`${fn}: k must be an integer in 0..n (n=${n}), got ${k}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be in (0, 1), got ${level}`);
}
