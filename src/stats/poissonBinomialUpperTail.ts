import { logAddExp } from './logAddExp';
import { logPoissonPmf } from './logPoissonPmf';

/**
 * log10 P(K ≥ k) for K the number of successes in independent Bernoulli(pᵢ) trials (the
 * Poisson-binomial distribution): exact dynamic programme in log space for up to 3,000 trials,
 * the Poisson(Σ pᵢ) approximation beyond (Le Cam 1960: total-variation error at most 2 Σ pᵢ²,
 * reported as `method: 'poisson'`).
 *
 * Reference: Y. H. Wang, "On the number of successes in independent trials", Statistica Sinica
 * 3 (1993) 295-312; L. Le Cam, "An approximation theorem for the Poisson binomial distribution",
 * Pacific J. Math. 10 (1960) 1181-1197.
 *
 * @example
 * poissonBinomialUpperTail([0.5, 0.5], 2).log10P; // => log10(0.25) = -0.6020599913279624
 * poissonBinomialUpperTail([0.1, 0.2, 0.3], 0).log10P; // => 0
 */
export function poissonBinomialUpperTail(p: readonly number[], k: number): { log10P: number; method: 'poisson-binomial' | 'poisson' } {
  const n = p.length;
  if (k <= 0) return { log10P: 0, method: 'poisson-binomial' };
  if (k > n) return { log10P: -Infinity, method: 'poisson-binomial' };
  if (n > 3000) {
    const lambda = p.reduce((a, b) => a + b, 0);
    if (lambda === 0) return { log10P: -Infinity, method: 'poisson' };
    let acc = -Infinity;
    for (let x = k; x <= n; x++) {
      const t = logPoissonPmf(x, lambda);
      acc = logAddExp(acc, t);
      if (x > lambda && t < acc - 40) break;
    }
    return { log10P: Math.min(0, acc / Math.LN10), method: 'poisson' };
  }
  let dist = new Float64Array(n + 1).fill(-Infinity);
  dist[0] = 0;
  let next = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const pi = Math.min(1, Math.max(0, p[i]!));
    const lp = Math.log(pi);
    const lq = Math.log1p(-pi);
    next.fill(-Infinity);
    for (let j = 0; j <= i; j++) {
      const d = dist[j]!;
      if (d === -Infinity) continue;
      next[j] = logAddExp(next[j]!, d + lq);
      next[j + 1] = logAddExp(next[j + 1]!, d + lp);
    }
    [dist, next] = [next, dist];
  }
  let acc = -Infinity;
  for (let j = k; j <= n; j++) acc = logAddExp(acc, dist[j]!);
  return { log10P: Math.min(0, acc / Math.LN10), method: 'poisson-binomial' };
}
