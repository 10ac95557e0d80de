/**
 * The coincidence baseline: how much agreement a displayed profile shows with an UNRELATED
 * source profile from the same population (the proposition "independent": the display was
 * not derived from the source).
 *
 * Two estimates:
 * 1. Permutation null (Fisher 1935; Good, "Permutation, Parametric and Bootstrap Tests of
 *    Hypotheses", 3rd ed. 2005): re-pair each displayed profile with a random distinct
 *    source profile (a uniformly random injection of the displayed rows into the source
 *    rows, partial Fisher-Yates), recompute the statistics, repeat B times;
 *    p = (1 + #{T_b >= T_obs}) / (B + 1) (Phipson & Smyth, "Permutation p-values should never
 *    be zero", SAGMB 9(1), 2010). When n x m is small enough (default <= 4,000,000 cells)
 *    every displayed x source cell is compared once and each permutation only reads the
 *    precomputed cells (typed arrays), so 10,000 permutations over 300 pairs take well under
 *    a second; beyond that each permutation compares its n pairs directly.
 *    The exact null expectation comes from the cells too: E[T] = sum_i mean_j T(i, j).
 * 2. Analytic estimate from value frequencies (term-frequency u-probabilities, Fellegi &
 *    Sunter 1969; Splink's term-frequency adjustment): for a displayed value v, the chance
 *    that an unrelated source profile carries the same canonical value is its share among
 *    the other source profiles, with the Krichevsky-Trofimov (add-1/2) estimate so unseen
 *    values get a small non-zero chance; for the avatar, plus the chance that a random
 *    hash falls within the Hamming threshold, modelling unrelated hashes' bits as fair coins
 *    (Binomial(bits, 1/2); real perceptual hashes are correlated, so prefer the permutation
 *    figure for the avatar). Fields are taken as independent; a profile's chance of agreeing
 *    on all shown fields is the product; the count of such profiles is Poisson-binomial,
 *    whose upper tail gives the analytic p-value (exact in log space up to 3,000 profiles,
 *    Poisson approximation beyond, Le Cam 1960).
 *    Key equality ignores the fuzzy part of "basically the same" (edit similarity), so the
 *    analytic figure is a lower estimate of coincidence for text fields; the permutation
 *    figure includes everything the comparisons count.
 */
import { binomialCdf } from '../stats/binomialCdf';
import { logPoissonPmf } from '../stats/logPoissonPmf';
import { deriveSeed, seededRandom, type Rng } from '../stats/random';
import { compareField, type Comparison } from '../compare/comparison';
import { shownBits, type LevelMatrix, type PairedTables } from './compare';
import { gradeOf, isAgreement, type Grade, type MatchThresholds } from './levels';
import type { PreparedProfile } from './profile';

/** Grade weights of the total agreement score: same 2, basically 1, else 0. */
export const SCORE_WEIGHTS: Record<Grade, number> = { same: 2, basically: 1, different: 0, missing: 0 };

export interface NullStatistic {
  /** statistic name: 'allShownAgree', 'score', or 'agree:<field>' */
  name: string;
  observed: number;
  /**
   * expectation under "independent": n x the mean contribution of an UNRELATED pair (true
   * partners excluded); exact over all cells when exhaustive, else from the permuted pairs
   */
  expected: number;
  /**
   * mean of the permutation distribution (re-pairing can draw a true partner back, with
   * chance 1/m per profile, so this is slightly above `expected` when there is copying)
   */
  permutationMean: number;
  /** 2.5%, 50%, 97.5% quantiles of the permutation distribution */
  q025: number;
  q50: number;
  q975: number;
  /** one-sided permutation p-value, (1 + #{T_b >= T_obs}) / (B + 1): conservative with ties */
  pValue: number;
  /**
   * randomised (tie-breaking) p-value, (#{T_b > T_obs} + U (1 + #{T_b = T_obs})) / (B + 1)
   * with U uniform on [0, 1) from a seeded stream: exactly uniform under the null even for
   * a discrete statistic (used to check calibration; report `pValue`)
   */
  pValueRandomized: number;
}

export interface PermutationNull {
  permutations: number;
  seed: number;
  /** true when every displayed x source cell was compared once */
  exhaustiveCells: boolean;
  n: number;
  m: number;
  fields: string[];
  /** permutation distribution of the number of profiles agreeing on all shown fields */
  allShownAgree: Int32Array;
  /** permutation distribution of the total agreement score */
  score: Int32Array;
  /** permutation distribution of per-field agreement counts: fieldAgree[b * F + f] */
  fieldAgree: Int32Array;
  statistics: NullStatistic[];
  /**
   * u-probabilities: share of each level among unrelated pairs (every cell except the true
   * pairs when exhaustive; the permuted pairs otherwise): u[f][level].
   * Null levels are included here; `likelihood.ts` leaves them out.
   */
  levelCounts: number[][];
  /** expected agreement rate per field among unrelated pairs with both values present */
  expectedFieldRate: number[];
  /** expected share of profiles agreeing on all shown fields among unrelated pairs */
  expectedOverallRate: number;
}

export interface PermutationOptions {
  permutations?: number;
  seed?: number;
  /** Largest n x m for which all cells are precomputed (default 4,000,000). */
  maxCells?: number;
  /** Called after each block of permutations (for a progress bar): done, total. */
  onProgress?: (done: number, total: number) => void;
}

interface CellEvaluator {
  F: number;
  /** levels of displayed i vs source j into out[0..F) */
  levels(i: number, j: number, out: Uint8Array): void;
}

function evaluator(paired: PairedTables, comparisons: readonly Comparison<PreparedProfile>[]): CellEvaluator {
  const F = comparisons.length;
  return {
    F,
    levels(i, j, out) {
      const d = paired.displayed[i]!;
      const s = paired.source[j]!;
      for (let f = 0; f < F; f++) out[f] = compareField(comparisons[f]!, d, s);
    },
  };
}

function quantileSorted(xs: Int32Array, q: number): number {
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
}

/** Permutation null of the agreement statistics (see the module comment). */
export function permutationNull(
  paired: PairedTables,
  comparisons: readonly Comparison<PreparedProfile>[],
  observed: LevelMatrix,
  options: PermutationOptions = {},
): PermutationNull {
  const B = options.permutations ?? 10_000;
  const seed = options.seed ?? 1;
  const maxCells = options.maxCells ?? 4_000_000;
  const n = paired.displayed.length;
  const m = paired.source.length;
  const F = comparisons.length;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`permutations must be a positive integer, got ${B}`);
  if (n > m) throw new RangeError(`the source table (${m} rows) must have at least as many rows as the displayed table (${n})`);
  if (n === 0) throw new RangeError('no displayed profiles to compare');
  const grades = comparisons.map((c) => c.levels.map(gradeOf));
  const agreeLevel = grades.map((gs) => Uint8Array.from(gs, (g) => (isAgreement(g) ? 1 : 0)));
  const scoreLevel = grades.map((gs) => Uint8Array.from(gs, (g) => SCORE_WEIGHTS[g]));
  const nullLevel = grades.map((gs) => Uint8Array.from(gs, (g) => (g === 'missing' ? 1 : 0)));
  const shown = shownBits(paired.displayed, comparisons);
  const ev = evaluator(paired, comparisons);
  const tmp = new Uint8Array(F);
  const levelCounts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
  const exhaustive = n * m <= maxCells;

  // Per-cell summaries when exhaustive: agreement bits, score.
  let cellAgree: Uint32Array | undefined;
  let cellScore: Uint8Array | undefined;
  let expectedAll = 0;
  const expAgree = new Float64Array(F);
  const expCompared = new Float64Array(F);
  if (exhaustive) {
    cellAgree = new Uint32Array(n * m);
    cellScore = new Uint8Array(n * m);
    for (let i = 0; i < n; i++) {
      const own = paired.sourceIndex[i]!;
      let allCount = 0;
      for (let j = 0; j < m; j++) {
        ev.levels(i, j, tmp);
        let bits = 0;
        let score = 0;
        for (let f = 0; f < F; f++) {
          const l = tmp[f]!;
          if (agreeLevel[f]![l]) bits |= 1 << f;
          score += scoreLevel[f]![l]!;
          if (j !== own) {
            levelCounts[f]![l]!++;
            if (!nullLevel[f]![l]) {
              expCompared[f]!++;
              if (agreeLevel[f]![l]) expAgree[f]!++;
            }
          }
        }
        cellAgree[i * m + j] = bits >>> 0;
        cellScore[i * m + j] = score;
        const s = shown[i]!;
        if (j !== own && s !== 0 && (bits & s) >>> 0 === s) allCount++;
      }
      expectedAll += allCount / (m - 1 || 1);
    }
  }

  const rng: Rng = seededRandom(seed);
  const perm = new Int32Array(m);
  for (let j = 0; j < m; j++) perm[j] = j;
  const distAll = new Int32Array(B);
  const distScore = new Int32Array(B);
  const distField = new Int32Array(B * F);
  const block = Math.max(1, Math.floor(B / 100));
  let sampledOverallShown = 0;
  let sampledOverallAgree = 0;
  let unrelatedPairs = 0;
  let unrelatedAll = 0;
  let unrelatedScore = 0;
  const unrelatedField = new Float64Array(F);
  for (let b = 0; b < B; b++) {
    // partial Fisher-Yates: perm[0..n) is a uniform random injection
    for (let k = 0; k < n; k++) {
      const r = k + Math.floor(rng() * (m - k));
      const t = perm[k]!;
      perm[k] = perm[r]!;
      perm[r] = t;
    }
    let all = 0;
    let score = 0;
    const base = b * F;
    for (let i = 0; i < n; i++) {
      const j = perm[i]!;
      let bits: number;
      if (exhaustive) {
        bits = cellAgree![i * m + j]!;
        score += cellScore![i * m + j]!;
      } else {
        ev.levels(i, j, tmp);
        bits = 0;
        for (let f = 0; f < F; f++) {
          const l = tmp[f]!;
          if (agreeLevel[f]![l]) bits |= 1 << f;
          score += scoreLevel[f]![l]!;
          if (j !== paired.sourceIndex[i]) {
            levelCounts[f]![l]!++;
            if (!nullLevel[f]![l]) {
              expCompared[f]!++;
              if (agreeLevel[f]![l]) expAgree[f]!++;
            }
          }
        }
      }
      const s = shown[i]!;
      const agreesAll = s !== 0 && (bits & s) >>> 0 === s;
      if (agreesAll) all++;
      if (!exhaustive && j !== paired.sourceIndex[i]) {
        unrelatedPairs++;
        if (agreesAll) unrelatedAll++;
        if (s !== 0) {
          sampledOverallShown++;
          if (agreesAll) sampledOverallAgree++;
        }
        let sc = 0;
        for (let f = 0; f < F; f++) {
          if (bits & (1 << f)) unrelatedField[f]!++;
          sc += scoreLevel[f]![tmp[f]!]!;
        }
        unrelatedScore += sc;
      }
      if (bits !== 0) for (let f = 0; f < F; f++) if (bits & (1 << f)) distField[base + f]!++;
    }
    distAll[b] = all;
    distScore[b] = score;
    if (options.onProgress && ((b + 1) % block === 0 || b + 1 === B)) options.onProgress(b + 1, B);
  }

  // Observed statistics from the true pairing.
  const Fo = observed.fields.length;
  if (Fo !== F) throw new RangeError('observed level matrix and comparisons have different fields');
  let obsAll = 0;
  let obsScore = 0;
  const obsField = new Int32Array(F);
  let shownProfiles = 0;
  for (let i = 0; i < n; i++) {
    let bits = 0;
    for (let f = 0; f < F; f++) {
      const l = observed.levels[i * F + f]!;
      if (agreeLevel[f]![l]) {
        bits |= 1 << f;
        obsField[f]!++;
      }
      obsScore += scoreLevel[f]![l]!;
    }
    const s = shown[i]!;
    if (s !== 0) {
      shownProfiles++;
      if ((bits & s) >>> 0 === s) obsAll++;
    }
  }

  const tieRng = seededRandom(deriveSeed(seed, 'tie-break'));
  const stat = (name: string, obs: number, dist: Int32Array, expected: number): NullStatistic => {
    let ge = 0;
    let gt = 0;
    let sum = 0;
    for (let b = 0; b < dist.length; b++) {
      if (dist[b]! >= obs) ge++;
      if (dist[b]! > obs) gt++;
      sum += dist[b]!;
    }
    const sorted = Int32Array.from(dist).sort();
    const mean = sum / dist.length;
    return {
      name, observed: obs, expected, permutationMean: mean,
      q025: quantileSorted(sorted, 0.025), q50: quantileSorted(sorted, 0.5), q975: quantileSorted(sorted, 0.975),
      pValue: (1 + ge) / (dist.length + 1),
      pValueRandomized: (gt + tieRng() * (1 + ge - gt)) / (dist.length + 1),
    };
  };
  const fieldDist = (f: number) => {
    const d = new Int32Array(B);
    for (let b = 0; b < B; b++) d[b] = distField[b * F + f]!;
    return d;
  };
  // Expectation under "independent": the mean over UNRELATED pairs (j != true partner) of each
  // statistic's per-pair contribution, times n. Exact over all cells when exhaustive; from the
  // unrelated pairs met during the permutations otherwise.
  let expAll: number;
  let expScore: number;
  const expField = new Float64Array(F);
  if (exhaustive) {
    expAll = 0;
    expScore = 0;
    for (let i = 0; i < n; i++) {
      const own = paired.sourceIndex[i]!;
      const sh = shown[i]!;
      let rowScore = 0;
      let rowAll = 0;
      const rowField = new Float64Array(F);
      for (let j = 0; j < m; j++) {
        if (j === own) continue;
        rowScore += cellScore![i * m + j]!;
        const bits = cellAgree![i * m + j]!;
        if (bits !== 0) for (let f = 0; f < F; f++) if (bits & (1 << f)) rowField[f]!++;
        if (sh !== 0 && (bits & sh) >>> 0 === sh) rowAll++;
      }
      const d = m - 1 || 1;
      expScore += rowScore / d;
      expAll += rowAll / d;
      for (let f = 0; f < F; f++) expField[f]! += rowField[f]! / d;
    }
  } else {
    const c = unrelatedPairs || 1;
    expAll = (n * unrelatedAll) / c;
    expScore = (n * unrelatedScore) / c;
    for (let f = 0; f < F; f++) expField[f] = (n * unrelatedField[f]!) / c;
  }
  const statistics: NullStatistic[] = [
    stat('allShownAgree', obsAll, distAll, expAll),
    stat('score', obsScore, distScore, expScore),
    ...comparisons.map((c, f) => stat(`agree:${c.name}`, obsField[f]!, fieldDist(f), expField[f])),
  ];
  const expectedFieldRate = Array.from(expAgree, (a, f) => (expCompared[f]! > 0 ? a / expCompared[f]! : NaN));
  const expectedOverallRate = exhaustive
    ? (shownProfiles > 0 ? expectedAll / shownProfiles : NaN)
    : (sampledOverallShown > 0 ? sampledOverallAgree / sampledOverallShown : NaN);
  return {
    permutations: B, seed, exhaustiveCells: exhaustive, n, m, fields: comparisons.map((c) => c.name),
    allShownAgree: distAll, score: distScore, fieldAgree: distField, statistics,
    levelCounts, expectedFieldRate, expectedOverallRate,
  };
}

/**
 * Level counts among `pairs` random unrelated (displayed, source) pairs (j != true partner):
 * the u-probabilities for a likelihood ratio when a full permutation null is not needed
 * (e.g. in the sensitivity sweep).
 */
export function sampleUnrelatedPairs(
  paired: PairedTables, comparisons: readonly Comparison<PreparedProfile>[], pairs = 20_000, seed = 1,
): { levelCounts: number[][]; expectedFieldRate: number[]; expectedOverallRate: number; pairs: number } {
  const n = paired.displayed.length;
  const m = paired.source.length;
  if (m < 2) throw new RangeError('need at least two source profiles for unrelated pairs');
  const F = comparisons.length;
  const grades = comparisons.map((c) => c.levels.map(gradeOf));
  const levelCounts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
  const agree = new Float64Array(F);
  const compared = new Float64Array(F);
  const shown = shownBits(paired.displayed, comparisons);
  const ev = evaluator(paired, comparisons);
  const tmp = new Uint8Array(F);
  const rng = seededRandom(seed);
  let allShown = 0;
  let allAgree = 0;
  for (let k = 0; k < pairs; k++) {
    const i = Math.floor(rng() * n);
    let j = Math.floor(rng() * (m - 1));
    if (j >= paired.sourceIndex[i]!) j++;
    ev.levels(i, j, tmp);
    let bits = 0;
    for (let f = 0; f < F; f++) {
      const l = tmp[f]!;
      levelCounts[f]![l]!++;
      const g = grades[f]![l]!;
      if (g !== 'missing') compared[f]!++;
      if (isAgreement(g)) {
        agree[f]!++;
        bits |= 1 << f;
      }
    }
    const s = shown[i]!;
    if (s !== 0) {
      allShown++;
      if ((bits & s) >>> 0 === s) allAgree++;
    }
  }
  return {
    levelCounts,
    expectedFieldRate: Array.from(agree, (a, f) => (compared[f]! > 0 ? a / compared[f]! : NaN)),
    expectedOverallRate: allShown > 0 ? allAgree / allShown : NaN,
    pairs,
  };
}

// ---------------------------------------------------------------------------------------
// Analytic estimate from value frequencies

export interface AnalyticField {
  field: string;
  /** mean over compared displayed profiles of the chance an unrelated source profile agrees */
  expectedRate: number;
  /** displayed profiles showing the field */
  shown: number;
}

export interface AnalyticNull {
  fields: AnalyticField[];
  /** per displayed profile: chance that an unrelated source profile agrees on all its shown fields */
  perProfile: Float64Array;
  /** expected number of profiles agreeing on all shown fields (sum of perProfile) */
  expectedAllShownAgree: number;
  observedAllShownAgree: number;
  /** log10 of P(K >= observed) for K Poisson-binomial(perProfile) */
  log10PValue: number;
  method: 'poisson-binomial' | 'poisson';
}

type KeyOf = (p: PreparedProfile) => string | null;

const ANALYTIC_KEYS: Record<string, KeyOf> = {
  avatar: (p) => p.avatar,
  name: (p) => p.name.key || null,
  employer: (p) => p.employer.key || null,
  title: (p) => p.title.key || null,
  school: (p) => p.school.key || null,
  tags: (p) => (p.tags.length ? [...p.tags].sort().join('|') : null),
};

/**
 * Analytic coincidence estimate for the default fields (see the module comment).
 * `observedAllShownAgree` is the observed count to test (from `matchRates(...).overall.k`).
 */
export function analyticNull(
  paired: PairedTables, fields: readonly string[], observedAllShownAgree: number, thresholds: Pick<MatchThresholds, 'avatarMaxBits'>,
): AnalyticNull {
  const n = paired.displayed.length;
  const m = paired.source.length;
  const perProfile = new Float64Array(n).fill(1);
  const anyShown = new Uint8Array(n);
  const out: AnalyticField[] = [];
  for (const field of fields) {
    const key = ANALYTIC_KEYS[field];
    if (!key) throw new RangeError(`no analytic model for field '${field}' (known: ${Object.keys(ANALYTIC_KEYS).join(', ')})`);
    const counts = new Map<string, number>();
    let present = 0;
    for (let j = 0; j < m; j++) {
      const k = key(paired.source[j]!);
      if (k == null) continue;
      present++;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const distinct = counts.size;
    let sum = 0;
    let shown = 0;
    let fuzzy = 0;
    if (field === 'avatar') {
      const first = paired.source.find((p) => p.avatar)?.avatar ?? paired.displayed.find((p) => p.avatar)?.avatar;
      const bits = first ? first.length * 4 : 64;
      // chance that two unrelated hashes fall within the threshold, bits as fair coins
      fuzzy = thresholds.avatarMaxBits > 0 ? binomialCdf(thresholds.avatarMaxBits, bits, 0.5) : 0;
    }
    for (let i = 0; i < n; i++) {
      const d = paired.displayed[i]!;
      const k = key(d);
      if (k == null) continue;
      shown++;
      anyShown[i] = 1;
      const partner = paired.source[paired.sourceIndex[i]!]!;
      const own = key(partner) === k ? 1 : 0;
      const others = present - (key(partner) != null ? 1 : 0);
      const c = (counts.get(k) ?? 0) - own;
      // Krichevsky-Trofimov: (c + 1/2) / (N + (V + 1)/2), V distinct values seen, +1 for unseen
      const pExact = others > 0 ? (c + 0.5) / (others + (distinct + 1) / 2) : 0;
      const p = Math.min(1, pExact + (1 - pExact) * fuzzy);
      perProfile[i] = perProfile[i]! * p;
      sum += p;
    }
    out.push({ field, expectedRate: shown > 0 ? sum / shown : NaN, shown });
  }
  const probs: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!anyShown[i]) perProfile[i] = 0;
    else probs.push(perProfile[i]!);
  }
  const expected = probs.reduce((a, b) => a + b, 0);
  const { log10P, method } = log10PoissonBinomialUpper(probs, observedAllShownAgree);
  return { fields: out, perProfile, expectedAllShownAgree: expected, observedAllShownAgree, log10PValue: log10P, method };
}

const LN10 = Math.log(10);

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const mx = a > b ? a : b;
  return mx + Math.log(Math.exp(a - mx) + Math.exp(b - mx));
}

/**
 * log10 P(K >= k) for K a sum of independent Bernoulli(p_i) (Poisson-binomial): exact
 * dynamic programme in log space for up to 3,000 trials; Poisson(sum p_i) beyond (Le Cam
 * 1960: total-variation error at most 2 sum p_i^2).
 *
 * @example
 * log10PoissonBinomialUpper([0.5, 0.5], 2).log10P // => log10(0.25)
 */
export function log10PoissonBinomialUpper(p: readonly number[], k: number): { log10P: number; method: 'poisson-binomial' | 'poisson' } {
  const n = p.length;
  if (k <= 0) return { log10P: 0, method: 'poisson-binomial' };
  if (k > n) return { log10P: -Infinity, method: 'poisson-binomial' };
  if (n > 3000) {
    const lambda = p.reduce((a, b) => a + b, 0);
    if (lambda === 0) return { log10P: -Infinity, method: 'poisson' };
    // sum the pmf from k upward until terms are negligible
    let acc = -Infinity;
    for (let x = k; x <= n; x++) {
      const t = logPoissonPmf(x, lambda);
      acc = logAdd(acc, t);
      if (x > lambda && t < acc - 40) break;
    }
    return { log10P: Math.min(0, acc / LN10), method: 'poisson' };
  }
  // dist[j] = log P(K = j) after processing some trials, j = 0..n
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
      next[j] = logAdd(next[j]!, d + lq);
      next[j + 1] = logAdd(next[j + 1]!, d + lp);
    }
    [dist, next] = [next, dist];
  }
  let acc = -Infinity;
  for (let j = k; j <= n; j++) acc = logAdd(acc, dist[j]!);
  return { log10P: Math.min(0, acc / LN10), method: 'poisson-binomial' };
}
