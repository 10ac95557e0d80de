/**
 * The CF claim tested with the uploaders as the unit. Profiles shown in one uploader's
 * first-degree network are a cluster: if the platform copied (or inferred) per uploader, the
 * ~300 profiles are a few independent units, not 300. Model (hierarchical, Williams 1975;
 * Kish 1965): uploader u's n_u profiles share a success probability p_u ~ Beta with mean p*
 * and intra-class correlation rho, so X_u ~ BetaBinomial(n_u, a, b), a = p*(1−rho)/rho,
 * b = (1−p*)(1−rho)/rho, independent across uploaders; the test statistic is k = Σ X_u and the
 * p-value P(Σ X_u ≥ k | p*) comes from the exact convolution of the per-uploader
 * distributions. rho = 0 is the binomial (independent profiles); rho = 1 means each uploader's
 * profiles are all right or all wrong (X_u ∈ {0, n_u}), so with three uploaders and k = n the
 * p-value is p*³, not p*³⁰⁰.
 *
 * The record gives neither the per-uploader counts nor the denominator of "300+": the split of
 * n over uploaders (`units`) and k itself are parameters; `frontier` shows which (k, n, rho)
 * would make the claim plausible.
 *
 * @example
 * clusterTailPValue({ k: 300, units: [100, 100, 100], p: 0.5, rho: 1 }).pValue; // => 0.125 (= 0.5³)
 * clusterTailPValue({ k: 300, units: [100, 100, 100], p: 0.5, rho: 0 }).log10PValue; // => −90.3 (= 300 log10 0.5)
 */
import { designEffect } from '../stats/designEffect';
import { logBetaBinomialPmf } from '../stats/betaBinomialPmf';
import { logBinomialPmf } from '../stats/logBinomialPmf';

/** ln pmf of one uploader's successes, 0..m, under (p, rho). */
function unitLogPmf(m: number, p: number, rho: number): Float64Array {
  const out = new Float64Array(m + 1);
  if (rho >= 1) {
    out.fill(-Infinity);
    out[0] = Math.log(1 - p);
    out[m] = m === 0 ? 0 : Math.log(p);
    return out;
  }
  if (rho <= 0 || p <= 0 || p >= 1) {
    for (let j = 0; j <= m; j++) out[j] = logBinomialPmf(j, m, p);
    return out;
  }
  const c = (1 - rho) / rho;
  for (let j = 0; j <= m; j++) out[j] = logBetaBinomialPmf(j, m, p * c, (1 - p) * c);
  return out;
}

export interface ClusterTail {
  pValue: number;
  /** log10 of the p-value (finite where the p-value underflows). */
  log10PValue: number;
}

/**
 * P(Σ X_u ≥ k) for independent uploaders with `units` profiles each: exact convolution of the
 * per-uploader *deficits* m_u − X_u, truncated at n − k (only those can add up to k or more),
 * in linear space with one log scale per step.
 */
export function clusterTailPValue(options: { k: number; units: number[]; p: number; rho: number }): ClusterTail {
  const { k, units, p, rho } = options;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (!(rho >= 0 && rho <= 1)) throw new RangeError(`rho must be in [0, 1], got ${rho}`);
  const n = units.reduce((s, m) => s + m, 0);
  if (k <= 0) return { pValue: 1, log10PValue: 0 };
  if (k > n) return { pValue: 0, log10PValue: -Infinity };
  const D = n - k;
  let dist = Float64Array.of(1);
  let logScale = 0;
  for (const m of units) {
    const lp = unitLogPmf(m, p, rho);
    const top = Math.min(D, m);
    const ld = Float64Array.from({ length: top + 1 }, (_, d) => lp[m - d]!);
    let mx = -Infinity;
    for (const v of ld) if (v > mx) mx = v;
    if (mx === -Infinity) return { pValue: 0, log10PValue: -Infinity };
    const q = Float64Array.from(ld, (v) => Math.exp(v - mx));
    const len = Math.min(D, dist.length - 1 + top) + 1;
    const next = new Float64Array(len);
    for (let i = 0; i < dist.length; i++) {
      const di = dist[i]!;
      if (di === 0) continue;
      const jmax = Math.min(top, len - 1 - i);
      for (let j = 0; j <= jmax; j++) next[i + j] += di * q[j]!;
    }
    let nm = 0;
    for (const v of next) if (v > nm) nm = v;
    if (nm === 0) return { pValue: 0, log10PValue: -Infinity };
    for (let i = 0; i < next.length; i++) next[i]! /= nm;
    dist = next;
    logScale += mx + Math.log(nm);
  }
  let tail = 0;
  for (const v of dist) tail += v;
  const log10PValue = Math.min(0, (Math.log(tail) + logScale) / Math.LN10);
  return { pValue: Math.pow(10, log10PValue), log10PValue };
}

/** Smallest per-profile accuracy p at which P(Σ X_u ≥ k | p, rho) ≥ alpha (bisection; tail rises with p). */
export function clusterRequiredAccuracy(options: { k: number; units: number[]; rho: number; alpha: number }): number {
  const tail = (p: number) => clusterTailPValue({ ...options, p }).pValue;
  if (tail(1 - 1e-12) < options.alpha) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) >= options.alpha) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Split n profiles over uploaders in proportion to `shares` (largest remainder; sums to n). */
export function splitUnits(n: number, shares: number[]): number[] {
  if (shares.length === 0 || shares.some((s) => !(s > 0))) throw new RangeError('uploader shares must be positive');
  const total = shares.reduce((s, x) => s + x, 0);
  const raw = shares.map((s) => (n * s) / total);
  const out = raw.map(Math.floor);
  let left = n - out.reduce((s, x) => s + x, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) out[i]!++;
  return out;
}

export interface ClusterTestResult {
  /** Profiles per uploader (the units). */
  units: Array<{ uploader: number; profiles: number }>;
  k: number;
  n: number;
  pStar: number;
  rho: number;
  pValue: number;
  log10PValue: number;
  reject: boolean;
  /** Kish design effect 1 + (m̄ − 1) rho and the effective number of independent profiles n / deff. */
  designEffect: number;
  effectiveN: number;
  /** [rho, p-value] pairs, rho from 0 (independent profiles) to 1 (each uploader all-or-nothing). */
  pValueByRho: Array<[number, number]>;
  /** [rho, log10 p-value] pairs (finite where the p-value underflows). */
  log10PValueByRho: Array<[number, number]>;
  /** Per-profile accuracy the claim needs at this rho (p-value ≥ alpha from there on). */
  requiredAccuracy: number;
}

export function clusterTest(options: { k: number; n: number; units: number[]; pStar: number; rho: number; rhos: number[]; alpha: number }): ClusterTestResult {
  const { k, n, units, pStar, rho, alpha } = options;
  if (units.reduce((s, m) => s + m, 0) !== n) throw new RangeError(`units sum to ${units.reduce((s, m) => s + m, 0)}, not n = ${n}`);
  const at = clusterTailPValue({ k, units, p: pStar, rho });
  const rhos = [...new Set([...options.rhos, rho])].sort((a, b) => a - b);
  const byRho = rhos.map((r) => [r, clusterTailPValue({ k, units, p: pStar, rho: r })] as const);
  const mBar = n / units.length;
  const deff = designEffect(Math.max(1, mBar), rho);
  return {
    units: units.map((m, i) => ({ uploader: i + 1, profiles: m })),
    k, n, pStar, rho,
    pValue: at.pValue, log10PValue: at.log10PValue, reject: at.pValue < alpha,
    designEffect: deff, effectiveN: n / deff,
    pValueByRho: byRho.map(([r, t]) => [r, t.pValue]),
    log10PValueByRho: byRho.map(([r, t]) => [r, t.log10PValue]),
    requiredAccuracy: clusterRequiredAccuracy({ k, units, rho, alpha }),
  };
}

export interface CountsFrontierRow {
  k: number;
  n: number;
  rho: number;
  /** Per-profile accuracy CF would need for k of n not to be rejected at alpha. */
  requiredAccuracy: number;
  /** Whether the CF accuracy used (p*) reaches it. */
  plausible: boolean;
}

/**
 * Which (k, n, clustering) would make the CF claim plausible: for every n, agreement rate k/n and
 * rho, the accuracy CF would need, against the p* measured. n is split over the uploaders as
 * `shares`.
 */
export function countsFrontier(options: { ns: number[]; agreementRates: number[]; rhos: number[]; shares: number[]; pStar: number; alpha: number }): CountsFrontierRow[] {
  const rows: CountsFrontierRow[] = [];
  for (const n of options.ns) {
    const units = splitUnits(n, options.shares);
    for (const r of options.agreementRates) {
      const k = Math.ceil(r * n - 1e-9);
      for (const rho of options.rhos) {
        const req = clusterRequiredAccuracy({ k, units, rho, alpha: options.alpha });
        rows.push({ k, n, rho, requiredAccuracy: req, plausible: options.pStar >= req });
      }
    }
  }
  return rows;
}
