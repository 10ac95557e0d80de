/**
 * u = P(level | non-match) from value frequencies, without comparing a million random pairs.
 *
 * Almost every pair of records drawn at random is a non-match, so u is the level distribution
 * over random pairs (Splink's `estimate_u_using_random_sampling`). That distribution is a
 * function of each field's value frequencies only: a random pair (i, j) has values (a, b) with
 * probability c_L(a) c_R(b) / (N_L N_R) (dedupe: ordered pairs i != j, c(a)(c(a) - 1) on the
 * diagonal). So, per field:
 *
 * - **same value** (a = b): the mass sum_a c_L(a) c_R(a) is exact, and it goes to the level
 *   the predicates give (a, a) (the exact level, or the null level for a missing value);
 * - **different values** (a != b): when the distinct values are few enough (at most
 *   `exactPairs` value pairs, e.g. a state or a sex field) every pair is evaluated with its
 *   weight; otherwise value pairs are drawn with probability proportional to c_L(a) c_R(b)
 *   (Walker alias tables, a = b rejected), which is the random-pair distribution restricted to
 *   different values, and the level shares among the draws estimate that part.
 *
 * The number of draws is chosen from a stated standard error: draws are taken in batches until
 * every level with u of at least `minU` (default 0.002) has a relative standard error of u at
 * most `relativeError` (default 0.1, i.e. about +-0.14 bits on the weight log2(m/u)), with at
 * least `minSamples` (10,000) and at most `maxSamples` (50,000) draws per field; rarer levels
 * get what those draws give (their standard error is reported, not hidden). The standard errors are returned (binomial, the
 * exact diagonal part contributing none) and printed in the model table. A level never hit by
 * a draw and absent from the diagonal gets half a draw (a Jeffreys-style pseudo-count), so no
 * weight is infinite.
 *
 * The same frequency tables and seed give the same u whatever the row order: values are put
 * in a canonical order (`compareValues`) before sampling. The DuckDB backend uses this with
 * frequency tables returned by SQL, so both paths estimate the same u.
 */
import { buildAliasTable, deriveSeed, seededRandom } from '../stats/random';
import type { Rng } from '../stats/random';
import { PROBABILITY_FLOOR } from './estimate';
import type { FieldFrequencies, FieldInfo, LinkMode } from './types';

export interface FrequencyUOptions {
  seed: number;
  /** Target relative standard error of each sampled level's u (default 0.1). */
  relativeError?: number;
  /** Levels with u below this are not held to the target (default 0.002). */
  minU?: number;
  /** Minimum / maximum value pairs drawn per field (defaults 10,000 / 50,000). */
  minSamples?: number;
  maxSamples?: number;
  /** Enumerate every value pair when there are at most this many (default 20,000). */
  exactPairs?: number;
}

export interface FrequencyUEstimate {
  /** u per field (NaN on null levels). */
  u: Float64Array[];
  /** Standard error of each u (0 where exact, NaN on null levels). */
  standardError: Float64Array[];
  /** Value pairs drawn per field (0 = every value pair evaluated exactly). */
  samples: number[];
  /** The stated target (relative standard error of u). */
  relativeError: number;
}

const BATCH = 2000;

function sampler(weights: Float64Array): (rng: Rng) => number {
  const n = weights.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  buildAliasTable(weights, prob, alias, 0, n);
  return (rng) => {
    const i = Math.floor(rng() * n);
    return rng() < prob[i]! ? i : alias[i]!;
  };
}

/**
 * u for every field from its value frequencies (see module comment).
 *
 * @example
 * // one field, values x (2 rows left, 1 right) and y (1 left, 3 right), levels [same, different]
 * const t = { left: Float64Array.of(2, 1), right: Float64Array.of(1, 3), level: (a: number, b: number) => (a === b ? 0 : 1) };
 * uFromFrequencies([field], [t], 'link', { seed: 1 }).u[0];  // [5/12, 7/12]: exact, 2 value pairs
 */
export function uFromFrequencies(
  fields: FieldInfo[],
  tables: FieldFrequencies[],
  mode: LinkMode,
  options: FrequencyUOptions,
): FrequencyUEstimate {
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (tables.length !== fields.length) throw new RangeError(`${tables.length} frequency tables for ${fields.length} fields`);
  const target = options.relativeError ?? 0.1;
  const minU = options.minU ?? 0.002;
  const minS = options.minSamples ?? 10_000;
  const maxS = options.maxSamples ?? 50_000;
  const exactPairs = options.exactPairs ?? 20_000;
  if (!(target > 0)) throw new RangeError(`relativeError must be positive, got ${target}`);
  if (!(Number.isInteger(minS) && Number.isInteger(maxS) && minS >= 1 && maxS >= minS)) {
    throw new RangeError(`need integer 1 <= minSamples <= maxSamples, got ${minS} / ${maxS}`);
  }
  const dedupe = mode === 'dedupe';
  const u: Float64Array[] = [];
  const se: Float64Array[] = [];
  const samples: number[] = [];
  fields.forEach((info, f) => {
    const t = tables[f]!;
    const L = info.levels.length;
    const isNull = info.levels.map((l) => l.isNull);
    const cl = t.left, cr = dedupe ? t.left : t.right;
    if (cl.length !== cr.length) throw new RangeError(`field '${info.name}': frequency arrays differ in length`);
    const D = cl.length;
    let nl = 0, nr = 0;
    for (let a = 0; a < D; a++) {
      nl += cl[a]!;
      nr += cr[a]!;
    }
    // Ordered pairs; dedupe: i != j.
    const diag = new Float64Array(L);
    let diagTotal = 0;
    for (let a = 0; a < D; a++) {
      const w = dedupe ? cl[a]! * (cl[a]! - 1) : cl[a]! * cr[a]!;
      if (w <= 0) continue;
      diag[t.level(a, a)] += w;
      diagTotal += w;
    }
    const total = dedupe ? nl * (nl - 1) : nl * nr;
    if (!(total > 0)) throw new RangeError(`field '${info.name}': no pairs to estimate u from`);
    const off = total - diagTotal;
    const offShare = new Float64Array(L); // share of each level among different-value pairs
    let n = 0;
    const nzL: number[] = [], nzR: number[] = [];
    for (let a = 0; a < D; a++) {
      if (cl[a]! > 0) nzL.push(a);
      if (cr[a]! > 0) nzR.push(a);
    }
    if (off > 0 && nzL.length * nzR.length <= exactPairs) {
      for (const a of nzL) for (const b of nzR) if (a !== b) offShare[t.level(a, b)] += (cl[a]! * cr[b]!) / off;
    } else if (off > 0) {
      const rng = seededRandom(deriveSeed(options.seed, `u-frequencies:${info.name}`));
      const drawL = sampler(cl), drawR = dedupe ? drawL : sampler(cr);
      const hits = new Float64Array(L);
      let attempts = 0;
      const maxAttempts = maxS * 100;
      for (;;) {
        for (let s = 0; s < BATCH && attempts < maxAttempts; attempts++) {
          const a = drawL(rng), b = drawR(rng);
          if (a === b) continue;
          hits[t.level(a, b)]++;
          n++;
          s++;
        }
        if (n >= maxS || attempts >= maxAttempts) break;
        if (n < minS) continue;
        let ok = true;
        for (let l = 0; l < L && ok; l++) {
          const k = hits[l]!;
          if (isNull[l] || k === 0) continue;
          const p = k / n;
          const part = diag[l]! + off * p;
          if (part < minU * total) continue;
          const rel = (off * Math.sqrt((p * (1 - p)) / n)) / part;
          if (rel > target) ok = false;
        }
        if (ok) break;
      }
      if (n === 0) throw new RangeError(`field '${info.name}': could not draw two different values`);
      for (let l = 0; l < L; l++) offShare[l] = (hits[l]! > 0 || diag[l]! > 0 || isNull[l] ? hits[l]! : 0.5) / n;
    }
    let denom = 0;
    for (let l = 0; l < L; l++) if (!isNull[l]) denom += diag[l]! + off * offShare[l]!;
    const uf = new Float64Array(L);
    const sef = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      if (isNull[l]) {
        uf[l] = NaN;
        sef[l] = NaN;
        continue;
      }
      uf[l] = denom > 0 ? Math.max((diag[l]! + off * offShare[l]!) / denom, PROBABILITY_FLOOR) : 1 / L;
      const p = offShare[l]!;
      sef[l] = n > 0 && denom > 0 ? (off * Math.sqrt((p * (1 - p)) / n)) / denom : 0;
    }
    let s = 0;
    for (let l = 0; l < L; l++) if (!isNull[l]) s += uf[l]!;
    for (let l = 0; l < L; l++) if (!isNull[l]) uf[l] = uf[l]! / s;
    u.push(uf);
    se.push(sef);
    samples.push(n);
  });
  return { u, standardError: se, samples, relativeError: target };
}
