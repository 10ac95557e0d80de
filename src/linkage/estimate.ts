/**
 * Estimating the Fellegi-Sunter parameters.
 *
 * - u (P(level | non-match)) from value frequencies (`uFrequencies.ts`, the default in the
 *   pipeline: the random-pair distribution computed from frequencies, sampled only where needed).
 * - u (P(level | non-match)) from random pairs: almost every random pair is a non-match, so the
 *   level frequencies among uniformly drawn pairs estimate u without labels. Drawing them from
 *   the blocked candidates instead would bias u upwards on the blocked fields (Splink, "u
 *   probabilities"; the approach of Splink's `estimate_u_using_random_sampling`).
 * - m (P(level | match)) and the prior lambda by the EM algorithm over the two-class mixture
 *   with conditionally independent fields (Fellegi & Sunter, JASA 64, 1969; Winkler, "Using
 *   the EM algorithm for weight computation in the Fellegi-Sunter model of record linkage",
 *   Proc. Section on Survey Research Methods, ASA, 1988; Winkler, "Using the EM algorithm ...",
 *   2000), run over counts of agreement patterns (Enamorado, Fifield & Imai 2019, fastLink).
 *   Optionally u by EM too (fastLink's default).
 * - Supervised: m, u and lambda from labelled pairs (level frequencies among known matches and
 *   known non-matches), when the expert has a verified sample.
 *
 * Null levels (missing values) are left out of every estimate: a pattern's likelihood is the
 * product over its non-null fields only (missing at random, as in fastLink), so a missing value
 * neither helps nor hurts a pair. Their m and u entries are stored as NaN, and their weight is 0.
 *
 * Smoothing: level counts get +0.5 (Jeffreys) before normalising, and EM updates are floored at
 * 1e-6, so no level has probability 0 and no weight is infinite.
 */
import { deriveSeed, seededRandom } from '../stats/random';
import type { EmDiagnostics, FellegiSunterModel, FieldInfo, PairComparator } from './types';
import type { PatternTable } from './patterns';

export const PROBABILITY_FLOOR = 1e-6;

function nullMask(fields: FieldInfo[]): boolean[][] {
  return fields.map((f) => f.levels.map((l) => l.isNull));
}

/** Normalise counts over non-null levels with a pseudo-count; null levels become NaN. */
function normalise(counts: Float64Array, isNull: boolean[], pseudo: number, floor = 0): Float64Array {
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

/** Level counts per field among pairs (optionally only those with mask[p] = 1). */
export function levelCounts(gamma: Uint8Array, fields: FieldInfo[], mask?: Uint8Array): Float64Array[] {
  const F = fields.length;
  const counts = fields.map((f) => new Float64Array(f.levels.length));
  const n = gamma.length / F;
  for (let p = 0; p < n; p++) {
    if (mask && mask[p] !== 1) continue;
    for (let f = 0; f < F; f++) counts[f]![gamma[p * F + f]!]++;
  }
  return counts;
}

export interface RandomPairsOptions {
  /** Pairs to draw (default 1,000,000). If the tables have fewer pairs, all are used. */
  pairs?: number;
  seed: number;
}

/**
 * u from random pairs (Splink). Returns u per field (NaN on null levels) and the number of pairs.
 * All pairs are enumerated when there are at most `pairs` of them; otherwise `pairs` pairs are
 * drawn uniformly with replacement (dedupe mode: i != j) from `seededRandom(deriveSeed(seed, 'u'))`.
 *
 * @example
 * const { u } = uFromRandomPairs(comparator, { seed: 7 });
 * u[0];   // Float64Array: P(level | non-match) for the first field
 */
export function uFromRandomPairs(comparator: PairComparator, options: RandomPairsOptions): { u: Float64Array[]; pairs: number } {
  const want = options.pairs ?? 1_000_000;
  if (!Number.isInteger(want) || want < 1) throw new RangeError(`random pairs must be a positive integer, got ${want}`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  const nl = comparator.leftSize, nr = comparator.rightSize;
  const dedupe = comparator.mode === 'dedupe';
  const total = dedupe ? (nl * (nl - 1)) / 2 : nl * nr;
  if (total < 1) throw new RangeError(`no pairs to draw u from (${nl} left rows, ${nr} right rows)`);
  let left: Int32Array, right: Int32Array;
  if (total <= want) {
    left = new Int32Array(total);
    right = new Int32Array(total);
    let p = 0;
    for (let i = 0; i < nl; i++) {
      for (let j = dedupe ? i + 1 : 0; j < nr; j++) {
        left[p] = i;
        right[p++] = j;
      }
    }
  } else {
    const rng = seededRandom(deriveSeed(options.seed, 'u-random-pairs'));
    left = new Int32Array(want);
    right = new Int32Array(want);
    for (let p = 0; p < want; p++) {
      const i = Math.floor(rng() * nl);
      let j = Math.floor(rng() * nr);
      while (dedupe && j === i) j = Math.floor(rng() * nr);
      left[p] = i;
      right[p] = j;
    }
  }
  const gamma = comparator.compare(left, right);
  const counts = levelCounts(gamma, comparator.fields);
  const mask = nullMask(comparator.fields);
  return { u: counts.map((c, f) => normalise(c, mask[f]!, 0.5)), pairs: left.length };
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

/**
 * EM as a Fellegi-Sunter model (see `fellegiSunterEm`): lambda over all pairs from the
 * candidate prior and the candidate share.
 *
 * @example
 * const t = countPatterns(gamma, fields.map((f) => f.levels.length));
 * const model = expectationMaximisation(t, fields, { u: uFromRandomPairs(cmp, { seed: 7 }).u });
 * model.lambdaCandidates;  // estimated share of matches among the pairs
 */
export function expectationMaximisation(
  patterns: PatternTable,
  fields: FieldInfo[],
  options: EmOptions = {},
): FellegiSunterModel {
  const r = fellegiSunterEm(patterns, fields, options);
  const q = options.candidateShare ?? 1;
  const em: EmDiagnostics = { iterations: r.iterations, converged: r.converged, logLikelihood: r.logLikelihood, patterns: r.patterns, pairs: r.pairs };
  return {
    fields,
    m: r.m,
    u: r.u,
    lambda: priorOverAllPairs(r.lambda, q),
    lambdaCandidates: r.lambda,
    candidateShare: q,
    method: { m: options.fixM ? 'fixed' : 'em', u: options.u ? 'fixed' : 'em', lambda: options.fixLambda ? 'fixed' : 'em', em },
  };
}

/**
 * Supervised estimation from labelled pairs: m = level frequencies among pairs labelled 1,
 * u = among pairs labelled 0 (unless `u` is given, e.g. from random pairs, with the blocking
 * share `candidateShare` as in `expectationMaximisation`), lambda among candidates = share of
 * 1s among labelled pairs. Labels: 1 match, 0 non-match, any other value = unlabelled.
 */
export function estimateFromLabels(
  gamma: Uint8Array,
  fields: FieldInfo[],
  labels: Uint8Array,
  options: { u?: Float64Array[]; candidateShare?: number } = {},
): FellegiSunterModel {
  const F = fields.length;
  const n = gamma.length / F;
  if (labels.length !== n) throw new RangeError(`${labels.length} labels for ${n} pairs`);
  const isMatch = new Uint8Array(n);
  const isNon = new Uint8Array(n);
  let nm = 0, nn = 0;
  for (let p = 0; p < n; p++) {
    if (labels[p] === 1) {
      isMatch[p] = 1;
      nm++;
    } else if (labels[p] === 0) {
      isNon[p] = 1;
      nn++;
    }
  }
  if (nm === 0) throw new RangeError('supervised estimation needs at least one pair labelled as a match');
  if (nn === 0 && !options.u) throw new RangeError('supervised estimation needs non-matches (or u from random pairs)');
  const mask = nullMask(fields);
  const m = levelCounts(gamma, fields, isMatch).map((c, f) => normalise(c, mask[f]!, 0.5));
  const u = options.u ? options.u.map((a) => Float64Array.from(a)) : levelCounts(gamma, fields, isNon).map((c, f) => normalise(c, mask[f]!, 0.5));
  const q = options.u ? (options.candidateShare ?? 1) : 1;
  if (!(q > 0 && q <= 1)) throw new RangeError(`candidateShare must be in (0, 1], got ${q}`);
  const lambdaC = Math.min(Math.max(nm / (nm + nn), 1e-9), 1 - 1e-9);
  return {
    fields,
    m,
    u,
    lambda: priorOverAllPairs(lambdaC, q),
    lambdaCandidates: lambdaC,
    candidateShare: q,
    method: { m: 'labels', u: options.u ? 'random-pairs' : 'labels', lambda: 'labels', labelledPairs: { matches: nm, nonMatches: nn } },
  };
}

/** Weight of one level: log2(m/u), 0 for a null level (Fellegi & Sunter 1969). */
export function levelWeight(model: FellegiSunterModel, field: number, level: number): number {
  const info = model.fields[field]!.levels[level];
  if (!info) throw new RangeError(`field ${field} has no level ${level}`);
  if (info.isNull) return 0;
  return Math.log2(model.m[field]![level]! / model.u[field]![level]!);
}

/**
 * How u was obtained, in words for a caption.
 *
 * @example
 * describeUMethod(model) // 'u from value frequencies (exact levels exact; 78,000 value pairs drawn, target relative SE 0.1), seed 7'
 */
export function describeUMethod(model: FellegiSunterModel): string {
  const m = model.method;
  const seed = m.seed !== undefined ? `, seed ${m.seed}` : '';
  switch (m.u) {
    case 'frequencies':
      return `u from value frequencies (exact levels exact; ${(m.uSamplePairs ?? 0).toLocaleString('en')} value pairs drawn, target relative SE ${m.uFrequencies?.relativeError})${seed}`;
    case 'random-pairs':
      return `u from ${(m.uSamplePairs ?? 0).toLocaleString('en')} random pairs${seed}`;
    case 'em':
      return 'u by EM with m';
    case 'labels':
      return 'u from labelled non-matches';
    default:
      return 'u fixed by the caller';
  }
}

/** The model as rows (field, level, m, u, u standard error when sampled, weight) for `showTable`. */
export function modelTable(model: FellegiSunterModel): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  model.fields.forEach((f, fi) =>
    f.levels.forEach((l, li) =>
      rows.push({
        field: f.name,
        level: l.labelZh ? `${l.label} ${l.labelZh}` : l.label,
        m: l.isNull ? null : model.m[fi]![li],
        u: l.isNull ? null : model.u[fi]![li],
        ...(model.uStandardError ? { 'u standard error': l.isNull ? null : model.uStandardError[fi]![li] } : {}),
        'weight log2(m/u)': levelWeight(model, fi, li),
        'Bayes factor m/u': l.isNull ? 1 : model.m[fi]![li]! / model.u[fi]![li]!,
      }),
    ),
  );
  return rows;
}
