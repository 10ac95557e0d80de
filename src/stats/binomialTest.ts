import { betaQuantile } from './betaQuantile';
import { binomialCdf } from './binomialCdf';
import { binomialUpperTail } from './binomialUpperTail';
import { clopperPearsonInterval } from './clopperPearsonInterval';
import { logBinomialPmf } from './logBinomialPmf';

export type Alternative = 'two-sided' | 'greater' | 'less';

/** Result of {@link binomialTest}, mirroring the fields of R's `binom.test`. */
export interface BinomialTestResult {
  k: number;
  n: number;
  /** hypothesised success probability p₀ */
  p0: number;
  alternative: Alternative;
  /** observed proportion k/n */
  estimate: number;
  pValue: number;
  /** Clopper–Pearson interval matching the alternative (one-sided intervals for 'greater'/'less') */
  confidenceInterval: [number, number];
  confidenceLevel: number;
  method: string;
}

/**
 * Exact binomial test of H₀: p = p₀ for k successes in n trials (R's `binom.test`).
 *
 * - `'greater'`: P(X ≥ k); `'less'`: P(X ≤ k) (computed directly from the tail, so tiny
 *   p-values are not lost to 1 − x cancellation).
 * - `'two-sided'`: the minimum-likelihood (Fisher/Sterne-type) method used by R: sum the
 *   probabilities of all outcomes no more likely than the observed one,
 *   P = Σ_{i: f(i) ≤ f(k)(1 + 10⁻⁷)} f(i), where f is the Binomial(n, p₀) pmf and the
 *   relative tolerance 1 + 10⁻⁷ is R's. Because the pmf is unimodal the far-tail cut-off is
 *   found by binary search on the log scale, so the cost is O(log n).
 *
 * References: Clopper & Pearson (1934) for the interval; R Core Team, `stats::binom.test`
 * (source, R ≥ 2.0) for the two-sided rule; Fay, M. P. (2010) "Two-sided exact tests and
 * matching confidence intervals for discrete data", *R Journal* 2(1), 53–58.
 *
 * @param k successes (integer 0..n)
 * @param n trials (integer ≥ 1)
 * @param p0 hypothesised probability in [0, 1] (default 0.5)
 * @param alternative 'two-sided' (default), 'greater' or 'less'
 * @param level confidence level of the reported interval (default 0.95)
 * @example
 * // R: binom.test(682, 925, p = 0.75)  →  p-value = 0.3825, 95% CI 0.7076683 0.7654066
 * binomialTest(682, 925, 0.75).pValue;              // => 0.38249...
 * binomialTest(682, 925, 0.75).confidenceInterval;  // => [0.70766..., 0.76540...]
 */
export function binomialTest(
  k: number, n: number, p0 = 0.5, alternative: Alternative = 'two-sided', level = 0.95,
): BinomialTestResult {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`binomialTest: n must be an integer >= 1, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`binomialTest: k must be an integer in 0..n, got ${k}`);
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`binomialTest: p0 must be in [0, 1], got ${p0}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`binomialTest: level must be in (0, 1), got ${level}`);
  if (alternative !== 'two-sided' && alternative !== 'greater' && alternative !== 'less') {
    throw new RangeError(`binomialTest: alternative must be 'two-sided', 'greater' or 'less', got ${String(alternative)}`);
  }
  let pValue: number;
  let ci: [number, number];
  const alpha = 1 - level;
  if (alternative === 'less') {
    pValue = binomialCdf(k, n, p0);
    ci = [0, k === n ? 1 : betaQuantile(level, k + 1, n - k)];
  } else if (alternative === 'greater') {
    pValue = binomialUpperTail(k, n, p0);
    ci = [k === 0 ? 0 : betaQuantile(alpha, k, n - k + 1), 1];
  } else {
    pValue = twoSided(k, n, p0);
    ci = clopperPearsonInterval(k, n, level);
  }
  return {
    k, n, p0, alternative,
    estimate: k / n,
    pValue: Math.min(1, Math.max(0, pValue)),
    confidenceInterval: ci,
    confidenceLevel: level,
    method: 'Exact binomial test',
  };
}

function twoSided(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const relErr = 1 + 1e-7;
  const logD = logBinomialPmf(k, n, p) + Math.log(relErr);
  const m = n * p;
  if (k === m) return 1;
  if (k < m) {
    // i in [ceil(m), n], pmf decreasing: count y of i with f(i) ≤ d·relErr
    const first = firstIndex(Math.ceil(m), n, (i) => logBinomialPmf(i, n, p) <= logD);
    const y = n - first + 1;
    return binomialCdf(k, n, p) + binomialUpperTail(n - y + 1, n, p);
  }
  // i in [0, floor(m)], pmf increasing: count y of i with f(i) ≤ d·relErr
  const last = lastIndex(0, Math.floor(m), (i) => logBinomialPmf(i, n, p) <= logD);
  const y = last + 1;
  return (y > 0 ? binomialCdf(y - 1, n, p) : 0) + binomialUpperTail(k, n, p);
}

/** Smallest i in [lo, hi] with pred(i) true, pred monotone false→true; hi + 1 if none. */
function firstIndex(lo: number, hi: number, pred: (i: number) => boolean): number {
  let a = lo, b = hi + 1;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (pred(mid)) b = mid; else a = mid + 1;
  }
  return a;
}

/** Largest i in [lo, hi] with pred(i) true, pred monotone true→false; lo − 1 if none. */
function lastIndex(lo: number, hi: number, pred: (i: number) => boolean): number {
  let a = lo - 1, b = hi;
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (pred(mid)) a = mid; else b = mid - 1;
  }
  return a;
}
