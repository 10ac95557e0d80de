/**
 * Burstiness of a sequence of inter-event times.
 *
 * B = (σ - μ) / (σ + μ), where μ and σ are the mean and standard deviation of the
 * inter-event times (Goh & Barabási, "Burstiness and memory in complex systems",
 * EPL 81 (2008) 48002). B = -1 for a perfectly periodic sequence (σ = 0), B = 0 for a Poisson
 * process (exponential gaps, σ = μ), B -> 1 for extremely bursty activity. Human
 * communication and browsing typically give B between about 0.2 and 0.7 (heavy-tailed gaps,
 * Barabási, Nature 435 (2005) 207); a crawler with a fixed delay gives B close to -1.
 *
 * The coefficient of variation is CV = σ/μ, so B = (CV - 1)/(CV + 1). σ is the population
 * standard deviation (divisor n), as in Goh & Barabási. For short sequences B is biased
 * towards -1 (Kim & Jo, "Measuring burstiness for finite event sequences", Phys. Rev. E 94
 * (2016) 032311); report n alongside B.
 *
 * @example
 * burstiness([10, 10, 10, 10])       // -1 (periodic)
 * burstiness([1, 3])                 // μ = 2, σ = 1 => (1 - 2)/(1 + 2) = -1/3
 * coefficientOfVariation([1, 3])     // 0.5
 */
export function burstiness(gaps: ArrayLike<number>): number {
  const { mean, sd } = meanSd(gaps);
  if (!(mean + sd > 0)) return Number.NaN;
  return (sd - mean) / (sd + mean);
}

/** Coefficient of variation σ/μ (population σ) of the gaps; NaN for an empty or all-zero input. */
export function coefficientOfVariation(gaps: ArrayLike<number>): number {
  const { mean, sd } = meanSd(gaps);
  return mean > 0 ? sd / mean : Number.NaN;
}

/** B from mean and population standard deviation. */
export function burstinessFromMoments(mean: number, sd: number): number {
  return mean + sd > 0 ? (sd - mean) / (sd + mean) : Number.NaN;
}

/** Mean and population standard deviation (Welford's one-pass algorithm, Welford 1962). */
export function meanSd(xs: ArrayLike<number>): { n: number; mean: number; sd: number } {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  return { n, mean: n ? mean : Number.NaN, sd: n ? Math.sqrt(m2 / n) : Number.NaN };
}
