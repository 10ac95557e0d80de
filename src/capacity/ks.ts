/**
 * Kolmogorov-Smirnov test of inter-arrival times against the exponential distribution, i.e.
 * of "requests arrive as a Poisson process" (the memoryless null that lies between a
 * periodic crawler and bursty human activity).
 *
 * Statistic: D = sup_x |F_n(x) - (1 - exp(-x/μ̂))| with μ̂ the sample mean (Kolmogorov 1933;
 * Smirnov 1948). Because μ̂ is estimated from the same data, the classical Kolmogorov
 * p-value would be far too large; this is Lilliefors' problem (Lilliefors, "On the
 * Kolmogorov-Smirnov test for the exponential distribution with mean unknown", JASA 64
 * (1969) 387-389), solved as Lilliefors did, by Monte Carlo: D with an estimated scale is
 * scale-invariant, so its null distribution for sample size n is simulated from Exp(1)
 * samples (seeded), and p = (1 + #{D* >= D}) / (R + 1) (Davison & Hinkley 1997, eq. 4.11).
 *
 * @example
 * ksExponentialStatistic([1, 1, 1, 1])  // μ̂ = 1; at x = 1, F_n = 1, F = 1 - e^-1 = 0.632 => D = 0.632
 * ksExponentialTest(gaps, { replicates: 199, seed: 7 }) // { d, n, pValue, replicates, seed }
 */
import { seededRandom } from '../stats/random';

/** D of the gaps against an exponential with the given mean (default: the sample mean). */
export function ksExponentialStatistic(gaps: ArrayLike<number>, mean?: number): number {
  const n = gaps.length;
  if (n === 0) return Number.NaN;
  const xs = Float64Array.from(gaps as ArrayLike<number>).sort();
  let mu = mean;
  if (mu === undefined) {
    let s = 0;
    for (let i = 0; i < n; i++) s += xs[i]!;
    mu = s / n;
  }
  if (!(mu > 0)) return 1;
  return ksSortedExponential(xs, mu);
}

function ksSortedExponential(xs: Float64Array, mu: number): number {
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = 1 - Math.exp(-xs[i]! / mu);
    const dPlus = (i + 1) / n - f;
    const dMinus = f - i / n;
    if (dPlus > d) d = dPlus;
    if (dMinus > d) d = dMinus;
  }
  return d;
}

export interface KsExponentialResult {
  /** The statistic D (0..1): largest gap between empirical and fitted exponential CDFs. */
  d: number;
  /** Number of gaps. */
  n: number;
  /** Monte Carlo (Lilliefors) p-value; NaN when n < 3. */
  pValue: number;
  replicates: number;
  seed: number;
}

export interface KsExponentialOptions {
  /** Monte Carlo replicates (default 199: p-values resolved to 0.005). */
  replicates?: number;
  /** Seed of the simulated null samples (default 1). */
  seed?: number;
  /**
   * Largest sample simulated for the null; above it the null distribution of sqrt(n)·D has
   * converged (Lilliefors/Stephens limiting law), so replicates of this size are rescaled by
   * sqrt(maxSimulated / n). Default 20,000.
   */
  maxSimulated?: number;
}

/** KS test of exponential gaps with the mean estimated (Lilliefors), Monte Carlo p-value. */
export function ksExponentialTest(gaps: ArrayLike<number>, options: KsExponentialOptions = {}): KsExponentialResult {
  const replicates = options.replicates ?? 199;
  const seed = options.seed ?? 1;
  const n = gaps.length;
  const d = ksExponentialStatistic(gaps);
  if (n < 3 || !Number.isFinite(d)) return { d, n, pValue: Number.NaN, replicates, seed };
  const m = Math.min(n, options.maxSimulated ?? 20_000);
  const scale = Math.sqrt(m / n);
  const rng = seededRandom(seed);
  const sample = new Float64Array(m);
  let atLeast = 0;
  for (let r = 0; r < replicates; r++) {
    let s = 0;
    for (let i = 0; i < m; i++) {
      let u = rng();
      while (u === 0) u = rng();
      const x = -Math.log(u);
      sample[i] = x;
      s += x;
    }
    sample.sort();
    const dStar = ksSortedExponential(sample, s / m) * scale;
    if (dStar >= d) atLeast++;
  }
  return { d, n, pValue: (1 + atLeast) / (replicates + 1), replicates, seed };
}
