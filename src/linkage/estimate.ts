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
import type { PatternTable } from '../compare/patterns';
import { PROBABILITY_FLOOR, fellegiSunterEm, nullMask, normalise, priorOverAllPairs, type EmOptions } from '../compare/fellegiSunter';
export { PROBABILITY_FLOOR, fellegiSunterEm, priorOverAllPairs, type EmOptions, type EmResult } from '../compare/fellegiSunter';

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

/** Share of matches among candidate pairs at or above which an EM fit is flagged as degenerate. */
export const DEGENERATE_MATCH_SHARE = 0.99;

/**
 * A warning when EM put (almost) every candidate pair in the match class — what happens when
 * fields are dependent or blocks hold look-alike records the value frequencies cannot explain
 * (seen on a 10^8-row source whose generator correlated the fields): every candidate is then
 * "linked" and the model's error rates mean nothing. Null when the fit is not degenerate.
 *
 * @example
 * emDegeneracyWarning({ lambdaCandidates: 0.999, method: { m: 'em', u: 'em', lambda: 'em' } }); // 'EM put 99.9% …'
 */
export function emDegeneracyWarning(model: Pick<FellegiSunterModel, 'lambdaCandidates' | 'method'>): string | null {
  if (model.method.lambda !== 'em' || !(model.lambdaCandidates >= DEGENERATE_MATCH_SHARE)) return null;
  return `EM put ${(100 * model.lambdaCandidates).toFixed(1)}% of the candidate pairs in the match class: the fit is degenerate (dependent fields, or blocks of look-alike records), so links and their estimated error rates are not reliable; check the blocking rules and comparisons, or fix m from labelled pairs.`;
}
