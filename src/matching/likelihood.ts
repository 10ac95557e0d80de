/**
 * Likelihood ratio for the propositions
 *   Hc: "the displayed profile was copied from the paired source profile" and
 *   Hi: "the displayed profile is independent of it (an unrelated profile of the same population)",
 * per profile and combined, with the ENFSI (2015) verbal scale.
 *
 * Model (Fellegi & Sunter 1969; Splink; Enamorado, Fifield & Imai 2019 "fastLink"):
 * fields are conditionally independent given the proposition; for field f with level l,
 *   m_f(l) = P(level l | copied),   u_f(l) = P(level l | independent);
 * a null ("missing") level carries weight 1 and is left out (missing at random; treating a
 * missing value as agreement or disagreement is the counter-example REFERENCES warns about).
 * Per profile: LR_i = prod_f m_f(l_if) / u_f(l_if).
 *
 * - u comes from unrelated pairs (the permutation cells or sampled random pairs), never from
 *   the observed pairs (Splink: estimating u from candidate pairs biases it).
 * - m is estimated by the project's one Fellegi-Sunter EM (`compare.fellegiSunterEm`,
 *   Winkler 1988; fastLink) on the observed pairs as a two-class mixture (share lambda copied),
 *   with u held fixed; the fitted m is then Jeffreys-smoothed with its expected counts (+1/2 per
 *   level) so a level the sample never showed keeps a small probability. Or pass `m` to fix it.
 *
 * Combined, over independent profiles:
 * - `log10LrAllCopied` = sum_i log10 LR_i: every displayed profile copied vs every one independent
 *   (a product under independence: an internal quantity, never reported; the reported combination
 *   is in combine.ts);
 * - `log10LrMixture` = sum_i log10(lambda LR_i + 1 - lambda): "a share lambda (estimated) was
 *   copied" vs "none was" — robust to a few profiles that came from elsewhere.
 * Either is reported with its ENFSI verbal equivalent (`stats.enfsiVerbalScale`; values
 * beyond 10^300 are classed at 10^300, which is 'extremely strong' either way).
 */
import { fellegiSunterEm, type FieldInfo } from '../compare/fellegiSunter';
import { countPatterns } from '../compare/patterns';
import { enfsiVerbalScale, type EnfsiVerbal } from '../stats/enfsiVerbalScale';
import { logSumExp } from '../stats/logSumExp';
import type { LevelMatrix } from './compare';

export interface LevelProbability {
  field: string;
  level: number;
  label: string;
  isNull: boolean;
  /** m_f(l) (NaN for a null level) */
  m: number;
  /** u_f(l) (NaN for a null level) */
  u: number;
  /** match weight log2(m/u) (Fellegi-Sunter); 0 for a null level */
  weight: number;
}

export interface ProfileLikelihood {
  id: string;
  uploader: string | null;
  log10Lr: number;
  /**
   * P(copied | levels) under the fitted mixture, whose prior is the EM share lambda estimated
   * from the same pairs: an internal quantity of the EM, never to be reported as a posterior.
   */
  posterior: number;
  verbal: EnfsiVerbal;
}

export interface LikelihoodResult {
  probabilities: LevelProbability[];
  /** estimated share of copied profiles (or the fixed value) */
  lambda: number;
  iterations: number;
  converged: boolean;
  profiles: ProfileLikelihood[];
  log10LrAllCopied: number;
  log10LrMixture: number;
  verbalAllCopied: EnfsiVerbal;
  verbalMixture: EnfsiVerbal;
}

export interface LikelihoodOptions {
  /** fixed m probabilities m[f][level] (null levels ignored); default: EM estimate */
  m?: number[][];
  /** starting / fixed lambda (default: start at 0.5, estimated) */
  lambda?: number;
  maxIterations?: number;
  tolerance?: number;
}

const LOG10_CAP = 300;

/** ENFSI verbal equivalent of a likelihood ratio given by its log10 (capped at +-300). */
export function verbalFromLog10(log10Lr: number): EnfsiVerbal {
  const x = Math.max(-LOG10_CAP, Math.min(LOG10_CAP, log10Lr));
  const v = enfsiVerbalScale(Math.pow(10, x));
  return { ...v, lr: Math.pow(10, log10Lr) };
}

/**
 * u probabilities from level counts among unrelated pairs: null levels excluded, Jeffreys
 * smoothing (+pseudoCount per level).
 */
export function uFromCounts(levelCounts: number[][], grades: LevelMatrix['grades'], pseudoCount = 0.5): number[][] {
  return levelCounts.map((counts, f) => {
    const g = grades[f]!;
    let total = 0;
    for (let l = 0; l < counts.length; l++) if (g[l] !== 'missing') total += counts[l]! + pseudoCount;
    return counts.map((c, l) => (g[l] === 'missing' ? NaN : (c + pseudoCount) / total));
  });
}

/** The level matrix's fields as the linkage engine's `FieldInfo` (null level = missing grade). */
export function fieldInfos(matrix: LevelMatrix): FieldInfo[] {
  return matrix.fields.map((name, f) => ({
    name, description: name,
    levels: matrix.labels[f]!.map((label, l) => ({ label, description: label, isNull: matrix.grades[f]![l] === 'missing' })),
  }));
}

/**
 * m by the project's one Fellegi-Sunter EM (`compare.fellegiSunterEm`) with u fixed,
 * run over the matrix's agreement patterns; or the given m (`options.m`).
 */
function estimateM(matrix: LevelMatrix, u: number[][], options: LikelihoodOptions): { m: number[][]; lambda: number; iterations: number; converged: boolean } {
  if (options.m) return { m: options.m.map((r) => r.slice()), lambda: options.lambda ?? 0.5, iterations: 0, converged: true };
  const fields = fieldInfos(matrix);
  const patterns = countPatterns(matrix.levels, fields.map((f) => f.levels.length));
  const r = fellegiSunterEm(patterns, fields, {
    u: u.map((r) => Float64Array.from(r)),
    m0: initialM(matrix),
    lambda0: options.lambda ?? 0.5,
    fixLambda: options.lambda !== undefined,
    maxIterations: options.maxIterations ?? 500,
    tolerance: options.tolerance ?? 1e-9,
  });
  // Jeffreys smoothing of the fitted m with its expected counts (lambda x pairs showing the
  // field, +1/2 per non-null level), so a level the sample never showed is not given ~0.
  const F = matrix.fields.length;
  const m = r.m.map((row, f) => {
    let shown = 0;
    for (let i = 0; i < matrix.ids.length; i++) if (!fields[f]!.levels[matrix.levels[i * F + f]!]!.isNull) shown++;
    const c = r.lambda * shown;
    const L = fields[f]!.levels.filter((l) => !l.isNull).length;
    return Array.from(row, (x, l) => (fields[f]!.levels[l]!.isNull ? NaN : (x * c + 0.5) / (c + 0.5 * L)));
  });
  return { m, lambda: r.lambda, iterations: r.iterations, converged: r.converged };
}

/** Starting m: favour the closer grades (same > basically > different). */
function initialM(matrix: LevelMatrix): Float64Array[] {
  return matrix.grades.map((gs) => {
    const raw = gs.map((g) => (g === 'same' ? 8 : g === 'basically' ? 4 : g === 'different' ? 1 : NaN));
    const t = raw.reduce((a, b) => (Number.isNaN(b) ? a : a + b), 0);
    return Float64Array.from(raw, (x) => x / t);
  });
}

/** Per-profile and combined likelihood ratios (see the module comment). */
export function likelihoodRatios(matrix: LevelMatrix, u: number[][], options: LikelihoodOptions = {}): LikelihoodResult {
  const F = matrix.fields.length;
  const n = matrix.ids.length;
  const isNull = matrix.grades.map((gs) => gs.map((g) => g === 'missing'));
  if (u.length !== F) throw new RangeError('u has a different number of fields from the level matrix');
  const { m, lambda, iterations: it, converged } = estimateM(matrix, u, options);
  const logU = u.map((row) => row.map((x) => Math.log(x)));
  const logM = m.map((row) => row.map((x) => Math.log(x)));
  const logLr = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let f = 0; f < F; f++) {
      const l = matrix.levels[i * F + f]!;
      if (isNull[f]![l]) continue;
      s += logM[f]![l]! - logU[f]![l]!;
    }
    logLr[i] = s;
  }
  const logLam = Math.log(lambda);
  const log1Lam = Math.log1p(-lambda);
  const probabilities: LevelProbability[] = [];
  for (let f = 0; f < F; f++) {
    for (let l = 0; l < matrix.grades[f]!.length; l++) {
      const nul = isNull[f]![l]!;
      const mm = nul ? NaN : m[f]![l]!;
      const uu = nul ? NaN : u[f]![l]!;
      probabilities.push({ field: matrix.fields[f]!, level: l, label: matrix.labels[f]![l]!, isNull: nul, m: mm, u: uu, weight: nul ? 0 : Math.log2(mm / uu) });
    }
  }
  let allCopied = 0;
  let mixture = 0;
  const profiles: ProfileLikelihood[] = [];
  for (let i = 0; i < n; i++) {
    const l10 = logLr[i]! / Math.LN10;
    allCopied += l10;
    // log10(lambda LR + 1 - lambda), and the mixture's posterior
    const a = logLam + logLr[i]!;
    const lse = logSumExp([a, log1Lam]);
    mixture += lse / Math.LN10;
    profiles.push({ id: matrix.ids[i]!, uploader: matrix.uploaders[i] ?? null, log10Lr: l10, posterior: Math.exp(a - lse), verbal: verbalFromLog10(l10) });
  }
  return {
    probabilities, lambda, iterations: it, converged, profiles,
    log10LrAllCopied: allCopied, log10LrMixture: mixture,
    verbalAllCopied: verbalFromLog10(allCopied), verbalMixture: verbalFromLog10(mixture),
  };
}
