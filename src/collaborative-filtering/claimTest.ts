/**
 * Testing the collaborative-filtering claim. Observation (certificate No. 704): k of the n
 * displayed non-user profiles agree with the source platform ("the same or basically the
 * same"). Proposition Hcf: the values were inferred by CF, whose per-profile success
 * probability is at most p* (the best accuracy the methods implemented here reach under stated
 * assumptions: it bounds those methods only).
 * Proposition Hsrc: they were copied from the source, agreeing with probability pSource.
 *
 * - Exact one-sided binomial test of Hcf: P(X >= k | n, p*) (src/stats `binomialTest`,
 *   Clopper & Pearson 1934 interval); the claim is implausible at level alpha when this is
 *   below alpha.
 * - Beta-binomial version for profiles that succeed or fail together (targets sharing an
 *   uploader): success probability ~ Beta with mean p* and intra-class correlation ρ,
 *   a = p*(1−ρ)/ρ, b = (1−p*)(1−ρ)/ρ (Skellam 1948; Griffiths 1973); P(X >= k) summed on the
 *   log scale from src/stats `logBetaBinomialPmf`.
 * - Likelihood ratio LR = P(k | n, pSource) / P(k | n, p*), reported as log10 and on the ENFSI
 *   (2015) verbal scale (src/stats `enfsiVerbalScale`).
 * - `requiredAccuracy`: the smallest p* at which the test would NOT reject: the accuracy CF
 *   must reach for the claim to become plausible.
 *
 * @example
 * const r = claimTest({ k: 300, n: 300, pStar: 0.3 });
 * r.binomial.pValue < 1e-100; // => true (0.3^300)
 * r.requiredAccuracy;         // => 0.99006 (0.05^(1/300))
 */
import { binomialTest } from '../stats/binomialTest';
import { logBetaBinomialPmf } from '../stats/betaBinomialPmf';
import { enfsiVerbalScale, type EnfsiVerbal } from '../stats/enfsiVerbalScale';
import { logBinomialPmf } from '../stats/logBinomialPmf';
import { logSumExp } from '../stats/logSumExp';
import { deriveSeed, seededRandom } from '../stats/random';

export interface ClaimTestParams {
  /** Displayed values identical (or basically identical) to the source. */
  k: number;
  /** Displayed values compared. */
  n: number;
  /** Best achievable CF accuracy (per profile, all displayed fields jointly). */
  pStar: number;
  /** Agreement probability if copied from the source (ASSUMPTION, default 0.95: profiles change). */
  pSource?: number;
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Intra-class correlation ρ of successes for the beta-binomial (ASSUMPTION, default 0.1). */
  overdispersion?: number;
}

export interface TailTest {
  pValue: number;
  /** log10 of the p-value, finite even where the p-value underflows to 0. */
  log10PValue: number;
  reject: boolean;
}

/** log10 P(X >= k) for X ~ Binomial(n, p), by log-sum-exp (finite where the tail underflows). */
export function log10BinomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 0;
  if (k > n) return -Infinity;
  const logs: number[] = [];
  for (let j = k; j <= n; j++) logs.push(logBinomialPmf(j, n, p));
  return logSumExp(logs) / Math.LN10;
}

export interface LikelihoodRatio {
  log10: number;
  /** LR itself (may be Infinity when p* = 0). */
  value: number;
  verbal: EnfsiVerbal;
}

export interface ClaimTestResult {
  params: Required<ClaimTestParams>;
  binomial: TailTest & { confidenceInterval: [number, number] };
  betaBinomial: TailTest & { a: number; b: number };
  lr: LikelihoodRatio;
  lrBetaBinomial: LikelihoodRatio;
  /** Smallest per-profile CF accuracy at which the binomial test would not reject at alpha. */
  requiredAccuracy: number;
  /** Same under the beta-binomial. */
  requiredAccuracyBetaBinomial: number;
}

function betaParams(p: number, rho: number): [number, number] {
  const c = (1 - rho) / rho;
  return [Math.max(1e-12, p * c), Math.max(1e-12, (1 - p) * c)];
}

/** P(X >= k) for X ~ BetaBinomial(n, a, b), by log-sum-exp over the tail. */
export function betaBinomialUpperTail(k: number, n: number, a: number, b: number): number {
  return Math.min(1, Math.exp(logBetaBinomialUpperTail(k, n, a, b)));
}

/** ln P(X >= k) for X ~ BetaBinomial(n, a, b). */
export function logBetaBinomialUpperTail(k: number, n: number, a: number, b: number): number {
  if (k <= 0) return 0;
  if (k > n) return -Infinity;
  const logs: number[] = [];
  for (let j = k; j <= n; j++) logs.push(logBetaBinomialPmf(j, n, a, b));
  return Math.min(0, logSumExp(logs));
}

function logBB(k: number, n: number, p: number, rho: number): number {
  if (p <= 0) return k === 0 ? 0 : -Infinity;
  if (p >= 1) return k === n ? 0 : -Infinity;
  const [a, b] = betaParams(p, rho);
  return logBetaBinomialPmf(k, n, a, b);
}

function lrFrom(logNum: number, logDen: number): LikelihoodRatio {
  const log10 = logDen === -Infinity ? (logNum === -Infinity ? 0 : Infinity) : (logNum - logDen) / Math.LN10;
  const value = Math.pow(10, log10);
  return { log10, value, verbal: enfsiVerbalScale(Number.isNaN(value) ? 1 : value) };
}

/** Smallest p in [0, 1] with tail(p) >= alpha (tail increasing in p), by bisection. */
function smallestP(tail: (p: number) => number, alpha: number): number {
  if (tail(1 - 1e-15) < alpha) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) >= alpha) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function claimTest(params: ClaimTestParams): ClaimTestResult {
  const { k, n, pStar } = params;
  const pSource = params.pSource ?? 0.95;
  const alpha = params.alpha ?? 0.05;
  const rho = params.overdispersion ?? 0.1;
  if (!(pStar >= 0 && pStar <= 1)) throw new RangeError(`pStar must be in [0, 1], got ${pStar}`);
  if (!(pSource >= 0 && pSource <= 1)) throw new RangeError(`pSource must be in [0, 1], got ${pSource}`);
  if (!(rho > 0 && rho < 1)) throw new RangeError(`overdispersion must be in (0, 1), got ${rho}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const bt = binomialTest(k, n, pStar, 'greater');
  const [a, b] = betaParams(Math.min(1 - 1e-12, Math.max(1e-12, pStar)), rho);
  const bbP = pStar <= 0 ? (k > 0 ? 0 : 1) : pStar >= 1 ? 1 : betaBinomialUpperTail(k, n, a, b);
  const bbTail = (p: number) => {
    const [aa, bb] = betaParams(Math.min(1 - 1e-12, Math.max(1e-12, p)), rho);
    return betaBinomialUpperTail(k, n, aa, bb);
  };
  return {
    params: { k, n, pStar, pSource, alpha, overdispersion: rho },
    binomial: {
      pValue: bt.pValue,
      log10PValue: Math.min(0, log10BinomialUpperTail(k, n, pStar)),
      reject: bt.pValue < alpha,
      confidenceInterval: bt.confidenceInterval,
    },
    betaBinomial: {
      pValue: bbP,
      log10PValue: pStar <= 0 ? (k > 0 ? -Infinity : 0) : pStar >= 1 ? 0 : logBetaBinomialUpperTail(k, n, a, b) / Math.LN10,
      reject: bbP < alpha,
      a,
      b,
    },
    lr: lrFrom(logBinomialPmf(k, n, pSource), logBinomialPmf(k, n, pStar)),
    lrBetaBinomial: lrFrom(logBB(k, n, pSource, rho), logBB(k, n, pStar, rho)),
    requiredAccuracy: smallestP((p) => binomialTest(k, n, p, 'greater').pValue, alpha),
    requiredAccuracyBetaBinomial: smallestP(bbTail, alpha),
  };
}

/**
 * Type-I error of the one-sided test by simulation: draw `replicates` data sets from the null
 * (Binomial(n, p*) or the beta-binomial with ρ, via a Pólya urn), test each at `alpha`, return
 * the rejection rate. Seeded.
 */
export function simulateTypeIError(options: {
  n: number;
  pStar: number;
  alpha?: number;
  replicates?: number;
  model?: 'binomial' | 'beta-binomial';
  overdispersion?: number;
  seed: number;
}): { rate: number; rejections: number; replicates: number } {
  const alpha = options.alpha ?? 0.05;
  const reps = options.replicates ?? 2000;
  const rho = options.overdispersion ?? 0.1;
  const model = options.model ?? 'binomial';
  const rng = seededRandom(deriveSeed(options.seed, `type1:${model}`));
  const [a, b] = betaParams(options.pStar, rho);
  // Critical value: smallest k with tail < alpha (the test rejects iff k >= kCrit).
  const tail = (k: number) =>
    model === 'binomial' ? binomialTest(k, options.n, options.pStar, 'greater').pValue : betaBinomialUpperTail(k, options.n, a, b);
  let kCrit = options.n + 1;
  for (let k = 0; k <= options.n; k++) {
    if (tail(k) < alpha) {
      kCrit = k;
      break;
    }
  }
  let rejections = 0;
  for (let r = 0; r < reps; r++) {
    let x = 0;
    if (model === 'binomial') {
      for (let i = 0; i < options.n; i++) if (rng() < options.pStar) x++;
    } else {
      for (let i = 0; i < options.n; i++) if (rng() < (a + x) / (a + b + i)) x++;
    }
    if (x >= kCrit) rejections++;
  }
  return { rate: rejections / reps, rejections, replicates: reps };
}

export interface FrontierRow {
  uploaders: number;
  cardinality: number;
  /** Per-field chance that a given uploader displays the target's value, needed for the claim. */
  requiredAgreement: number;
  /** Homophily α per field needed under the generator's model, or null if unreachable (> 1). */
  requiredAlpha: number | null;
}

/**
 * The smallest assumptions under which copying from 1-3 uploaders could reach the required
 * joint accuracy P (analytic, generous: a copying oracle that always picks the right uploader).
 * With F fields compared jointly, independent across fields, r uploaders, and per-field
 * chance a that an uploader displays the target's value, the joint copy ceiling is
 * (1 − (1 − a)^r)^F; so a* = 1 − (1 − P^(1/F))^(1/r). Under the generator,
 * a = s · (α + (1 − α) Σ p_g²) with s = selfReport · (1 − ρ)² (both values must be shown and
 * not personal), giving α* = (a* / s − Σp²) / (1 − Σp²).
 *
 * @example
 * plausibilityFrontier({ required: 0.99, fields: 2, uploaders: [3], cardinalities: [1000] })[0].requiredAgreement; // => 0.82886
 */
export function plausibilityFrontier(options: {
  required: number;
  fields: number;
  uploaders: number[];
  cardinalities: number[];
  zipfExponent?: number;
  personalShare?: number;
  selfReport?: number;
}): FrontierRow[] {
  const s = (options.selfReport ?? 1) * Math.pow(1 - (options.personalShare ?? 0), 2);
  const rows: FrontierRow[] = [];
  for (const r of options.uploaders) {
    for (const K of options.cardinalities) {
      let sumSq = 0;
      let z = 0;
      const ps: number[] = [];
      for (let g = 0; g < K; g++) {
        const w = Math.pow(g + 1, -(options.zipfExponent ?? 1));
        ps.push(w);
        z += w;
      }
      for (const w of ps) sumSq += (w / z) ** 2;
      const a = 1 - Math.pow(1 - Math.pow(options.required, 1 / options.fields), 1 / r);
      const alpha = sumSq >= 1 ? (a <= s ? 0 : null) : (a / s - sumSq) / (1 - sumSq);
      rows.push({ uploaders: r, cardinality: K, requiredAgreement: a, requiredAlpha: alpha === null || alpha > 1 ? null : Math.max(0, alpha) });
    }
  }
  return rows;
}
