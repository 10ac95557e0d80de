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
import { poissonBinomialUpperTail } from '../stats/poissonBinomialUpperTail';
import { quantileSorted } from '../stats/quantileSorted';
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
  /** re-paired within each uploader's network */
  withinUploader: boolean;
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
  /**
   * Re-pair only within each uploader's network (the displayed profile with the source profiles
   * of the other displayed profiles of the same network): one network's contacts share
   * employers and schools, so this baseline is the fair one. Default false (every source row).
   */
  withinUploader?: boolean;
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

/** Per field and level: counts as agreement, its score weight, is the null level. */
interface LevelTables {
  agree: Uint8Array[];
  score: Uint8Array[];
  isNull: Uint8Array[];
}

function levelTables(comparisons: readonly Comparison<PreparedProfile>[]): LevelTables {
  const grades = comparisons.map((c) => c.levels.map(gradeOf));
  return {
    agree: grades.map((gs) => Uint8Array.from(gs, (g) => (isAgreement(g) ? 1 : 0))),
    score: grades.map((gs) => Uint8Array.from(gs, (g) => SCORE_WEIGHTS[g])),
    isNull: grades.map((gs) => Uint8Array.from(gs, (g) => (g === 'missing' ? 1 : 0))),
  };
}

/**
 * Who may be re-paired with whom. One stratum per uploader network (`withinUploader`): a
 * displayed profile is re-paired only with the source profiles of the displayed profiles of
 * the same network; otherwise one stratum, every source row.
 */
export interface PermutationStrata {
  /** displayed rows of each stratum */
  members: Int32Array[];
  /** source rows each stratum re-pairs with */
  pools: Int32Array[];
  /** per displayed row: its stratum, its true partner's position in the pool, its first cell */
  stratumOf: Int32Array;
  ownPosition: Int32Array;
  cellStart: Float64Array;
  cells: number;
}

export function permutationStrata(paired: PairedTables, withinUploader: boolean): PermutationStrata {
  const n = paired.displayed.length;
  const m = paired.source.length;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = withinUploader ? (paired.displayed[i]!.uploader ?? '(none)') : '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  const members: Int32Array[] = [];
  const pools: Int32Array[] = [];
  const stratumOf = new Int32Array(n);
  const ownPosition = new Int32Array(n).fill(-1);
  const cellStart = new Float64Array(n);
  let cells = 0;
  for (const rows of groups.values()) {
    const s = members.length;
    const pool = withinUploader ? Int32Array.from(rows, (i) => paired.sourceIndex[i]!) : Int32Array.from({ length: m }, (_, j) => j);
    if (pool.length < 2) throw new RangeError(`a re-pairing stratum needs at least two source profiles (network of ${JSON.stringify(paired.displayed[rows[0]!]!.uploader)} has ${pool.length})`);
    const pos = new Map<number, number>();
    pool.forEach((j, k) => pos.set(j, k));
    for (const i of rows) {
      stratumOf[i] = s;
      ownPosition[i] = pos.get(paired.sourceIndex[i]!) ?? -1;
      cellStart[i] = cells;
      cells += pool.length;
    }
    members.push(Int32Array.from(rows));
    pools.push(pool);
  }
  return { members, pools, stratumOf, ownPosition, cellStart, cells };
}

/** What unrelated pairs (j != true partner) show: the expectations under "independent". */
interface UnrelatedTally {
  levelCounts: number[][];
  /** per field: unrelated pairs compared (both present), agreeing */
  compared: Float64Array;
  agree: Float64Array;
  /** sum over displayed rows of the share of its unrelated pairs agreeing on all shown fields / per statistic */
  all: number;
  score: number;
  field: Float64Array;
  /** shown profiles met (sampled mode) and those agreeing on all shown fields */
  shownPairs: number;
  shownAgree: number;
  pairs: number;
}

function newTally(comparisons: readonly Comparison<PreparedProfile>[]): UnrelatedTally {
  const F = comparisons.length;
  return {
    levelCounts: comparisons.map((c) => new Array<number>(c.levels.length).fill(0)),
    compared: new Float64Array(F), agree: new Float64Array(F), all: 0, score: 0, field: new Float64Array(F), shownPairs: 0, shownAgree: 0, pairs: 0,
  };
}

/** Agreement bits and score of one level vector; tallies it as an unrelated pair when asked. */
function summariseLevels(levels: Uint8Array, t: LevelTables, tally: UnrelatedTally | null): { bits: number; score: number } {
  let bits = 0;
  let score = 0;
  for (let f = 0; f < levels.length; f++) {
    const l = levels[f]!;
    if (t.agree[f]![l]) bits |= 1 << f;
    score += t.score[f]![l]!;
    if (tally) {
      tally.levelCounts[f]![l]!++;
      if (!t.isNull[f]![l]) {
        tally.compared[f]!++;
        if (t.agree[f]![l]) tally.agree[f]!++;
      }
    }
  }
  return { bits: bits >>> 0, score };
}

const agreesOnShown = (bits: number, shown: number) => shown !== 0 && (bits & shown) >>> 0 === shown;

/** Every displayed x pool cell compared once (exhaustive mode), with the exact expectations. */
function precomputeCells(
  paired: PairedTables, comparisons: readonly Comparison<PreparedProfile>[], strata: PermutationStrata, t: LevelTables, shown: Uint32Array, tally: UnrelatedTally,
): { agree: Uint32Array; score: Uint8Array } {
  const F = comparisons.length;
  const ev = evaluator(paired, comparisons);
  const tmp = new Uint8Array(F);
  const agree = new Uint32Array(strata.cells);
  const score = new Uint8Array(strata.cells);
  for (let i = 0; i < paired.displayed.length; i++) {
    const pool = strata.pools[strata.stratumOf[i]!]!;
    const own = strata.ownPosition[i]!;
    const start = strata.cellStart[i]!;
    const rowField = new Float64Array(F);
    let rowAll = 0;
    let rowScore = 0;
    for (let k = 0; k < pool.length; k++) {
      ev.levels(i, pool[k]!, tmp);
      const unrelated = k !== own;
      const c = summariseLevels(tmp, t, unrelated ? tally : null);
      agree[start + k] = c.bits;
      score[start + k] = c.score;
      if (!unrelated) continue;
      rowScore += c.score;
      if (c.bits !== 0) for (let f = 0; f < F; f++) if (c.bits & (1 << f)) rowField[f]!++;
      if (agreesOnShown(c.bits, shown[i]!)) rowAll++;
    }
    const d = pool.length - (own >= 0 ? 1 : 0) || 1;
    tally.all += rowAll / d;
    tally.score += rowScore / d;
    for (let f = 0; f < F; f++) tally.field[f]! += rowField[f]! / d;
    if (shown[i] !== 0) tally.shownPairs++;
  }
  return { agree, score };
}

/** Permutation distributions of the statistics: allShownAgree[b], score[b], fieldAgree[b * F + f]. */
function drawPermutations(
  paired: PairedTables, comparisons: readonly Comparison<PreparedProfile>[], strata: PermutationStrata, t: LevelTables, shown: Uint32Array,
  cells: { agree: Uint32Array; score: Uint8Array } | null, tally: UnrelatedTally, B: number, seed: number, onProgress?: (done: number, total: number) => void,
): { all: Int32Array; score: Int32Array; field: Int32Array } {
  const F = comparisons.length;
  const ev = evaluator(paired, comparisons);
  const tmp = new Uint8Array(F);
  const rng: Rng = seededRandom(seed);
  const perms = strata.pools.map((p) => Int32Array.from(p, (_, k) => k));
  const distAll = new Int32Array(B);
  const distScore = new Int32Array(B);
  const distField = new Int32Array(B * F);
  const block = Math.max(1, Math.floor(B / 100));
  for (let b = 0; b < B; b++) {
    let all = 0;
    let score = 0;
    const base = b * F;
    for (let s = 0; s < strata.members.length; s++) {
      const rows = strata.members[s]!;
      const perm = perms[s]!;
      const mPool = perm.length;
      // partial Fisher-Yates: perm[0..rows) is a uniform random injection into the pool
      for (let k = 0; k < rows.length; k++) {
        const r = k + Math.floor(rng() * (mPool - k));
        const x = perm[k]!;
        perm[k] = perm[r]!;
        perm[r] = x;
      }
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        const k = perm[r]!;
        let bits: number;
        if (cells) {
          bits = cells.agree[strata.cellStart[i]! + k]!;
          score += cells.score[strata.cellStart[i]! + k]!;
        } else {
          ev.levels(i, strata.pools[s]![k]!, tmp);
          const unrelated = k !== strata.ownPosition[i];
          const c = summariseLevels(tmp, t, unrelated ? tally : null);
          bits = c.bits;
          score += c.score;
          if (unrelated) {
            tally.pairs++;
            if (agreesOnShown(bits, shown[i]!)) tally.all++;
            if (shown[i] !== 0) {
              tally.shownPairs++;
              if (agreesOnShown(bits, shown[i]!)) tally.shownAgree++;
            }
            for (let f = 0; f < F; f++) if (bits & (1 << f)) tally.field[f]!++;
            tally.score += c.score;
          }
        }
        if (agreesOnShown(bits, shown[i]!)) all++;
        if (bits !== 0) for (let f = 0; f < F; f++) if (bits & (1 << f)) distField[base + f]!++;
      }
    }
    distAll[b] = all;
    distScore[b] = score;
    if (onProgress && ((b + 1) % block === 0 || b + 1 === B)) onProgress(b + 1, B);
  }
  return { all: distAll, score: distScore, field: distField };
}

/** The statistics of the true pairing. */
function observedStatistics(observed: LevelMatrix, t: LevelTables, shown: Uint32Array): { all: number; score: number; field: Int32Array; shownProfiles: number } {
  const F = observed.fields.length;
  const n = observed.ids.length;
  let all = 0;
  let score = 0;
  let shownProfiles = 0;
  const field = new Int32Array(F);
  for (let i = 0; i < n; i++) {
    const c = summariseLevels(observed.levels.subarray(i * F, i * F + F), t, null);
    score += c.score;
    for (let f = 0; f < F; f++) if (c.bits & (1 << f)) field[f]!++;
    if (shown[i] !== 0) {
      shownProfiles++;
      if (agreesOnShown(c.bits, shown[i]!)) all++;
    }
  }
  return { all, score, field, shownProfiles };
}

/** Observed against its permutation distribution: quantiles and the two p-values. */
function summariseStatistic(name: string, obs: number, dist: Int32Array, expected: number, tieRng: Rng): NullStatistic {
  let ge = 0;
  let gt = 0;
  let sum = 0;
  for (let b = 0; b < dist.length; b++) {
    if (dist[b]! >= obs) ge++;
    if (dist[b]! > obs) gt++;
    sum += dist[b]!;
  }
  const sorted = Float64Array.from(dist).sort();
  return {
    name, observed: obs, expected, permutationMean: sum / dist.length,
    q025: quantileSorted(sorted, 0.025), q50: quantileSorted(sorted, 0.5), q975: quantileSorted(sorted, 0.975),
    pValue: (1 + ge) / (dist.length + 1),
    pValueRandomized: (gt + tieRng() * (1 + ge - gt)) / (dist.length + 1),
  };
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
  if (observed.fields.length !== F) throw new RangeError('observed level matrix and comparisons have different fields');
  const t = levelTables(comparisons);
  const shown = shownBits(paired.displayed, comparisons);
  const strata = permutationStrata(paired, options.withinUploader === true);
  const tally = newTally(comparisons);
  const exhaustive = strata.cells <= maxCells;
  const cells = exhaustive ? precomputeCells(paired, comparisons, strata, t, shown, tally) : null;
  const dist = drawPermutations(paired, comparisons, strata, t, shown, cells, tally, B, seed, options.onProgress);
  const obs = observedStatistics(observed, t, shown);
  // Expectation under "independent": n x the mean contribution of an UNRELATED pair, exact
  // over all cells when exhaustive, from the unrelated pairs met while permuting otherwise.
  const scale = exhaustive ? 1 : n / (tally.pairs || 1);
  const tieRng = seededRandom(deriveSeed(seed, 'tie-break'));
  const fieldDist = (f: number) => Int32Array.from({ length: B }, (_, b) => dist.field[b * F + f]!);
  const statistics: NullStatistic[] = [
    summariseStatistic('allShownAgree', obs.all, dist.all, tally.all * scale, tieRng),
    summariseStatistic('score', obs.score, dist.score, tally.score * scale, tieRng),
    ...comparisons.map((c, f) => summariseStatistic(`agree:${c.name}`, obs.field[f]!, fieldDist(f), tally.field[f]! * scale, tieRng)),
  ];
  const expectedFieldRate = Array.from(tally.agree, (a, f) => (tally.compared[f]! > 0 ? a / tally.compared[f]! : NaN));
  const expectedOverallRate = exhaustive
    ? (obs.shownProfiles > 0 ? tally.all / obs.shownProfiles : NaN)
    : (tally.shownPairs > 0 ? tally.shownAgree / tally.shownPairs : NaN);
  return {
    permutations: B, seed, exhaustiveCells: exhaustive, withinUploader: options.withinUploader === true, n, m, fields: comparisons.map((c) => c.name),
    allShownAgree: dist.all, score: dist.score, fieldAgree: dist.field, statistics,
    levelCounts: tally.levelCounts, expectedFieldRate, expectedOverallRate,
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
  const { log10P, method } = poissonBinomialUpperTail(probs, observedAllShownAgree);
  return { fields: out, perProfile, expectedAllShownAgree: expected, observedAllShownAgree, log10PValue: log10P, method };
}
