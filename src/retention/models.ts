/**
 * Decay shapes for the share still present after the contract end, fitted as QUASI-binomial
 * models and compared by QAIC.
 *
 * Shapes (t = days after the contract end, declared as data in `DECAY_SHAPES`):
 * - 'exponential, remaining(0) = 1':  p(t) = exp(−λt)                      (1 parameter; the old fit)
 * - 'exponential':                     p(t) = a·exp(−λt), a = remaining(0) free  (2 parameters)
 * - 'exponential with floor':          p(t) = f + (a − f)·exp(−λt), 0 ≤ f ≤ a   (3 parameters: deletion stops at a floor)
 *
 * Each is fitted by maximum binomial likelihood (Nelder–Mead on unconstrained transforms). The
 * counts of one capture are not independent draws (records cluster by uploader, page, batch), so
 * the variance is taken as φ·n·p(1 − p) with the dispersion φ estimated from the most general
 * shape by Pearson's statistic, φ̂ = X²/(m − p) (McCullagh & Nelder, Generalized Linear Models,
 * 2nd ed. 1989, §4.5.2), and never below 1 (under-dispersion is not credited). φ̂ is used in:
 * - the interval for λ: quasi-likelihood profile {λ : 2(ℓ̂ − ℓ_p(λ))/φ̂ ≤ χ²₁(level)};
 * - the criterion: QAIC = −2ℓ̂/φ̂ + 2(k + 1) (Burnham & Anderson, Model Selection and
 *   Multimodel Inference, 2nd ed. 2002, §2.5), k parameters plus one for φ, all shapes with the
 *   same φ̂. The lowest QAIC is preferred; a difference below 2 is no preference.
 *
 * @example
 * const m = fitDecayModels([{ t: 30, n: 200, k: 150 }, { t: 90, n: 200, k: 110 }, { t: 200, n: 200, k: 60 }]);
 * m.dispersion.phi;          // ≥ 1
 * m.models.map((x) => x.qaic);
 */
import { nelderMead } from '../stats/nelderMead';
import { normalQuantile } from '../stats/normalQuantile';
import { regularizedGammaP } from '../stats/regularizedGammaP';
import { fitDaysAfter, validateObservation, type RetentionObservation } from './claim';
import { bootstrapPercentileInterval, type DecayFit, type DecayOptions } from './decay';

export interface DecayPoint { t: number; n: number; k: number }

export type DecayShape = 'exponential, remaining(0) = 1' | 'exponential' | 'exponential with floor';

/** The shapes compared, with their parameter counts (declared as data). */
export const DECAY_SHAPES: ReadonlyArray<{ shape: DecayShape; parameters: number; formula: string }> = [
  { shape: 'exponential, remaining(0) = 1', parameters: 1, formula: 'p(t) = exp(−λt)' },
  { shape: 'exponential', parameters: 2, formula: 'p(t) = a·exp(−λt)' },
  { shape: 'exponential with floor', parameters: 3, formula: 'p(t) = f + (a − f)·exp(−λt)' },
];

export interface DecayModelFit {
  shape: DecayShape;
  formula: string;
  parameters: number;
  lambda: number;
  remaining0: number;
  floor: number;
  logLikelihood: number;
  /** Binomial deviance and Pearson X² of this shape. */
  deviance: number;
  pearsonChi2: number;
  /** QAIC with the common φ̂ (lower is better). */
  qaic: number;
  deltaQaic: number;
}

export interface DecayModels {
  dispersion: { pearsonChi2: number; df: number; phiHat: number; phi: number; fromShape: DecayShape; reference: string };
  models: DecayModelFit[];
  /** Lowest QAIC. */
  selected: DecayShape;
  criterion: string;
}

const expit = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const clampP = (p: number) => Math.min(1 - 1e-12, Math.max(1e-12, p));

function curve(shape: DecayShape, theta: readonly number[]): { lambda: number; a: number; f: number } {
  const lambda = Math.exp(theta[0]!);
  if (shape === 'exponential, remaining(0) = 1') return { lambda, a: 1, f: 0 };
  const a = expit(theta[1]!);
  if (shape === 'exponential') return { lambda, a, f: 0 };
  return { lambda, a, f: a * expit(theta[2]!) };
}

export function shareAt(c: { lambda: number; a: number; f: number }, t: number): number {
  return c.f + (c.a - c.f) * Math.exp(-c.lambda * Math.max(0, t));
}

export function binomialLogLik(pts: readonly DecayPoint[], p: (t: number) => number): number {
  let s = 0;
  for (const { t, n, k } of pts) {
    const q = clampP(p(t));
    s += k * Math.log(q) + (n - k) * Math.log(1 - q);
  }
  return s;
}

function stats(pts: readonly DecayPoint[], p: (t: number) => number): { deviance: number; pearson: number } {
  let d = 0, x2 = 0;
  for (const { t, n, k } of pts) {
    const q = clampP(p(t));
    if (k > 0) d += k * Math.log(k / (n * q));
    if (n - k > 0) d += (n - k) * Math.log((n - k) / (n * (1 - q)));
    x2 += (k - n * q) ** 2 / (n * q * (1 - q));
  }
  return { deviance: 2 * d, pearson: x2 };
}

function start(pts: readonly DecayPoint[], shape: DecayShape): number[] {
  const first = pts[0]!, last = pts[pts.length - 1]!;
  const p0 = clampP((first.k + 0.5) / (first.n + 1)), p1 = clampP((last.k + 0.5) / (last.n + 1));
  const lam = Math.max(1e-4, Math.log(p0 / p1) / Math.max(1, last.t - first.t));
  if (shape === 'exponential, remaining(0) = 1') return [Math.log(lam)];
  const a = clampP(Math.min(0.999, p0 * Math.exp(lam * first.t)));
  return shape === 'exponential' ? [Math.log(lam), logit(a)] : [Math.log(lam), logit(a), logit(0.1)];
}

/** Maximum-likelihood fit of one shape (optionally with λ fixed, for the profile). */
export function fitShape(pts: readonly DecayPoint[], shape: DecayShape, fixedLambda?: number): { lambda: number; a: number; f: number; logLikelihood: number } {
  const nll = (theta: number[]) => -binomialLogLik(pts, (t) => shareAt(curve(shape, fixedLambda === undefined ? theta : [Math.log(fixedLambda), ...theta]), t));
  let x0 = start(pts, shape);
  if (fixedLambda !== undefined) x0 = x0.slice(1);
  if (x0.length === 0) {
    const c = curve(shape, [Math.log(fixedLambda!)]);
    return { ...c, logLikelihood: -nll([]) };
  }
  // two restarts from the first optimum (Nelder–Mead can stall on a ridge)
  let best = nelderMead(nll, x0, { step: 0.5 });
  for (let r = 0; r < 2; r++) best = nelderMead(nll, best.x, { step: 0.25 });
  const c = curve(shape, fixedLambda === undefined ? best.x : [Math.log(fixedLambda), ...best.x]);
  return { ...c, logLikelihood: -best.value };
}

/** Fit every shape, estimate φ from the most general one, compare by QAIC. */
export function fitDecayModels(points: readonly DecayPoint[]): DecayModels {
  const pts = points.filter((p) => p.t > 0);
  if (pts.length === 0) throw new RangeError('no observation after the contract end: the decay cannot be estimated');
  const fits = DECAY_SHAPES.map((s) => ({ ...s, fit: fitShape(pts, s.shape) }));
  const general = fits[fits.length - 1]!;
  const g = stats(pts, (t) => shareAt(general.fit, t));
  const df = pts.length - general.parameters;
  const phiHat = df > 0 ? g.pearson / df : Number.NaN;
  const phi = Number.isFinite(phiHat) ? Math.max(1, phiHat) : 1;
  const models = fits.map((f) => {
    const st = stats(pts, (t) => shareAt(f.fit, t));
    return {
      shape: f.shape, formula: f.formula, parameters: f.parameters, lambda: f.fit.lambda, remaining0: f.fit.a, floor: f.fit.f,
      logLikelihood: f.fit.logLikelihood, deviance: st.deviance, pearsonChi2: st.pearson,
      qaic: (-2 * f.fit.logLikelihood) / phi + 2 * (f.parameters + 1), deltaQaic: 0,
    };
  });
  const minQ = Math.min(...models.map((m) => m.qaic));
  for (const m of models) m.deltaQaic = m.qaic - minQ;
  return {
    dispersion: {
      pearsonChi2: g.pearson, df, phiHat, phi, fromShape: general.shape,
      reference: 'φ̂ = Pearson X² / (m − p) of the most general shape (McCullagh & Nelder 1989, §4.5.2); φ = max(1, φ̂)',
    },
    models,
    selected: models.find((m) => m.qaic === minQ)!.shape,
    criterion: 'QAIC = −2ℓ̂/φ + 2(k + 1) (Burnham & Anderson 2002, §2.5); lowest preferred, differences below 2 are no preference',
  };
}

/**
 * Quasi-likelihood profile interval for λ of a shape: {λ : 2(ℓ̂ − ℓ_p(λ))/φ ≤ z²}, the other
 * parameters maximised at each λ; endpoints by bisection on log λ.
 */
export function quasiProfileInterval(points: readonly DecayPoint[], shape: DecayShape, phi: number, level: number): [number, number] {
  const pts = points.filter((p) => p.t > 0);
  const hat = fitShape(pts, shape);
  const z = normalQuantile(1 - (1 - level) / 2);
  const drop = (lam: number) => (2 * (hat.logLikelihood - fitShape(pts, shape, lam).logLikelihood)) / phi - z * z;
  const side = (dir: 1 | -1): number => {
    let inside = Math.log(hat.lambda);
    let out = inside + dir * 0.5;
    let steps = 0;
    while (drop(Math.exp(out)) < 0 && steps++ < 40) out += dir * 1;
    if (steps > 40) return dir > 0 ? Infinity : 0;
    for (let i = 0; i < 50; i++) {
      const mid = (inside + out) / 2;
      if (drop(Math.exp(mid)) < 0) inside = mid;
      else out = mid;
      if (Math.abs(out - inside) < 1e-7) break;
    }
    return Math.exp((inside + out) / 2);
  };
  return [side(-1), side(1)];
}

/** The retention fit: the exponential with remaining(0) free, quasi-binomial, plus the shapes compared. */
export interface RetentionDecayFit extends DecayFit {
  shape: 'exponential';
  remaining0: number;
  dispersion: DecayModels['dispersion'];
  models: DecayModelFit[];
  selected: DecayShape;
  criterion: string;
}

/**
 * Fit p(t) = a·exp(−λt) (remaining(0) = a free) as a quasi-binomial model: λ's interval by the
 * quasi-likelihood profile (or a parametric bootstrap whose spread is scaled by √φ), the
 * goodness of fit by the deviance, and the shapes of `DECAY_SHAPES` compared by QAIC.
 */
export function fitRetentionDecay(contractEnd: string, observations: readonly RetentionObservation[], options: DecayOptions = {}): RetentionDecayFit {
  const level = options.level ?? 0.95;
  const method = options.method ?? 'profile';
  const points = observations.map((o) => {
    validateObservation(o);
    return { t: fitDaysAfter(contractEnd, o), n: o.inspected, k: o.sourceOrigin };
  });
  const pts = points.filter((p) => p.t > 0);
  const cmp = fitDecayModels(pts);
  const main = cmp.models.find((m) => m.shape === 'exponential')!;
  const phi = cmp.dispersion.phi;
  let interval: [number, number];
  let bootstrap: DecayFit['bootstrap'];
  if (method === 'bootstrap') {
    const replicates = options.replicates ?? 2000;
    const seed = options.seed ?? 1;
    const [qa, qb] = bootstrapPercentileInterval(pts, (t) => main.remaining0 * Math.exp(-main.lambda * t), (star) => fitShape(star, 'exponential').lambda, level, replicates, seed);
    const s = Math.sqrt(phi);
    interval = [Math.max(0, main.lambda + s * (qa - main.lambda)), main.lambda + s * (qb - main.lambda)];
    bootstrap = { replicates, seed };
  } else {
    interval = quasiProfileInterval(pts, 'exponential', phi, level);
  }
  const df = Math.max(0, pts.length - 2);
  return {
    contractEnd, shape: 'exponential', lambda: main.lambda, remaining0: main.remaining0, interval, method, level,
    halfLifeDays: Math.LN2 / main.lambda,
    halfLifeInterval: [Math.LN2 / interval[1], interval[0] > 0 ? Math.LN2 / interval[0] : Infinity],
    logLikelihood: main.logLikelihood, deviance: main.deviance, degreesOfFreedom: df,
    goodnessOfFitP: df > 0 ? regularizedGammaP(df / 2, main.deviance / 2, false) : Number.NaN,
    ...(bootstrap ? { bootstrap } : {}),
    points,
    dispersion: cmp.dispersion, models: cmp.models, selected: cmp.selected, criterion: cmp.criterion,
  };
}
