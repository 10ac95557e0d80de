/**
 * Fano ceilings on accuracy. Fano's inequality (Fano 1961, *Transmission of Information*;
 * Cover & Thomas, *Elements of Information Theory*, 2nd ed., Thm 2.10.1): for any estimator
 * X̂ of X from Y with error probability Pe,
 *
 *   H(X | Y) <= h(Pe) + Pe · log2(|X| − 1),
 *
 * where h is the binary entropy. Two usable forms:
 * - `fanoMaxAccuracy(H, K)`: the largest accuracy 1 − Pe any method computing X̂ from Y alone can reach when
 *   H(X|Y) = H bits and X has K values. The right-hand side is increasing in Pe on
 *   [0, (K−1)/K], so the smallest admissible Pe is the root, found by bisection.
 * - `fanoRequiredInformation(P, H(X), K)`: the information I(X;Y) a claimed accuracy P needs:
 *   I(X;Y) >= H(X) − h(1−P) − (1−P) log2(K − 1).
 * Applied to what social ties reveal about a person by Bagrow, Liu & Mitchell, Nature Human
 * Behaviour 3 (2019).
 *
 * The bound is only as good as the estimate of H(X|Y). `conditionalEntropyFromSamples`
 * estimates it from paired samples with the plug-in or Miller-Madow estimator
 * (src/stats/entropy) and `bootstrapConditionalEntropy` gives a seeded percentile interval.
 * Plug-in estimates are biased DOWN on sparse data, so ceilings computed from them are biased
 * UP: they err in favour of the claim that inference was possible.
 *
 * @example
 * fanoMaxAccuracy(Math.log2(10), 10); // => 0.1 (uniform X, Y useless: 1/|X|)
 * fanoMaxAccuracy(0, 10);             // => 1   (Y determines X)
 * fanoRequiredInformation(0.99, 10, 1024); // => 9.82 bits of the 10 needed
 */
import { binaryEntropy } from '../stats/binaryEntropy';
import { conditionalEntropy } from '../stats/conditionalEntropy';
import type { EntropyEstimator } from '../stats/entropy';
import { deriveSeed, seededRandom } from '../stats/random';

/** h(Pe) + Pe log2(K − 1): the Fano right-hand side. */
export function fanoBound(pe: number, k: number): number {
  if (k <= 1) return 0;
  return binaryEntropy(pe) + pe * Math.log2(k - 1);
}

/**
 * Maximum accuracy allowed by Fano's inequality for H(X|Y) = `hCond` bits and |X| = `k`.
 * Returns 1 for hCond <= 0 and 1/k for hCond >= log2 k. Bisection to 1e-12.
 */
export function fanoMaxAccuracy(hCond: number, k: number): number {
  if (!(k >= 1) || !Number.isFinite(k)) throw new RangeError(`fanoMaxAccuracy: |X| must be >= 1, got ${k}`);
  if (!(hCond >= 0) && !(hCond < 0)) throw new RangeError('fanoMaxAccuracy: H(X|Y) is NaN');
  if (k === 1 || hCond <= 0) return 1;
  const peMax = (k - 1) / k;
  if (hCond >= fanoBound(peMax, k)) return 1 / k;
  let lo = 0;
  let hi = peMax;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (fanoBound(mid, k) < hCond) lo = mid;
    else hi = mid;
  }
  return 1 - hi;
}

/**
 * The mutual information (bits) a method must extract to reach accuracy `p` on an attribute
 * with entropy `hX` and `k` values: I(X;Y) >= H(X) − h(1−p) − (1−p) log2(k−1) (floored at 0).
 */
export function fanoRequiredInformation(p: number, hX: number, k: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`fanoRequiredInformation: accuracy must be in [0, 1], got ${p}`);
  return Math.max(0, hX - fanoBound(1 - p, k));
}

export interface ConditionalEntropyEstimate {
  /** H(X|Y) in bits. */
  bits: number;
  estimator: EntropyEstimator;
  samples: number;
  /** Distinct values of Y seen. */
  yValues: number;
  /** Distinct values of X seen. */
  xValues: number;
}

/**
 * H(X|Y) from paired samples (x[i], y[i]); y may be numbers or string keys (e.g. the sorted
 * known-neighbour values joined by ','). Uses the stats area's `conditionalEntropy`.
 */
export function conditionalEntropyFromSamples(
  x: ArrayLike<number>,
  y: ArrayLike<number | string>,
  estimator: EntropyEstimator = 'plugin',
  weights?: ArrayLike<number>,
): ConditionalEntropyEstimate {
  if (x.length !== y.length) throw new RangeError(`x has ${x.length} samples, y has ${y.length}`);
  if (x.length === 0) throw new RangeError('conditionalEntropyFromSamples: no samples');
  const rows = new Map<number | string, Map<number, number>>();
  const xs = new Set<number>();
  for (let i = 0; i < x.length; i++) {
    const w = weights ? weights[i]! : 1;
    if (w === 0) continue;
    let row = rows.get(y[i]!);
    if (!row) rows.set(y[i]!, (row = new Map()));
    row.set(x[i]!, (row.get(x[i]!) ?? 0) + w);
    xs.add(x[i]!);
  }
  const joint = [...rows.values()].map((r) => [...r.values()]);
  return { bits: conditionalEntropy(joint, estimator), estimator, samples: x.length, yValues: rows.size, xValues: xs.size };
}

export interface BootstrapInterval {
  estimate: number;
  /** Bootstrap estimate of the estimator's bias (mean of replicates − estimate). */
  bias: number;
  lower: number;
  upper: number;
  level: number;
  replicates: number;
  seed: number;
}

/**
 * Nonparametric bootstrap (Efron 1979) interval for H(X|Y): resample the pairs with
 * replacement `replicates` times with a seeded generator. Resampling duplicates pairs, which
 * pushes a plug-in entropy further DOWN, so the plain percentile interval can miss the
 * estimate altogether; we return the basic (reverse-percentile) interval
 * [2Ĥ − q_hi, 2Ĥ − q_lo] (Davison & Hinkley, *Bootstrap Methods and their Application*, 1997,
 * §5.2), which corrects for that bias to first order, plus the bootstrap bias estimate.
 */
export function bootstrapConditionalEntropy(
  x: ArrayLike<number>,
  y: ArrayLike<number | string>,
  options: { estimator?: EntropyEstimator; replicates?: number; level?: number; seed: number },
): BootstrapInterval {
  const est = options.estimator ?? 'plugin';
  const reps = options.replicates ?? 200;
  const level = options.level ?? 0.95;
  const n = x.length;
  const rng = seededRandom(deriveSeed(options.seed, 'bootstrap-hxy'));
  const w = new Float64Array(n);
  const values: number[] = [];
  for (let r = 0; r < reps; r++) {
    w.fill(0);
    for (let i = 0; i < n; i++) w[Math.floor(rng() * n)]++;
    values.push(conditionalEntropyFromSamples(x, y, est, w).bits);
  }
  values.sort((a, b) => a - b);
  const q = (p: number) => values[Math.min(reps - 1, Math.max(0, Math.floor(p * reps)))]!;
  const estimate = conditionalEntropyFromSamples(x, y, est).bits;
  const meanRep = values.reduce((s, v) => s + v, 0) / reps;
  return {
    estimate,
    bias: meanRep - estimate,
    lower: Math.max(0, 2 * estimate - q((1 + level) / 2)),
    upper: Math.max(0, 2 * estimate - q((1 - level) / 2)),
    level,
    replicates: reps,
    seed: options.seed,
  };
}

/** Entropy (bits) of a probability vector (model entropy, e.g. a Zipf prior): the one in src/stats. */
export { entropyOfDistribution } from '../stats/entropyOfDistribution';

/**
 * Model-based H(X|Y): the average of −log2 P(true value | data) over targets, with P the exact
 * posterior under the generator (`bayesPredict(..., { truth })`). Unbiased for the model's
 * conditional entropy when the posterior is exact; with a misspecified posterior it is a
 * cross-entropy, which is >= H(X|Y).
 */
export function posteriorConditionalEntropy(truthProbability: ArrayLike<number>): number {
  if (truthProbability.length === 0) throw new RangeError('no targets');
  let s = 0;
  for (let i = 0; i < truthProbability.length; i++) s -= Math.log2(Math.max(1e-300, truthProbability[i]!));
  return s / truthProbability.length;
}
