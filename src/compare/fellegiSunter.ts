/**
 * The Fellegi-Sunter model's one EM (Fellegi & Sunter 1969; Winkler 1988; Enamorado, Fifield &
 * Imai 2019), over counts of agreement patterns: the foundation that linkage (02) runs over
 * candidate pairs and matching (01) runs with u fixed from unrelated pairs. No area is imported.
 */
import type { PatternTable } from './patterns';

/** One comparison level as the engine sees it (the predicate stays with the comparator). */
export interface LevelInfo {
  label: string;
  labelZh?: string;
  description: string;
  /** Null level (either value missing): weight 0, left out of estimation (Fellegi-Sunter MAR). */
  isNull: boolean;
}

/** One compared field: its ordered levels, most agreeing first, catch-all 'different' last. */
export interface FieldInfo {
  name: string;
  description: string;
  levels: LevelInfo[];
  /**
   * Level index to which a term-frequency adjustment applies (usually the exact-match level),
   * or undefined when the field has none. See `termFrequencyAdjustments`.
   */
  tfLevel?: number;
}

export interface EmDiagnostics {
  iterations: number;
  converged: boolean;
  /** Observed-data log-likelihood (natural log) after each iteration. */
  logLikelihood: number[];
  /** Distinct agreement patterns EM ran over, and the pairs they stand for. */
  patterns: number;
  pairs: number;
}

export const PROBABILITY_FLOOR = 1e-6;

export function nullMask(fields: FieldInfo[]): boolean[][] {
  return fields.map((f) => f.levels.map((l) => l.isNull));
}

/** Normalise counts over non-null levels with a pseudo-count; null levels become NaN. */
export function normalise(counts: Float64Array, isNull: boolean[], pseudo: number, floor = 0): Float64Array {
  const out = new Float64Array(counts.length);
  let total = 0;
  for (let l = 0; l < counts.length; l++) if (!isNull[l]) total += counts[l]! + pseudo;
  for (let l = 0; l < counts.length; l++) {
    out[l] = isNull[l] ? NaN : total > 0 ? (counts[l]! + pseudo) / total : 1 / isNull.filter((x) => !x).length;
  }
  if (floor > 0) {
    let s = 0;
    for (let l = 0; l < out.length; l++) if (!isNull[l]) s += out[l] = Math.max(out[l]!, floor);
    for (let l = 0; l < out.length; l++) if (!isNull[l]) out[l] = out[l]! / s;
  }
  return out;
}

export interface EmOptions {
  /** Fixed u (e.g. from random pairs); when omitted, u is estimated by EM as well. */
  u?: Float64Array[];
  /** Starting m; default puts most mass on the most agreeing non-null level. */
  m0?: Float64Array[];
  /** Starting lambda (default 0.1, or `expectedMatches / pairs` when given). */
  lambda0?: number;
  /** Expected number of matches among the pairs, to start lambda (e.g. min(left, right) rows). */
  expectedMatches?: number;
  maxIterations?: number;
  /** Stop when no parameter moves by more than this (default 1e-7). */
  tolerance?: number;
  /** Keep lambda fixed at lambda0. */
  fixLambda?: boolean;
  /** Keep m fixed at m0 (only lambda, and u unless given, are estimated). */
  fixM?: boolean;
  /**
   * Pseudo-count added to every non-null level's expected count in each M-step (default 0;
   * 0.5 is Jeffreys smoothing, for small samples such as a few hundred displayed profiles).
   */
  pseudoCount?: number;
  /**
   * With u from random pairs: the share q of all pairs that blocking kept (candidates / all
   * pairs). See `expectationMaximisation` for why EM needs it. Default 1.
   */
  candidateShare?: number;
}

/** Prior over all pairs from the prior among candidates: odds_all = odds_candidates x q. */
export function priorOverAllPairs(lambdaCandidates: number, candidateShare: number): number {
  const odds = (lambdaCandidates / (1 - lambdaCandidates)) * candidateShare;
  return odds / (1 + odds);
}

function initialM(fields: FieldInfo[], agreeing: boolean): Float64Array[] {
  return fields.map((f) => {
    const nonNull = f.levels.map((l, i) => (l.isNull ? -1 : i)).filter((i) => i >= 0);
    const J = nonNull.length;
    const out = new Float64Array(f.levels.length).fill(NaN);
    let s = 0;
    nonNull.forEach((lvl, j) => {
      const v = Math.exp(-2 * (agreeing ? j : J - 1 - j));
      out[lvl] = v;
      s += v;
    });
    for (const lvl of nonNull) out[lvl] = out[lvl]! / s;
    return out;
  });
}

/** Result of `fellegiSunterEm`: parameters, convergence, and each pattern's posterior. */
export interface EmResult {
  /** m per field (NaN on null levels). */
  m: Float64Array[];
  /** u per field: the fixed u when given, else the estimate. */
  u: Float64Array[];
  /** Share of matches among the pairs the patterns count. */
  lambda: number;
  iterations: number;
  converged: boolean;
  /** Observed-data log-likelihood after each iteration (natural log). */
  logLikelihood: number[];
  /** P(match | pattern k) under the final parameters. */
  posterior: Float64Array;
  /** Distinct patterns and the pairs they stand for. */
  patterns: number;
  pairs: number;
}

/**
 * EM for m, lambda (and u unless fixed) over agreement-pattern counts.
 *
 * E-step: g_k = lambda prod_f m_f(gamma_kf) / [lambda prod_f m_f + (1 - lambda) prod_f u_f]
 * (products over the non-null fields of pattern k). M-step: lambda = sum n_k g_k / sum n_k;
 * m_f(l) proportional to the sum of n_k g_k over patterns with gamma_kf = l (non-null only);
 * u_f(l) likewise with 1 - g_k. Winkler (1988) for the EM form; fastLink for counts.
 *
 * Blocking correction (when u is fixed from random pairs): EM sees only candidate pairs, and a
 * candidate non-match is a random pair conditioned on passing blocking, whose likelihood is
 * u(gamma) / q with q = P(candidate | non-match) ~ candidates / all pairs (matches are assumed
 * to pass blocking, P(candidate | match) ~ 1). Without the 1/q factor, blocked non-matches
 * (which agree on the blocking field far more often than random pairs) look like matches and
 * EM drives lambda to 1. With it, the candidate prior lambda_c comes out right and the prior
 * over all pairs is odds_all = odds_c x q (`priorOverAllPairs`), so the posterior of a pair
 * is the same whether written with (lambda_c, u / q) or (lambda_all, u): the form Splink uses.
 *
 * This is the project's one Fellegi-Sunter EM: linkage calls it over candidate-pair patterns,
 * and any other area with agreement patterns and known u (e.g. displayed profiles against
 * their paired source profiles, u from unrelated pairs) calls it with `u` fixed.
 * Options: `u` fixed u (otherwise estimated), `m0`/`lambda0` starting values, `fixM`,
 * `fixLambda`, `pseudoCount` (Jeffreys 0.5 for small samples), `maxIterations`, `tolerance`,
 * `candidateShare` (blocking correction above).
 *
 * @example
 * // two fields with levels [missing, same, different]; 90 pairs agree on both, 10 on neither
 * const fields = [field('a'), field('b')];
 * const r = fellegiSunterEm({ fields: 2, levels: Uint8Array.of(1, 1, 2, 2), counts: [90, 10] }, fields,
 *   { u: [Float64Array.of(NaN, 0.01, 0.99), Float64Array.of(NaN, 0.01, 0.99)] });
 * r.lambda;     // ~0.9 (share of matches among the pairs)
 * r.m[0][1];    // ~1 (P(same | match))
 * r.posterior;  // per pattern: P(match | pattern)
 */
export function fellegiSunterEm(
  patterns: Pick<PatternTable, 'fields' | 'levels' | 'counts'>,
  fields: FieldInfo[],
  options: EmOptions = {},
): EmResult {
  const F = fields.length;
  if (patterns.fields !== F) throw new RangeError(`pattern table has ${patterns.fields} fields, model has ${F}`);
  const K = patterns.counts.length;
  let N = 0;
  for (let k = 0; k < K; k++) N += patterns.counts[k]!;
  if (N <= 0) throw new RangeError('EM needs at least one pair');
  const mask = nullMask(fields);
  const fixU = options.u !== undefined;
  const maxIter = options.maxIterations ?? 500;
  const tol = options.tolerance ?? 1e-7;
  let m: Float64Array[] = (options.m0 ?? initialM(fields, true)).map((a) => Float64Array.from(a));
  let u: Float64Array[] = (options.u ?? initialM(fields, false)).map((a) => Float64Array.from(a));
  for (let f = 0; f < F; f++) {
    if (m[f]!.length !== fields[f]!.levels.length || u[f]!.length !== fields[f]!.levels.length) {
      throw new RangeError(`field '${fields[f]!.name}': m/u length differs from its ${fields[f]!.levels.length} levels`);
    }
  }
  let lambda =
    options.lambda0 ?? (options.expectedMatches !== undefined ? options.expectedMatches / N : 0.1);
  lambda = Math.min(Math.max(lambda, 1e-9), 1 - 1e-9);
  if (!(lambda > 0 && lambda < 1)) throw new RangeError(`lambda0 must be in (0, 1), got ${options.lambda0}`);

  const pc = options.pseudoCount ?? 0;
  if (!(pc >= 0)) throw new RangeError(`pseudoCount must be >= 0, got ${pc}`);
  if (options.fixM && !options.m0) throw new RangeError('fixM needs m0 (the fixed m)');
  const q = options.candidateShare ?? 1;
  if (!(q > 0 && q <= 1)) throw new RangeError(`candidateShare must be in (0, 1], got ${q}`);
  if (q < 1 && !fixU) throw new RangeError('candidateShare applies only when u is fixed (from random pairs)');
  const logQ = Math.log(q);
  const lv = patterns.levels;
  const g = new Float64Array(K);
  const trace: number[] = [];
  let converged = false;
  let it = 0;
  // log(lambda prod m) and log((1 - lambda) prod u / q) of pattern k under the current parameters.
  let termA = 0, termB = 0;
  const logTerms = (k: number): void => {
    let a = Math.log(lambda), b = Math.log(1 - lambda) - logQ;
    for (let f = 0; f < F; f++) {
      const l = lv[k * F + f]!;
      if (mask[f]![l]) continue;
      a += Math.log(m[f]![l]!);
      b += Math.log(u[f]![l]!);
    }
    termA = a;
    termB = b;
  };
  for (; it < maxIter; it++) {
    // E-step
    let ll = 0;
    for (let k = 0; k < K; k++) {
      logTerms(k);
      const a = termA, b = termB;
      const mx = Math.max(a, b);
      const denom = mx + Math.log(Math.exp(a - mx) + Math.exp(b - mx));
      g[k] = Math.exp(a - denom);
      ll += patterns.counts[k]! * denom;
    }
    trace.push(ll);
    // M-step
    let sg = 0;
    const mc = fields.map((f) => new Float64Array(f.levels.length));
    const uc = fields.map((f) => new Float64Array(f.levels.length));
    for (let k = 0; k < K; k++) {
      const n = patterns.counts[k]!;
      const wm = n * g[k]!, wu = n - wm;
      sg += wm;
      for (let f = 0; f < F; f++) {
        const l = lv[k * F + f]!;
        mc[f]![l] += wm;
        uc[f]![l] += wu;
      }
    }
    const newLambda = options.fixLambda ? lambda : Math.min(Math.max(sg / N, 1e-9), 1 - 1e-9);
    const newM = options.fixM ? m : mc.map((c, f) => normalise(c, mask[f]!, pc, PROBABILITY_FLOOR));
    const newU = fixU ? u : uc.map((c, f) => normalise(c, mask[f]!, pc, PROBABILITY_FLOOR));
    let delta = Math.abs(newLambda - lambda);
    for (let f = 0; f < F; f++) {
      for (let l = 0; l < newM[f]!.length; l++) {
        if (mask[f]![l]) continue;
        delta = Math.max(delta, Math.abs(newM[f]![l]! - m[f]![l]!), Math.abs(newU[f]![l]! - u[f]![l]!));
      }
    }
    m = newM;
    u = newU;
    lambda = newLambda;
    if (delta < tol) {
      converged = true;
      it++;
      break;
    }
  }
  // Label switching guard (only possible when u is free): the match class must favour agreement.
  if (!fixU && !options.fixM) {
    let w = 0;
    for (let f = 0; f < F; f++) {
      const top = fields[f]!.levels.findIndex((l) => !l.isNull);
      w += Math.log(m[f]![top]! / u[f]![top]!);
    }
    if (w < 0) {
      [m, u] = [u, m];
      lambda = 1 - lambda;
    }
  }
  // Posterior of each pattern under the final parameters.
  for (let k = 0; k < K; k++) {
    logTerms(k);
    g[k] = 1 / (1 + Math.exp(termB - termA));
  }
  return { m, u, lambda, iterations: it, converged, logLikelihood: trace, posterior: g, patterns: K, pairs: N };
}

