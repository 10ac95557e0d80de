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
 * - m is estimated by EM on the observed pairs as a two-class mixture (share lambda copied),
 *   with u held fixed (fastLink's EM with u known), from Jeffreys-smoothed counts
 *   (+1/2 per level) so no level has probability 0. Or pass `m` to fix it.
 *
 * Combined, over independent profiles:
 * - `log10LrAllCopied` = sum_i log10 LR_i: every displayed profile copied vs every one independent;
 * - `log10LrMixture` = sum_i log10(lambda LR_i + 1 - lambda): "a share lambda (estimated) was
 *   copied" vs "none was" — robust to a few profiles that came from elsewhere.
 * Either is reported with its ENFSI verbal equivalent (`stats.enfsiVerbalScale`; values
 * beyond 10^300 are classed at 10^300, which is 'extremely strong' either way).
 */
import { enfsiVerbalScale, type EnfsiVerbal } from '../stats/enfsiVerbalScale';
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
  /** posterior probability of "copied" under the fitted mixture */
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
  /** pseudo-count added to every non-null level (default 0.5, Jeffreys) */
  pseudoCount?: number;
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

/** Per-profile and combined likelihood ratios (see the module comment). */
export function likelihoodRatios(matrix: LevelMatrix, u: number[][], options: LikelihoodOptions = {}): LikelihoodResult {
  const F = matrix.fields.length;
  const n = matrix.ids.length;
  const pc = options.pseudoCount ?? 0.5;
  const isNull = matrix.grades.map((gs) => gs.map((g) => g === 'missing'));
  if (u.length !== F) throw new RangeError('u has a different number of fields from the level matrix');
  const logU = u.map((row) => row.map((x) => Math.log(x)));
  // initial m: favour the closer grades (same > basically > different)
  let m: number[][] = options.m
    ? options.m.map((r) => r.slice())
    : matrix.grades.map((gs) => {
        const raw = gs.map((g) => (g === 'same' ? 8 : g === 'basically' ? 4 : g === 'different' ? 1 : NaN));
        const t = raw.reduce((a, b) => (Number.isNaN(b) ? a : a + b), 0);
        return raw.map((x) => x / t);
      });
  let lambda = options.lambda ?? 0.5;
  const fixM = options.m !== undefined;
  const fixLambda = options.lambda !== undefined && fixM;
  const maxIt = options.maxIterations ?? 500;
  const tol = options.tolerance ?? 1e-9;
  const logLr = new Float64Array(n);
  const post = new Float64Array(n);
  let it = 0;
  let converged = fixM && fixLambda;
  const computeLr = () => {
    const logM = m.map((row) => row.map((x) => Math.log(x)));
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let f = 0; f < F; f++) {
        const l = matrix.levels[i * F + f]!;
        if (isNull[f]![l]) continue;
        s += logM[f]![l]! - logU[f]![l]!;
      }
      logLr[i] = s;
    }
  };
  const computePosterior = () => {
    for (let i = 0; i < n; i++) {
      // w = lambda LR / (lambda LR + 1 - lambda), computed on the log scale
      const a = Math.log(lambda) + logLr[i]!;
      const b = Math.log1p(-lambda);
      const mx = Math.max(a, b);
      post[i] = Math.exp(a - mx) / (Math.exp(a - mx) + Math.exp(b - mx));
    }
  };
  computeLr();
  if (!converged) {
    for (it = 1; it <= maxIt; it++) {
      computePosterior();
      let changed = 0;
      if (!fixM) {
        const next = matrix.grades.map((gs) => new Array<number>(gs.length).fill(0));
        for (let i = 0; i < n; i++) {
          const w = post[i]!;
          for (let f = 0; f < F; f++) {
            const l = matrix.levels[i * F + f]!;
            if (!isNull[f]![l]) next[f]![l]! += w;
          }
        }
        for (let f = 0; f < F; f++) {
          let total = 0;
          for (let l = 0; l < next[f]!.length; l++) if (!isNull[f]![l]) total += next[f]![l]! + pc;
          for (let l = 0; l < next[f]!.length; l++) {
            const v = isNull[f]![l] ? NaN : (next[f]![l]! + pc) / total;
            if (!isNull[f]![l]) changed = Math.max(changed, Math.abs(v - m[f]![l]!));
            next[f]![l] = v;
          }
        }
        m = next;
      }
      if (options.lambda === undefined) {
        let s = 0;
        for (let i = 0; i < n; i++) s += post[i]!;
        const nl = Math.min(1 - 1e-9, Math.max(1e-9, s / n));
        changed = Math.max(changed, Math.abs(nl - lambda));
        lambda = nl;
      }
      computeLr();
      if (changed < tol) {
        converged = true;
        break;
      }
    }
  }
  computePosterior();
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
    // log10(lambda LR + 1 - lambda)
    const a = Math.log(lambda) + logLr[i]!;
    const b = Math.log1p(-lambda);
    const mx = Math.max(a, b);
    mixture += (mx + Math.log(Math.exp(a - mx) + Math.exp(b - mx))) / Math.LN10;
    profiles.push({ id: matrix.ids[i]!, uploader: matrix.uploaders[i] ?? null, log10Lr: l10, posterior: post[i]!, verbal: verbalFromLog10(l10) });
  }
  return {
    probabilities, lambda, iterations: it, converged, profiles,
    log10LrAllCopied: allCopied, log10LrMixture: mixture,
    verbalAllCopied: verbalFromLog10(allCopied), verbalMixture: verbalFromLog10(mixture),
  };
}
